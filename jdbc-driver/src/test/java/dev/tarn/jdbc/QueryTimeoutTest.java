package dev.tarn.jdbc;

import static dev.tarn.jdbc.StatementCancelTest.assertHistory;
import static dev.tarn.jdbc.StatementCancelTest.assertStillUsable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code setQueryTimeout} over the real embedded engine: at the deadline the query is cancelled, the reader (in
 * {@code executeQuery} or in {@code next()}) gets a {@link SQLTimeoutException} with SQLSTATE HYT00, the memory is
 * freed, and {@code system.queries} records CANCELLED with the timeout as the reason. Queries that end in time are
 * untouched, and one daemon thread times every statement.
 */
class QueryTimeoutTest {

  @RegisterExtension
  static final EngineFixture FIXTURE = new EngineFixture(4);

  private static final String ENDLESS_AGGREGATION = "SELECT count(*) FROM numbers a CROSS JOIN numbers b";
  private static final String ONE_ROW_THEN_ENDLESS = "SELECT 1 UNION ALL " + ENDLESS_AGGREGATION;
  /** Generous: the timer and the cancellation take milliseconds; without a timeout these queries run for minutes. */
  private static final long LATE_MILLIS = 3_000;

  @Test
  void timeoutStopsAQueryWaitingInExecuteQuery() throws Exception {
    try (Connection connection = FIXTURE.connect(); Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(1);
      assertThat(statement.getQueryTimeout()).isEqualTo(1);
      long started = System.nanoTime();
      SQLException error = catchThrowableOfType(() -> statement.executeQuery(ENDLESS_AGGREGATION),
          SQLException.class);
      assertTimedOut(error, started, 1);
      assertThat(FIXTURE.allocatedBytes()).as("memory when the exception arrives").isZero();
      assertHistory(connection, error, "CANCELLED", "was cancelled: query timeout of 1 s reached");
      assertStillUsable(statement); // within its timeout
    }
  }

  @Test
  void timeoutStopsAQueryWaitingInNext() throws Exception {
    try (Connection connection = FIXTURE.connect(); Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(1);
      long started = System.nanoTime();
      try (ResultSet rows = statement.executeQuery(ONE_ROW_THEN_ENDLESS)) {
        assertThat(rows.next()).isTrue();
        SQLException error = catchThrowableOfType(rows::next, SQLException.class);
        assertTimedOut(error, started, 1);
        assertThat(FIXTURE.allocatedBytes()).isZero();
        assertHistory(connection, error, "CANCELLED", "query timeout of 1 s reached");
      }
    }
  }

  @Test
  void timeoutStopsAPreparedStatement() throws Exception {
    try (Connection connection = FIXTURE.connect();
        PreparedStatement statement = connection.prepareStatement(ENDLESS_AGGREGATION + " WHERE a.k >= ?")) {
      statement.setQueryTimeout(2);
      statement.setLong(1, 0);
      long started = System.nanoTime();
      SQLException error = catchThrowableOfType(statement::executeQuery, SQLException.class);
      assertTimedOut(error, started, 2);
      assertHistory(connection, error, "CANCELLED", "query timeout of 2 s reached");
      statement.setLong(1, EngineFixture.ROWS);
      try (ResultSet rows = statement.executeQuery()) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong(1)).isZero();
      }
    }
  }

  @Test
  void queriesThatEndInTimeAreUntouchedAndOneDaemonThreadTimesThemAll() throws Exception {
    try (Connection connection = FIXTURE.connect()) {
      try (Statement warmUp = connection.createStatement()) {
        assertStillUsable(warmUp); // the first query of a JVM plans slowly; the timeout counts planning too
      }
      List<Statement> statements = new ArrayList<>();
      for (int index = 0; index < 20; index++) {
        Statement statement = connection.createStatement();
        statement.setQueryTimeout(2);
        statements.add(statement);
        try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM numbers WHERE k >= " + index)) {
          assertThat(rows.next()).isTrue();
          assertThat(rows.getLong(1)).isEqualTo(EngineFixture.ROWS - index);
        }
      }
      List<Thread> timers = Thread.getAllStackTraces().keySet().stream()
          .filter(thread -> thread.getName().equals("tarn-query-timeout")).toList();
      assertThat(timers).hasSize(1);
      assertThat(timers.get(0).isDaemon()).isTrue();

      Thread.sleep(2_500); // past every deadline: finished executions must not be cancelled late
      for (Statement statement : statements) {
        assertStillUsable(statement);
        statement.close();
      }
      Statement unlimited = connection.createStatement();
      assertThat(unlimited.getQueryTimeout()).isZero();
      assertThatInvalidTimeoutIsRefused(unlimited);
    }
  }

  private static void assertThatInvalidTimeoutIsRefused(Statement statement) {
    SQLException error = catchThrowableOfType(() -> statement.setQueryTimeout(-1), SQLException.class);
    assertThat(error.getSQLState()).isEqualTo("HY024");
  }

  private static void assertTimedOut(SQLException error, long startedNanos, int timeoutSeconds) {
    long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    assertThat((Throwable) error).as("the query was not stopped").isInstanceOf(SQLTimeoutException.class)
        .isInstanceOf(TarnQueryError.class);
    assertThat(error.getSQLState()).isEqualTo("HYT00");
    assertThat(((TarnQueryError) error).errorCode()).isEqualTo("CANCELLED");
    assertThat(error.getMessage()).contains("query timeout of " + timeoutSeconds + " s reached",
        "[query id: " + ((TarnQueryError) error).queryId() + "]");
    assertThat(elapsed).isBetween(timeoutSeconds * 1000L, timeoutSeconds * 1000L + LATE_MILLIS);
  }
}
