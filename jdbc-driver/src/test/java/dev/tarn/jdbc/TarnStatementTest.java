package dev.tarn.jdbc;

import static dev.tarn.jdbc.Batches.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Statements, prepared statements and connections over a scripted session. */
class TarnStatementTest {

  private static final Field ONE = field("one", Batches.INT32);

  private BufferAllocator allocator;
  private FakeSession session;
  private Connection connection;

  @BeforeEach
  void open() {
    allocator = new RootAllocator();
    session = new FakeSession(Set.of("default", "tpch"));
    session.answer("SELECT 1", () -> FakeQueryResult.rows(Batches.schema(ONE),
        List.of(() -> Batches.with(allocator).column(ONE, 1).build())));
    session.answer("CREATE DATABASE tpch", () -> FakeQueryResult.updateCount(0));
    session.answer("SELECT ? , ?, ?, ?, ?, ?, ?", () -> FakeQueryResult.rows(Batches.schema(ONE),
        List.of(() -> Batches.with(allocator).column(ONE, 1).build())));
    session.answer("SELECT count(*) FROM t WHERE k = ?", () -> FakeQueryResult.rows(Batches.schema(ONE),
        List.of(() -> Batches.with(allocator).column(ONE, 1).build())));
    connection = FakeConnections.connect(session, new FakeCatalogStore());
  }

  @AfterEach
  void close() throws Exception {
    connection.close();
    allocator.close();
  }

  @Test
  void executeReportsResultSetsAndUpdateCounts() throws Exception {
    try (Statement statement = connection.createStatement()) {
      assertThat(statement.execute("SELECT 1")).isTrue();
      ResultSet rows = statement.getResultSet();
      assertThat(statement.getUpdateCount()).isEqualTo(-1);
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).isEqualTo(1);
      assertThat(statement.execute("CREATE DATABASE tpch")).isFalse();
      assertThat(rows.isClosed()).isTrue();
      assertThat(statement.getUpdateCount()).isZero();
      assertThat(statement.getResultSet()).isNull();
      assertThat(statement.getMoreResults()).isFalse();
      assertThat(statement.getUpdateCount()).isEqualTo(-1);
      assertThat(statement.executeUpdate("CREATE DATABASE tpch")).isZero();
      assertThatThrownBy(() -> statement.executeQuery("CREATE DATABASE tpch")).isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> statement.executeUpdate("SELECT 1")).isInstanceOf(SQLException.class);
      assertThat(session.results).allMatch(FakeQueryResult::isClosed);
    }
  }

  @Test
  void errorsCarryTheCodeAndLeaveTheConnectionUsable() throws Exception {
    try (Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery("SELEC 1"))
          .isInstanceOf(SQLSyntaxErrorException.class)
          .hasMessageStartingWith("SYNTAX_ERROR: ")
          .satisfies(e -> {
            assertThat(((SQLException) e).getSQLState()).isEqualTo("42000");
            assertThat(((SQLException) e).getErrorCode()).isEqualTo(dev.tarn.engine.ErrorCode.SYNTAX_ERROR.ordinal() + 1);
          });
      try (ResultSet rows = statement.executeQuery("SELECT 1")) {
        assertThat(rows.next()).isTrue();
      }
    }
    assertThatThrownBy(() -> connection.setSchema("nope"))
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42S02"));
    connection.setSchema("tpch");
    assertThat(connection.getSchema()).isEqualTo("tpch");
  }

  @Test
  void closingAStatementClosesItsResultSetAndCancelReachesTheQuery() throws Exception {
    Statement statement = connection.createStatement();
    ResultSet rows = statement.executeQuery("SELECT 1");
    statement.cancel();
    assertThat(session.results.get(0).cancelled).isTrue();
    assertThatThrownBy(rows::next).isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("57014"));
    statement.close();
    assertThat(rows.isClosed()).isTrue();
    assertThat(session.results.get(0).isClosed()).isTrue();
    assertThatThrownBy(() -> statement.execute("SELECT 1")).isInstanceOf(SQLException.class);
  }

  @Test
  void aCancelThatComesWhileTheEngineIsPlanningStopsTheQueryAsSoonAsItStarts() throws Exception {
    CountDownLatch planning = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    session.answer("SELECT slowly", () -> {
      planning.countDown();
      await(release);
      return FakeQueryResult.rows(Batches.schema(ONE), List.of(() -> Batches.with(allocator).column(ONE, 1).build()));
    });
    try (Statement statement = connection.createStatement()) {
      CompletableFuture<ResultSet> running = CompletableFuture.supplyAsync(() -> {
        try {
          return statement.executeQuery("SELECT slowly");
        } catch (SQLException e) {
          throw new CompletionException(e);
        }
      });
      await(planning);
      statement.cancel();
      release.countDown();
      assertThatThrownBy(running::join).hasCauseInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e.getCause()).getSQLState()).isEqualTo("57014"));
      FakeQueryResult result = session.results.get(0);
      assertThat(result.cancelled).isTrue();
      assertThat(result.batchesHandedOut).as("a cancelled query hands out nothing").isZero();
      assertThat(result.isClosed()).isTrue();
      assertThat(statement.getResultSet()).isNull();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void preparedStatementsPassTypedParameters() throws Exception {
    try (PreparedStatement statement = connection.prepareStatement("SELECT ? , ?, ?, ?, ?, ?, ?")) {
      assertThat(statement.getParameterMetaData().getParameterCount()).isEqualTo(7);
      statement.setInt(1, 5);
      statement.setLong(2, 6L);
      statement.setBigDecimal(3, new BigDecimal("1.25"));
      statement.setString(4, "x");
      statement.setDate(5, Date.valueOf("1994-01-01"));
      statement.setNull(6, java.sql.Types.VARCHAR);
      assertThatThrownBy(statement::executeQuery).isInstanceOf(SQLException.class).hasMessageContaining("7");
      statement.setObject(7, LocalDate.of(1995, 1, 1));
      try (ResultSet rows = statement.executeQuery()) {
        assertThat(rows.next()).isTrue();
      }
      assertThat(session.parameters.get(0)).isEqualTo(Arrays.asList(5, 6L, new BigDecimal("1.25"), "x",
          Date.valueOf("1994-01-01"), null, LocalDate.of(1995, 1, 1)));
      statement.clearParameters();
      statement.setObject(1, "42", java.sql.Types.BIGINT);
      statement.setTimestamp(2, Timestamp.valueOf("1994-01-01 10:00:00"));
      statement.setBoolean(3, true);
      statement.setShort(4, (short) 3);
      statement.setByte(5, (byte) 2);
      statement.setDouble(6, 0.5);
      statement.setFloat(7, 0.25f);
      statement.execute();
      assertThat(session.parameters.get(1)).isEqualTo(Arrays.asList(42L, Timestamp.valueOf("1994-01-01 10:00:00"),
          true, (short) 3, (byte) 2, 0.5, 0.25f));
      assertThatThrownBy(() -> statement.setInt(8, 1)).isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> statement.execute("SELECT 1")).isInstanceOf(SQLException.class);
    }
    assertThatThrownBy(() -> connection.prepareStatement("SELEC ?")).isInstanceOf(SQLSyntaxErrorException.class);
  }

  @Test
  void transactionsAreNotSupportedButAutoCommitIsOn() throws Exception {
    assertThat(connection.getAutoCommit()).isTrue();
    connection.setAutoCommit(true);
    assertThatThrownBy(() -> connection.setAutoCommit(false)).isInstanceOf(java.sql.SQLFeatureNotSupportedException.class);
    assertThatThrownBy(connection::setSavepoint).isInstanceOf(java.sql.SQLFeatureNotSupportedException.class);
    connection.setCatalog("anything");
    assertThat(connection.getCatalog()).isEqualTo("tarn");
    assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_NONE);
  }

  @Test
  void closingTheConnectionClosesStatementsAndTheSession() throws Exception {
    Statement statement = connection.createStatement();
    ResultSet rows = statement.executeQuery("SELECT 1");
    connection.close();
    assertThat(statement.isClosed()).isTrue();
    assertThat(rows.isClosed()).isTrue();
    assertThat(session.closed).isTrue();
    assertThat(connection.isValid(0)).isFalse();
    assertThatThrownBy(connection::createStatement).isInstanceOf(SQLException.class);
  }
}
