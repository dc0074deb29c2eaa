package dev.tarn.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.api.QueryFailedException;
import dev.tarn.engine.api.QueryRecord;
import dev.tarn.engine.api.QueryState;
import dev.tarn.engine.api.QueryStatistics;
import dev.tarn.engine.api.TarnEngine;
import dev.tarn.engine.sql.system.SystemTables;
import dev.tarn.server.protocol.ExecutionMetadata;
import dev.tarn.server.protocol.FlightErrors;
import dev.tarn.server.protocol.ProtocolJson;
import dev.tarn.server.protocol.SessionInfo;
import dev.tarn.server.protocol.TarnProtocol;
import java.io.ByteArrayInputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.Action;
import org.apache.arrow.flight.CancelFlightInfoRequest;
import org.apache.arrow.flight.CancelStatus;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlInfo;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server through Arrow's own Flight SQL client: statements, prepared statements, metadata, errors, cancel. */
class FlightSqlServerTest {

  @TempDir
  static Path folder;
  private static TarnEngine engine;
  private static TarnServer server;
  private BufferAllocator allocator;
  private FlightClients.Connection alice;

  @BeforeAll
  static void start() throws Exception {
    engine = TestWarehouse.open(folder);
    server = TarnServer.start(engine, ServerConfig.of(FlightClients.credentials()).withAddress("127.0.0.1", 0));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    engine.close();
  }

  @BeforeEach
  void connect() {
    allocator = new RootAllocator();
    alice = connection();
  }

  @AfterEach
  void disconnect() throws Exception {
    alice.close();
    allocator.close();
  }

  private FlightClients.Connection connection() {
    return new FlightClients.Connection(allocator, server.location(), FlightClients.USER, FlightClients.PASSWORD);
  }

  @Test
  void aQueryStreamsItsRowsAndCarriesItsQueryId() throws Exception {
    FlightInfo info = alice.sql.execute(
        "SELECT region, count(*) AS n, sum(amount) AS total FROM shop.sales GROUP BY region ORDER BY region",
        alice.options);
    assertThat(info.getSchema().getFields()).extracting(Field::getName).containsExactly("region", "n", "total");
    ExecutionMetadata metadata = ExecutionMetadata.fromJson(info.getAppMetadata());
    assertThat(metadata.updateCount()).isEqualTo(-1);
    assertThat(metadata.currentDatabase()).isEqualTo("default");

    assertThat(alice.rows(info)).containsExactly(
        List.of("east", "334", "208541.25"), List.of("north", "333", "208125.00"), List.of("west", "333", "207708.75"));
    QueryStatistics statistics = ProtocolJson.read(action(alice, TarnProtocol.ACTION_STATISTICS,
        metadata.queryId().getBytes(StandardCharsets.UTF_8)), QueryStatistics.class);
    assertThat(statistics.rows()).isEqualTo(3);
    assertThat(statistics.bytesScanned()).isPositive();
    assertThat(statistics.filesScanned()).isEqualTo(1);
  }

  @Test
  void preparedStatementsAreDescribedThenBoundAndRun() throws Exception {
    FlightSqlClient.PreparedStatement prepared = alice.sql.prepare(
        "SELECT count(*) AS n, min(day) AS first FROM shop.sales WHERE region = ? AND id < ?", alice.options);
    try {
      assertThat(prepared.getResultSetSchema().getFields()).extracting(Field::getName).containsExactly("n", "first");
      assertThat(prepared.getParameterSchema().getFields()).extracting(Field::getType)
          .containsExactly(ArrowType.Utf8.INSTANCE, new ArrowType.Int(64, true));
      for (long limit : new long[] {100, 10}) {
        VectorSchemaRoot parameters = VectorSchemaRoot.create(prepared.getParameterSchema(), allocator);
        ((VarCharVector) parameters.getVector(0)).setSafe(0, "east".getBytes(StandardCharsets.UTF_8));
        ((BigIntVector) parameters.getVector(1)).setSafe(0, limit);
        parameters.setRowCount(1);
        prepared.setParameters(parameters);
        assertThat(alice.rows(prepared.execute(alice.options)))
            .containsExactly(List.of(limit == 100 ? "34" : "4", "2024-01-01"));
      }
    } finally {
      prepared.close(alice.options);
    }
    FlightSqlClient.PreparedStatement ddl = alice.sql.prepare("CREATE DATABASE IF NOT EXISTS prepared_db",
        alice.options);
    try {
      assertThat(ddl.getResultSetSchema().getFields()).isEmpty();
      assertThat(ddl.executeUpdate(alice.options)).isZero();
    } finally {
      ddl.close(alice.options);
    }
    assertThat(engine.catalog().getDatabase("prepared_db")).isPresent();
  }

  @Test
  void eachConnectionHasItsOwnCurrentDatabase() throws Exception {
    alice.sql.executeUpdate("USE shop", alice.options);
    try (FlightClients.Connection other = connection()) {
      assertThat(alice.query("SELECT count(*) FROM sales")).containsExactly(List.of("1000"));
      assertThat(session(alice).currentDatabase()).isEqualTo("shop");
      assertThat(session(other).currentDatabase()).isEqualTo("default");
      assertThatThrownBy(() -> other.query("SELECT count(*) FROM sales"))
          .isInstanceOfSatisfying(FlightRuntimeException.class,
              e -> assertThat(e.status().code()).isEqualTo(FlightStatusCode.NOT_FOUND));
    }
    assertThat(session(alice).user()).isEqualTo(FlightClients.USER);
  }

  @Test
  void errorsCarryTheTarnCodeObjectAndQueryId() {
    assertThatThrownBy(() -> alice.query("SELECT nope FROM shop.sales"))
        .isInstanceOfSatisfying(FlightRuntimeException.class, e -> {
          assertThat(e.status().code()).isEqualTo(FlightStatusCode.NOT_FOUND);
          assertThat(e.status().description()).startsWith("NOT_FOUND: ").contains("nope").contains("[query id: ");
          TarnException tarn = FlightErrors.toTarn(e);
          assertThat(tarn).isInstanceOf(QueryFailedException.class);
          assertThat(tarn.code()).isEqualTo(ErrorCode.NOT_FOUND);
          QueryRecord record = record(((QueryFailedException) tarn).queryId());
          assertThat(record.state()).isEqualTo(QueryState.FAILED);
        });
    assertThatThrownBy(() -> alice.query("SELEC 1"))
        .isInstanceOfSatisfying(FlightRuntimeException.class, e -> {
          assertThat(e.status().code()).isEqualTo(FlightStatusCode.INVALID_ARGUMENT);
          assertThat(FlightErrors.toTarn(e).code()).isEqualTo(ErrorCode.SYNTAX_ERROR);
        });
  }

  @Test
  void catalogCommandsAnswerFromTheCatalog() throws Exception {
    assertThat(alice.rows(alice.sql.getCatalogs(alice.options))).containsExactly(List.of("tarn"));
    assertThat(alice.rows(alice.sql.getSchemas(null, "%", alice.options)))
        .contains(List.of("tarn", "default"), List.of("tarn", "shop"), List.of("tarn", "information_schema"),
            List.of("tarn", "system"));
    assertThat(alice.rows(alice.sql.getSchemas("tarn", "SYS%", alice.options)))
        .containsExactly(List.of("tarn", "system"));
    assertThat(alice.rows(alice.sql.getTableTypes(alice.options)))
        .containsExactly(List.of("EXTERNAL TABLE"), List.of("SYSTEM TABLE"), List.of("TABLE"), List.of("VIEW"));
    assertThat(alice.rows(alice.sql.getTables(null, "shop", "%", List.of("TABLE"), false, alice.options)))
        .as("asking for TABLE also gives external tables, as Tarn's JDBC driver does")
        .containsExactly(List.of("tarn", "shop", "numbers", "EXTERNAL TABLE"),
            List.of("tarn", "shop", "sales", "EXTERNAL TABLE"));
    assertThat(alice.rows(alice.sql.getPrimaryKeys(
        org.apache.arrow.flight.sql.util.TableRef.of("tarn", "shop", "sales"), alice.options))).isEmpty();

    FlightInfo tables = alice.sql.getTables(null, "sh_p", "%", List.of("EXTERNAL TABLE"), true, alice.options);
    try (FlightStream stream = alice.sql.getStream(tables.getEndpoints().get(0).getTicket(), alice.options)) {
      assertThat(stream.next()).isTrue();
      VectorSchemaRoot root = stream.getRoot();
      assertThat(root.getRowCount()).isEqualTo(2);
      assertThat(root.getVector("table_name").getObject(0).toString()).isEqualTo("numbers");
      assertThat(root.getVector("table_name").getObject(1).toString()).isEqualTo("sales");
      Schema sales = MessageSerializer.deserializeSchema(new ReadChannel(Channels.newChannel(
          new ByteArrayInputStream(((VarBinaryVector) root.getVector("table_schema")).get(1)))));
      assertThat(sales.getFields()).extracting(Field::getName).containsExactly("id", "region", "amount", "day");
      assertThat(sales.getFields().get(2).getType()).isEqualTo(new ArrowType.Decimal(10, 2, 128));
      assertThat(sales.getFields().get(1).getMetadata()).containsEntry("ARROW:FLIGHT:SQL:TYPE_NAME", "STRING")
          .containsEntry("ARROW:FLIGHT:SQL:REMARKS", "where it was sold");
    }
    assertThat(alice.rows(alice.sql.getTables(null, null, "%", List.of("SYSTEM TABLE"), false, alice.options)))
        .containsExactly(List.of("tarn", "information_schema", "columns", "SYSTEM TABLE"),
            List.of("tarn", "information_schema", "schemata", "SYSTEM TABLE"),
            List.of("tarn", "information_schema", "tables", "SYSTEM TABLE"),
            List.of("tarn", "information_schema", "views", "SYSTEM TABLE"),
            List.of("tarn", "system", "queries", "SYSTEM TABLE"));
    FlightInfo queries = alice.sql.getTables(null, "system", "queries", null, true, alice.options);
    try (FlightStream stream = alice.sql.getStream(queries.getEndpoints().get(0).getTicket(), alice.options)) {
      assertThat(stream.next()).isTrue();
      VectorSchemaRoot root = stream.getRoot();
      assertThat(root.getRowCount()).isEqualTo(1);
      assertThat(root.getVector("table_type").getObject(0).toString()).isEqualTo("SYSTEM TABLE");
      Schema schema = MessageSerializer.deserializeSchema(new ReadChannel(Channels.newChannel(
          new ByteArrayInputStream(((VarBinaryVector) root.getVector("table_schema")).get(0)))));
      assertThat(schema.getFields()).extracting(Field::getName).startsWith("query_id", "state", "query", "started")
          .hasSize(SystemTables.find("system.queries").orElseThrow().columns().size());
      assertThat(schema.getFields()).extracting(Field::getType)
          .containsExactlyElementsOf(SystemTables.find("system.queries").orElseThrow().fields().stream()
              .map(Field::getType).toList());
      assertThat(schema.getFields().get(0).getMetadata()).containsEntry("ARROW:FLIGHT:SQL:TYPE_NAME", "STRING")
          .containsEntry("ARROW:FLIGHT:SQL:SCHEMA_NAME", "system");
    }
    assertThat(alice.rows(alice.sql.getSqlInfo(new SqlInfo[] {SqlInfo.FLIGHT_SQL_SERVER_NAME}, alice.options)))
        .containsExactly(List.of(String.valueOf(SqlInfo.FLIGHT_SQL_SERVER_NAME_VALUE), "Tarn"));
    List<String> allInfos = alice.rows(alice.sql.getSqlInfo(new int[0], alice.options)).stream()
        .map(row -> row.get(0)).toList();
    assertThat(allInfos).hasSizeGreaterThan(30).contains(String.valueOf(SqlInfo.SQL_SCHEMA_TERM_VALUE),
        String.valueOf(SqlInfo.FLIGHT_SQL_SERVER_ARROW_VERSION_VALUE), String.valueOf(SqlInfo.SQL_KEYWORDS_VALUE));
    assertThat(alice.rows(alice.sql.getSqlInfo(new SqlInfo[] {SqlInfo.SQL_MAX_BINARY_LITERAL_LENGTH},
        alice.options))).as("an info Tarn does not give is left out, not an error").isEmpty();
    assertThat(alice.rows(alice.sql.getXdbcTypeInfo(alice.options))).extracting(row -> row.get(0))
        .contains("BIGINT", "DECIMAL", "VARCHAR", "DATE", "TIMESTAMP");
  }

  @Test
  void cancellingAFlightStopsTheQueryAndMarksItCancelled() throws Exception {
    FlightInfo info = alice.sql.execute(TestWarehouse.LONG_QUERY, alice.options);
    String queryId = ExecutionMetadata.fromJson(info.getAppMetadata()).queryId();
    CompletableFuture<Throwable> reading = CompletableFuture.supplyAsync(() -> {
      try (FlightStream stream = alice.sql.getStream(info.getEndpoints().get(0).getTicket(), alice.options)) {
        while (stream.next()) {
          // the count arrives only if the query is not cancelled
        }
        return null;
      } catch (Throwable e) {
        return e;
      }
    });
    Thread.sleep(300);
    long start = System.nanoTime();
    assertThat(alice.sql.cancelFlightInfo(new CancelFlightInfoRequest(info), alice.options).getStatus())
        .isEqualTo(CancelStatus.CANCELLED);
    Throwable failure = reading.get(30, TimeUnit.SECONDS);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(10_000);
    assertThat(failure).isInstanceOfSatisfying(FlightRuntimeException.class,
        e -> assertThat(e.status().code()).isEqualTo(FlightStatusCode.CANCELLED));
    assertThat(record(queryId).state()).isEqualTo(QueryState.CANCELLED);
  }

  @Test
  void aStreamClosedEarlySucceedsWithTheRowsDeliveredAndFreesTheResult() throws Exception {
    FlightInfo info = alice.sql.execute("SELECT x FROM shop.numbers", alice.options);
    String queryId = ExecutionMetadata.fromJson(info.getAppMetadata()).queryId();
    try (FlightStream stream = alice.sql.getStream(info.getEndpoints().get(0).getTicket(), alice.options)) {
      assertThat(stream.next()).isTrue();
      assertThat(stream.getRoot().getRowCount()).isPositive();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (record(queryId).state() == QueryState.RUNNING && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    QueryRecord record = record(queryId);
    assertThat(record.state()).isEqualTo(QueryState.SUCCEEDED);
    assertThat(record.statistics().rows()).isPositive().isLessThanOrEqualTo(TestWarehouse.NUMBERS_ROWS);
  }

  @Test
  void credentialsAreRequiredAndChecked() throws Exception {
    try (org.apache.arrow.flight.FlightClient anonymous = org.apache.arrow.flight.FlightClient
        .builder(allocator, server.location()).build();
        FlightSqlClient sql = new FlightSqlClient(anonymous)) {
      assertThatThrownBy(() -> sql.execute("SELECT 1"))
          .isInstanceOfSatisfying(FlightRuntimeException.class, e -> {
            assertThat(e.status().code()).isEqualTo(FlightStatusCode.UNAUTHENTICATED);
            assertThat(e.status().description()).contains("does not allow anonymous access");
          });
      assertThatThrownBy(() -> anonymous.authenticateBasicToken(FlightClients.USER, "wrong"))
          .isInstanceOfSatisfying(FlightRuntimeException.class, e -> {
            assertThat(e.status().code()).isEqualTo(FlightStatusCode.UNAUTHENTICATED);
            assertThat(e.status().description()).contains("Invalid user name or password");
          });
      org.apache.arrow.flight.grpc.CredentialCallOption token = new org.apache.arrow.flight.grpc.CredentialCallOption(
          new org.apache.arrow.flight.auth2.BearerCredentialWriter(FlightClients.TOKEN));
      FlightInfo info = sql.execute("SELECT 1 AS one", token);
      try (FlightStream stream = sql.getStream(info.getEndpoints().get(0).getTicket(), token)) {
        assertThat(stream.next()).isTrue();
        assertThat(FlightClients.rows(stream.getRoot())).containsExactly(List.of("1"));
      }
    }
  }

  private static byte[] action(FlightClients.Connection connection, String type, byte[] body) {
    Iterator<Result> results = connection.client.doAction(new Action(type, body), connection.options);
    return results.next().getBody();
  }

  private static SessionInfo session(FlightClients.Connection connection) {
    return ProtocolJson.read(action(connection, TarnProtocol.ACTION_SESSION, new byte[0]), SessionInfo.class);
  }

  private static QueryRecord record(String queryId) {
    return engine.queryLog().records().stream().filter(r -> r.queryId().equals(queryId)).findFirst().orElseThrow();
  }
}
