package dev.tarn.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code Statement.cancel()} from another thread over the real embedded engine (four worker threads): whether the
 * reader waits in {@code executeQuery} or in {@code next()}, for statements and prepared statements, it gets
 * SQLSTATE 57014 promptly, the query's memory is already freed when the exception arrives, and
 * {@code system.queries} shows the query as CANCELLED. The fixture fails the test if anything leaked.
 */
class StatementCancelTest {

  @RegisterExtension
  static final EngineFixture FIXTURE = new EngineFixture(4);

  /** An aggregation over 10^10 pairs: it produces nothing for minutes, so executeQuery waits. */
  private static final String ENDLESS_AGGREGATION = "SELECT count(*), sum(a.k + b.k) FROM numbers a CROSS JOIN numbers b";
  /** One row at once, then the same endless aggregation, so the reader waits in next(). */
  private static final String ONE_ROW_THEN_ENDLESS = "SELECT 1 UNION ALL " + ENDLESS_AGGREGATION.replace(", sum(a.k + b.k)", "");
  private static final long CANCEL_AFTER_MILLIS = 300;
  /** Generous: a cancellation takes tens of milliseconds; a query that ignored it would run for minutes. */
  private static final long PROMPT_MILLIS = 3_000;

  @Test
  void cancelStopsAQueryWaitingInExecuteQuery() throws Exception {
    try (Connection connection = FIXTURE.connect(); Statement statement = connection.createStatement()) {
      CompletableFuture<Long> cancelled = cancelLater(statement);
      SQLException error = catchThrowableOfType(() -> statement.executeQuery(ENDLESS_AGGREGATION),
          SQLException.class);
      assertCancelledPromptly(error, cancelled);
      assertThat(FIXTURE.allocatedBytes()).as("memory when the exception arrives").isZero();
      assertThat(statement.getResultSet()).isNull();
      assertHistory(connection, error, "CANCELLED", "cancelled by the client");
      assertStillUsable(statement);
    }
  }

  @Test
  void cancelStopsAQueryWaitingInNext() throws Exception {
    try (Connection connection = FIXTURE.connect(); Statement statement = connection.createStatement()) {
      ResultSet rows = statement.executeQuery(ONE_ROW_THEN_ENDLESS);
      assertThat(rows.next()).isTrue();
      assertThat(rows.getLong(1)).isEqualTo(1);
      CompletableFuture<Long> cancelled = cancelLater(statement);
      SQLException error = catchThrowableOfType(rows::next, SQLException.class);
      assertCancelledPromptly(error, cancelled);
      assertThat(FIXTURE.allocatedBytes()).as("memory when the exception arrives").isZero();
      SQLException again = catchThrowableOfType(rows::next, SQLException.class);
      assertThat(again.getSQLState()).as("a failed result set keeps failing").isEqualTo("57014");
      rows.close();
      assertHistory(connection, error, "CANCELLED", "cancelled by the client");
      assertStillUsable(statement);
    }
  }

  @Test
  void cancelStopsAPreparedStatementInBothPlaces() throws Exception {
    try (Connection connection = FIXTURE.connect();
        PreparedStatement aggregation = connection.prepareStatement(ENDLESS_AGGREGATION + " WHERE a.k >= ?");
        PreparedStatement streaming = connection.prepareStatement(ONE_ROW_THEN_ENDLESS + " WHERE a.k >= ?")) {
      aggregation.setLong(1, 0);
      CompletableFuture<Long> cancelled = cancelLater(aggregation);
      SQLException error = catchThrowableOfType(aggregation::executeQuery, SQLException.class);
      assertCancelledPromptly(error, cancelled);
      assertHistory(connection, error, "CANCELLED", "cancelled by the client");

      streaming.setLong(1, 0);
      try (ResultSet rows = streaming.executeQuery()) {
        assertThat(rows.next()).isTrue();
        cancelled = cancelLater(streaming);
        error = catchThrowableOfType(rows::next, SQLException.class);
        assertCancelledPromptly(error, cancelled);
        assertThat(FIXTURE.allocatedBytes()).isZero();
      }
      assertHistory(connection, error, "CANCELLED", "cancelled by the client");
      aggregation.setLong(1, EngineFixture.ROWS); // no pairs: finishes at once
      try (ResultSet rows = aggregation.executeQuery()) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong(1)).isZero();
      }
    }
  }

  @Test
  void cancelWithoutARunningQueryDoesNothing() throws Exception {
    try (Connection connection = FIXTURE.connect(); Statement statement = connection.createStatement()) {
      statement.cancel(); // nothing ran yet
      try (ResultSet rows = statement.executeQuery("SELECT k FROM numbers WHERE k < 3 ORDER BY k")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.next()).isTrue();
        assertThat(rows.next()).isTrue();
        assertThat(rows.next()).isFalse();
        statement.cancel(); // the query is over: its rows were all read
        assertThat(rows.next()).isFalse();
      }
      statement.cancel();
      assertStillUsable(statement);
    }
  }

  @Test
  void closingTheStatementFromTheReaderAfterACancelFreesEverything() throws Exception {
    try (Connection connection = FIXTURE.connect()) {
      Statement statement = connection.createStatement();
      ResultSet rows = statement.executeQuery(ONE_ROW_THEN_ENDLESS);
      assertThat(rows.next()).isTrue();
      statement.cancel();
      statement.close();
      assertThat(rows.isClosed()).isTrue();
      assertThat(FIXTURE.allocatedBytes()).isZero();
    }
  }

  @Test
  void closingTheConnectionFromAnotherThreadStopsAQueryWaitingInExecuteQuery() throws Exception {
    Connection connection = FIXTURE.connect();
    Statement statement = connection.createStatement();
    CompletableFuture<Long> closed = CompletableFuture.supplyAsync(() -> {
      try {
        TarnExecutionInfo execution = statement.unwrap(TarnExecutionInfo.class);
        while (execution.queryId() == null) {
          Thread.sleep(5);
        }
        Thread.sleep(CANCEL_AFTER_MILLIS);
        long at = System.nanoTime();
        connection.close();
        return at;
      } catch (InterruptedException | SQLException e) {
        throw new IllegalStateException(e);
      }
    });
    SQLException error = catchThrowableOfType(() -> statement.executeQuery(ENDLESS_AGGREGATION), SQLException.class);
    assertCancelledPromptly(error, closed);
    assertThat(statement.isClosed()).isTrue();
    assertThat(FIXTURE.allocatedBytes()).isZero();
  }

  @Test
  void closingFromAnotherThreadStopsTheReaderAndFreesTheQuery() throws Exception {
    try (Connection connection = FIXTURE.connect()) {
      Statement statement = connection.createStatement();
      ResultSet rows = statement.executeQuery(ONE_ROW_THEN_ENDLESS);
      assertThat(rows.next()).isTrue();
      CompletableFuture<Void> closer = CompletableFuture.runAsync(() -> {
        try {
          Thread.sleep(CANCEL_AFTER_MILLIS);
          statement.close();
        } catch (InterruptedException | SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      SQLException error = catchThrowableOfType(rows::next, SQLException.class);
      closer.get(10, TimeUnit.SECONDS);
      assertThat(error.getSQLState()).as("the reader's fetch was cancelled").isEqualTo("57014");
      assertThat(statement.isClosed()).isTrue();
      assertThat(rows.isClosed()).isTrue();
      assertThat(FIXTURE.allocatedBytes()).isZero();
      assertHistory(connection, error, "CANCELLED", "cancelled by the client");
    }
  }

  /**
   * Cancels {@code statement} from another thread a moment after its query started running (planning is not
   * interruptible: a cancel that comes while a query is planned takes effect when planning ends); completes with the
   * time it cancelled.
   */
  static CompletableFuture<Long> cancelLater(Statement statement) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        TarnExecutionInfo execution = statement.unwrap(TarnExecutionInfo.class);
        while (execution.queryId() == null) {
          Thread.sleep(5);
        }
        Thread.sleep(CANCEL_AFTER_MILLIS);
        long at = System.nanoTime();
        statement.cancel();
        return at;
      } catch (InterruptedException | SQLException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static void assertCancelledPromptly(SQLException error, CompletableFuture<Long> cancelled)
      throws Exception {
    long stopped = System.nanoTime();
    assertThat((Throwable) error).as("the query was not stopped").isNotNull();
    assertThat(error.getSQLState()).isEqualTo("57014");
    assertThat((Throwable) error).isInstanceOf(TarnQueryError.class);
    assertThat(((TarnQueryError) error).errorCode()).isEqualTo("CANCELLED");
    assertThat(error.getMessage()).contains("was cancelled: cancelled by the client");
    long cancelledAt = cancelled.get(10, TimeUnit.SECONDS);
    assertThat(TimeUnit.NANOSECONDS.toMillis(stopped - cancelledAt)).isLessThan(PROMPT_MILLIS);
  }

  static void assertHistory(Connection connection, SQLException error, String state, String messagePart)
      throws SQLException {
    String queryId = ((TarnQueryError) error).queryId();
    try (PreparedStatement history = connection.prepareStatement(
        "SELECT state, error_code, error FROM system.queries WHERE query_id = ?")) {
      history.setString(1, queryId);
      try (ResultSet row = history.executeQuery()) {
        assertThat(row.next()).as("system.queries has %s", queryId).isTrue();
        assertThat(row.getString("state")).isEqualTo(state);
        assertThat(row.getString("error_code")).isEqualTo("CANCELLED");
        assertThat(row.getString("error")).contains(messagePart);
      }
    }
  }

  static void assertStillUsable(Statement statement) throws SQLException {
    try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM numbers")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getLong(1)).isEqualTo(EngineFixture.ROWS);
    }
  }
}
