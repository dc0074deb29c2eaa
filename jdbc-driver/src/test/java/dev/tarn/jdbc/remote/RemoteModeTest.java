package dev.tarn.jdbc.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.catalog.model.Database;
import dev.tarn.jdbc.TarnConnection;
import dev.tarn.jdbc.TarnExecutionInfo;
import dev.tarn.jdbc.TarnQueryError;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tarn's driver in remote mode against a real server (its own JVM) on loopback, next to the same warehouse opened
 * embedded: metadata, results, errors and statistics must be the same; sessions are isolated; cancel, concurrency
 * and authentication work as a client application sees them.
 */
class RemoteModeTest {

  @TempDir
  static Path folder;
  private static String embeddedUrl;
  private static ServerProcess server;

  @BeforeAll
  static void start() throws Exception {
    Path warehouse = RemoteFixture.create(folder);
    embeddedUrl = "jdbc:tarn:" + warehouse;
    server = ServerProcess.start(warehouse);
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private static Connection remote(String properties) throws SQLException {
    return DriverManager.getConnection(server.url(RemoteFixture.CREDENTIALS + properties));
  }

  private static Connection remote() throws SQLException {
    return remote("");
  }

  private static Connection embedded() throws SQLException {
    return DriverManager.getConnection(embeddedUrl);
  }

  /** Column labels and JDBC types, then every row's values as getObject returns them. */
  private static List<List<Object>> table(ResultSet results) throws SQLException {
    List<List<Object>> table = new ArrayList<>();
    ResultSetMetaData metadata = results.getMetaData();
    List<Object> header = new ArrayList<>();
    for (int column = 1; column <= metadata.getColumnCount(); column++) {
      header.add(metadata.getColumnLabel(column) + ":" + metadata.getColumnType(column) + ":"
          + metadata.getColumnTypeName(column));
    }
    table.add(header);
    while (results.next()) {
      List<Object> row = new ArrayList<>();
      for (int column = 1; column <= metadata.getColumnCount(); column++) {
        row.add(results.getObject(column));
      }
      table.add(row);
    }
    results.close();
    return table;
  }

  private interface MetadataCall {
    ResultSet call(DatabaseMetaData metadata) throws SQLException;
  }

  @Test
  void metadataIsTheSameAsEmbeddedRowByRow() throws Exception {
    List<MetadataCall> calls = List.of(
        DatabaseMetaData::getCatalogs,
        DatabaseMetaData::getSchemas,
        m -> m.getSchemas(null, "%a%"),
        DatabaseMetaData::getTableTypes,
        m -> m.getTables(null, null, "%", null),
        m -> m.getTables("tarn", "tpch", "line%", new String[] {"EXTERNAL TABLE"}),
        m -> m.getColumns(null, null, "%", "%"),
        m -> m.getColumns(null, "analytics", "nations", "n\\_%"),
        DatabaseMetaData::getTypeInfo,
        m -> m.getPrimaryKeys(null, "tpch", "orders"),
        m -> m.getImportedKeys(null, "tpch", "orders"),
        m -> m.getFunctions(null, null, "%"));
    try (Connection embedded = embedded(); Connection remote = remote()) {
      DatabaseMetaData local = embedded.getMetaData();
      DatabaseMetaData served = remote.getMetaData();
      for (int index = 0; index < calls.size(); index++) {
        List<List<Object>> expected = table(calls.get(index).call(local));
        assertThat(table(calls.get(index).call(served))).as("metadata call %d", index).isEqualTo(expected);
      }
      assertThat(table(served.getColumns(null, null, "%", "%"))).hasSizeGreaterThan(60);
      assertThat(served.getIdentifierQuoteString()).isEqualTo(local.getIdentifierQuoteString());
      assertThat(served.storesLowerCaseIdentifiers()).isEqualTo(local.storesLowerCaseIdentifiers());
      assertThat(served.getURL()).startsWith("jdbc:tarn://127.0.0.1:");
    }
  }

  @Test
  void queriesPreparedStatementsAndErrorsAreTheSameAsEmbedded() throws Exception {
    String query = "SELECT l_returnflag, l_linestatus, sum(l_quantity) AS qty, avg(l_extendedprice) AS price,"
        + " min(l_shipdate) AS first, count(*) AS n FROM tpch.lineitem WHERE ship_year = 1995"
        + " GROUP BY l_returnflag, l_linestatus ORDER BY l_returnflag, l_linestatus";
    String prepared = "SELECT o_orderpriority, count(*) FROM tpch.orders WHERE o_orderdate >= ? AND o_orderstatus = ?"
        + " AND o_totalprice > ? GROUP BY o_orderpriority ORDER BY 1";
    try (Connection embedded = embedded(); Connection remote = remote();
        Statement local = embedded.createStatement(); Statement served = remote.createStatement()) {
      List<List<Object>> expected = table(local.executeQuery(query));
      assertThat(expected).hasSize(5);
      assertThat(table(served.executeQuery(query))).isEqualTo(expected);

      List<List<List<Object>>> answers = new ArrayList<>();
      for (Connection connection : List.of(embedded, remote)) {
        try (PreparedStatement statement = connection.prepareStatement(prepared)) {
          assertThat(statement.getParameterMetaData().getParameterCount()).isEqualTo(3);
          statement.setDate(1, java.sql.Date.valueOf("1996-01-01"));
          statement.setString(2, "F");
          statement.setBigDecimal(3, new java.math.BigDecimal("1000.50"));
          answers.add(table(statement.executeQuery()));
          statement.setString(2, "O");
          answers.add(table(statement.executeQuery()));
        }
      }
      assertThat(answers.get(2)).isEqualTo(answers.get(0));
      assertThat(answers.get(3)).isEqualTo(answers.get(1));
      assertThat(answers.get(1)).hasSizeGreaterThan(2);

      SQLException localError = catchSql(() -> local.executeQuery("SELECT l_nope FROM tpch.lineitem"));
      SQLException remoteError = catchSql(() -> served.executeQuery("SELECT l_nope FROM tpch.lineitem"));
      assertThat(remoteError.getSQLState()).isEqualTo(localError.getSQLState());
      assertThat(remoteError.getErrorCode()).isEqualTo(localError.getErrorCode());
      assertThat(remoteError.getClass()).isEqualTo(localError.getClass());
      String remoteId = ((TarnQueryError) remoteError).queryId();
      assertThat(remoteError.getMessage()).isEqualTo(localError.getMessage()
          .replace(((TarnQueryError) localError).queryId(), remoteId));
      assertThat(served.unwrap(TarnExecutionInfo.class).queryId()).isEqualTo(remoteId);
      try (ResultSet history = served.executeQuery(
          "SELECT state, error_code FROM system.queries WHERE query_id = '" + remoteId + "'")) {
        assertThat(history.next()).isTrue();
        assertThat(history.getString(1)).isEqualTo("FAILED");
        assertThat(history.getString(2)).isEqualTo("NOT_FOUND");
      }
    }
  }

  @Test
  void statisticsComeThroughUnwrapAsEmbedded() throws Exception {
    String query = "SELECT count(*), sum(l_quantity) FROM tpch.lineitem WHERE ship_year = 1994 AND l_discount > 0.05";
    List<TarnExecutionInfo> figures = new ArrayList<>();
    for (Connection connection : List.of(embedded(), remote())) {
      try (connection; Statement statement = connection.createStatement();
          ResultSet results = statement.executeQuery(query)) {
        while (results.next()) {
          results.getLong(1);
        }
        TarnExecutionInfo info = results.unwrap(TarnExecutionInfo.class);
        assertThat(info.queryId()).isNotNull();
        figures.add(snapshot(statement.unwrap(TarnExecutionInfo.class)));
      }
    }
    TarnExecutionInfo local = figures.get(0);
    TarnExecutionInfo served = figures.get(1);
    assertThat(served.rows()).isEqualTo(1);
    assertThat(served.bytesScanned()).isPositive().isEqualTo(local.bytesScanned());
    assertThat(served.partitionsScanned()).isEqualTo(local.partitionsScanned()).isLessThan(served.partitionsTotal());
    assertThat(served.filesScanned()).isEqualTo(local.filesScanned());
    assertThat(served.rowGroupsTotal()).isEqualTo(local.rowGroupsTotal());
  }

  /** The figures as they are now, so that they can be compared after the connection closed. */
  private static TarnExecutionInfo snapshot(TarnExecutionInfo info) {
    long rows = info.rows();
    long bytes = info.bytesScanned();
    long partitions = info.partitionsScanned();
    long partitionsTotal = info.partitionsTotal();
    long files = info.filesScanned();
    long filesTotal = info.filesTotal();
    long groups = info.rowGroupsScanned();
    long groupsTotal = info.rowGroupsTotal();
    long pages = info.pagesSkipped();
    long elapsed = info.elapsedMillis();
    String id = info.queryId();
    return new TarnExecutionInfo() {
      @Override public String queryId() { return id; }
      @Override public long rows() { return rows; }
      @Override public long bytesScanned() { return bytes; }
      @Override public long partitionsScanned() { return partitions; }
      @Override public long partitionsTotal() { return partitionsTotal; }
      @Override public long filesScanned() { return files; }
      @Override public long filesTotal() { return filesTotal; }
      @Override public long rowGroupsScanned() { return groups; }
      @Override public long rowGroupsTotal() { return groupsTotal; }
      @Override public long pagesSkipped() { return pages; }
      @Override public long elapsedMillis() { return elapsed; }
    };
  }

  @Test
  void eachConnectionHasItsOwnCurrentDatabase() throws Exception {
    try (Connection first = remote(); Connection second = remote(); Connection third = remote(";database=analytics");
        Statement one = first.createStatement(); Statement two = second.createStatement()) {
      one.execute("USE tpch");
      assertThat(first.getSchema()).isEqualTo("tpch");
      assertThat(second.getSchema()).isEqualTo("default");
      assertThat(third.getSchema()).isEqualTo("analytics");
      try (ResultSet count = one.executeQuery("SELECT count(*) FROM region")) {
        assertThat(count.next()).isTrue();
        assertThat(count.getLong(1)).isEqualTo(5);
      }
      assertThatThrownBy(() -> two.executeQuery("SELECT count(*) FROM region"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42S02"));
      second.setSchema("analytics");
      try (ResultSet count = two.executeQuery("SELECT count(*) FROM nations")) {
        assertThat(count.next()).isTrue();
        assertThat(count.getLong(1)).isEqualTo(25);
      }
      assertThatThrownBy(() -> second.setSchema("missing"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42S02"));
      assertThat(first.getSchema()).isEqualTo("tpch");
    }
  }

  @Test
  void cancelFromAnotherThreadStopsTheQueryOnTheServer() throws Exception {
    try (Connection connection = remote(); Statement statement = connection.createStatement()) {
      // executeQuery waits for the first batch, which this query makes only at its end: cancel reaches it there.
      CompletableFuture<Throwable> reading = CompletableFuture.supplyAsync(() -> {
        try (ResultSet results = statement.executeQuery(RemoteFixture.LONG_QUERY)) {
          results.next();
          return null;
        } catch (Throwable e) {
          return e;
        }
      });
      TarnExecutionInfo live = statement.unwrap(TarnExecutionInfo.class);
      // The id is there once the server has planned the query (seconds in its cold JVM), before any rows.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (live.queryId() == null && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(live.queryId()).isNotNull();
      Thread.sleep(300);
      long elapsed = live.elapsedMillis();
      Thread.sleep(100);
      assertThat(live.elapsedMillis()).as("live figures from the server").isGreaterThan(elapsed);
      long start = System.nanoTime();
      statement.cancel();
      Throwable failure = reading.get(30, TimeUnit.SECONDS);
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(10_000);
      assertThat(failure).isInstanceOfSatisfying(SQLException.class,
          e -> assertThat(e.getSQLState()).isEqualTo("57014"));
      String queryId = ((TarnQueryError) failure).queryId();
      assertThat(queryId).isNotNull();
      try (Statement history = connection.createStatement(); ResultSet state = history.executeQuery(
          "SELECT state, error_code FROM system.queries WHERE query_id = '" + queryId + "'")) {
        assertThat(state.next()).isTrue();
        assertThat(state.getString(1)).isEqualTo("CANCELLED");
      }
    }
  }

  /**
   * A result set closed unread succeeds with no rows, as embedded; one closed after its first rows stops the
   * server's stream, which succeeds, or is cancelled if the engine was computing the next batch at that moment.
   */
  @Test
  void resultSetsClosedEarlyStopOnTheServer() throws Exception {
    try (Connection connection = remote(); Statement statement = connection.createStatement()) {
      String unread;
      try (ResultSet results = statement.executeQuery("SELECT * FROM tpch.lineitem")) {
        unread = results.unwrap(TarnExecutionInfo.class).queryId();
      }
      String partlyRead;
      try (ResultSet results = statement.executeQuery("SELECT * FROM tpch.lineitem")) {
        assertThat(results.next()).isTrue();
        partlyRead = results.unwrap(TarnExecutionInfo.class).queryId();
      }
      assertThat(finalState(statement, unread)).isEqualTo("SUCCEEDED");
      assertThat(finalState(statement, partlyRead)).isIn("SUCCEEDED", "CANCELLED");
    }
  }

  /** The state of a query in system.queries once it is no longer RUNNING. */
  private static String finalState(Statement statement, String queryId) throws Exception {
    String state = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      try (ResultSet history = statement.executeQuery(
          "SELECT state FROM system.queries WHERE query_id = '" + queryId + "'")) {
        state = history.next() ? history.getString(1) : null;
      }
      if (!"RUNNING".equals(state)) {
        break;
      }
      Thread.sleep(50);
    }
    return state;
  }

  @Test
  void clientsRunQueriesConcurrently() throws Exception {
    List<String> queries = List.of("SELECT count(*) FROM tpch.lineitem WHERE ship_year = 1993",
        "SELECT count(*) FROM tpch.orders WHERE o_orderstatus = 'F'",
        "SELECT count(*) FROM tpch.customer WHERE c_mktsegment = 'BUILDING'",
        "SELECT count(*) FROM tpch.partsupp WHERE ps_availqty > 5000");
    List<Long> expected = new ArrayList<>();
    try (Connection embedded = embedded(); Statement statement = embedded.createStatement()) {
      for (String query : queries) {
        expected.add(count(statement, query));
      }
    }
    ExecutorService clients = Executors.newFixedThreadPool(queries.size());
    try {
      List<Future<List<Long>>> answers = new ArrayList<>();
      for (int client = 0; client < queries.size(); client++) {
        int first = client;
        answers.add(clients.submit(() -> {
          List<Long> counts = new ArrayList<>();
          try (Connection connection = remote(); Statement statement = connection.createStatement()) {
            for (int round = 0; round < 3; round++) {
              for (int offset = 0; offset < queries.size(); offset++) {
                counts.add(count(statement, queries.get((first + offset) % queries.size())));
              }
            }
          }
          return counts;
        }));
      }
      for (int client = 0; client < queries.size(); client++) {
        List<Long> counts = answers.get(client).get(5, TimeUnit.MINUTES);
        for (int index = 0; index < counts.size(); index++) {
          assertThat(counts.get(index)).isEqualTo(expected.get((client + index) % queries.size())).isPositive();
        }
      }
    } finally {
      clients.shutdownNow();
    }
  }

  private static long count(Statement statement, String query) throws SQLException {
    try (ResultSet results = statement.executeQuery(query)) {
      assertThat(results.next()).isTrue();
      return results.getLong(1);
    }
  }

  @Test
  void ddlRunsOnTheServerAndMetadataSeesItButTheCatalogStoreIsReadOnly() throws Exception {
    try (Connection connection = remote(); Statement statement = connection.createStatement()) {
      try (ResultSet schemas = connection.getMetaData().getSchemas()) {
        assertThat(table(schemas)).noneMatch(row -> row.get(0).equals("made_remotely"));
      }
      assertThat(statement.executeUpdate("CREATE DATABASE made_remotely")).isZero();
      try (ResultSet schemas = connection.getMetaData().getSchemas()) {
        assertThat(table(schemas)).anyMatch(row -> row.get(0).equals("made_remotely"));
      }
      var catalog = connection.unwrap(TarnConnection.class).catalogStore();
      assertThat(catalog.getDatabase("made_remotely")).isPresent();
      assertThatThrownBy(() -> catalog.createDatabase(Database.named("direct"), false))
          .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("read-only")
          .hasMessageContaining("DDL");
      statement.executeUpdate("DROP DATABASE made_remotely");
    }
  }

  @Test
  void credentialsAreRequiredAndCheckedWithSqlState28000() throws Exception {
    assertThatThrownBy(() -> DriverManager.getConnection(server.url("")))
        .isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("28000");
          assertThat(e.getMessage()).contains("does not allow anonymous access");
        });
    assertThatThrownBy(() -> DriverManager.getConnection(server.url(";user=alice;password=wrong")))
        .isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("28000");
          assertThat(e.getMessage()).contains("Invalid user name or password");
        });
    assertThatThrownBy(() -> DriverManager.getConnection(server.url(";token=not-a-token")))
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28000"));
    try (Connection connection = DriverManager.getConnection(server.url(";token=" + RemoteFixture.TOKEN));
        Statement statement = connection.createStatement()) {
      assertThat(count(statement, "SELECT count(*) FROM tpch.nation")).isEqualTo(25);
    }
    java.util.Properties properties = new java.util.Properties();
    properties.setProperty("user", RemoteFixture.USER);
    properties.setProperty("password", RemoteFixture.PASSWORD);
    try (Connection connection = DriverManager.getConnection(server.url(""), properties)) {
      assertThat(connection.getSchema()).isEqualTo("default");
    }
  }

  private interface SqlCall {
    void run() throws SQLException;
  }

  private static SQLException catchSql(SqlCall call) {
    try {
      call.run();
    } catch (SQLException e) {
      return e;
    }
    throw new AssertionError("expected an SQLException");
  }
}
