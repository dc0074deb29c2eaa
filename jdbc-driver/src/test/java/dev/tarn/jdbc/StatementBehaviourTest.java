package dev.tarn.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Statements and their result sets as JDBC 4.2 specifies them, over the real embedded engine: the forward-only
 * cursor's positions, maxRows (rows beyond the limit never come, and the query is released at the limit), the fetch
 * size (the rows fetched from the engine at a time), fetch directions, results and update counts, closeOnCompletion
 * and warnings.
 */
class StatementBehaviourTest {

  @RegisterExtension
  static final EngineFixture FIXTURE = new EngineFixture(1);

  private static final String THREE_ROWS = "SELECT k FROM numbers WHERE k < 3 ORDER BY k";
  private static final String ALL_ROWS = "SELECT k FROM numbers";

  @Test
  void theForwardOnlyCursorKnowsWhereItIs() throws Exception {
    try (Connection connection = FIXTURE.connect(); Statement statement = connection.createStatement()) {
      try (ResultSet rows = statement.executeQuery(THREE_ROWS)) {
        assertThat(rows.getType()).isEqualTo(ResultSet.TYPE_FORWARD_ONLY);
        assertThat(rows.getConcurrency()).isEqualTo(ResultSet.CONCUR_READ_ONLY);
        assertThat(rows.getHoldability()).isEqualTo(ResultSet.CLOSE_CURSORS_AT_COMMIT);
        assertPosition(rows, true, false, false, false, 0);
        assertThat(rows.next()).isTrue();
        assertPosition(rows, false, true, false, false, 1);
        assertThat(rows.next()).isTrue();
        assertPosition(rows, false, false, false, false, 2);
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong(1)).as("isLast read ahead but did not move").isEqualTo(2);
        assertPosition(rows, false, false, true, false, 3);
        assertThat(rows.getLong(1)).isEqualTo(2);
        assertThat(rows.next()).isFalse();
        assertPosition(rows, false, false, false, true, 0);
        assertThat(rows.next()).isFalse();
        SQLException noRow = catchThrowableOfType(() -> rows.getLong(1), SQLException.class);
        assertThat(noRow.getSQLState()).isEqualTo("24000");
        for (String move : new String[] {"previous", "first", "last", "beforeFirst", "afterLast"}) {
          SQLException error = catchThrowableOfType(() -> ResultSet.class.getMethod(move).invoke(rows),
              java.lang.reflect.InvocationTargetException.class).getCause() instanceof SQLException e ? e : null;
          assertThat((Throwable) error).as(move).isInstanceOf(SQLFeatureNotSupportedException.class);
        }
        assertThat((Throwable) catchThrowableOfType(() -> rows.absolute(1), SQLFeatureNotSupportedException.class)).isNotNull();
        assertThat((Throwable) catchThrowableOfType(() -> rows.relative(1), SQLFeatureNotSupportedException.class)).isNotNull();
      }
      try (ResultSet empty = statement.executeQuery("SELECT k FROM numbers WHERE k < 0")) {
        assertPosition(empty, false, false, false, false, 0); // JDBC: neither before the first nor after the last
        assertThat(empty.next()).isFalse();
        assertPosition(empty, false, false, false, false, 0);
      }
      statement.setMaxRows(2);
      try (ResultSet limited = statement.executeQuery(THREE_ROWS)) {
        assertThat(limited.next()).isTrue();
        assertThat(limited.isLast()).isFalse();
        assertThat(limited.next()).isTrue();
        assertThat(limited.isLast()).as("the last row within maxRows").isTrue();
        assertThat(limited.next()).isFalse();
        assertThat(limited.isAfterLast()).isTrue();
      }
    }
  }

  private static void assertPosition(ResultSet rows, boolean beforeFirst, boolean first, boolean last,
      boolean afterLast, int row) throws SQLException {
    assertThat(rows.isBeforeFirst()).as("isBeforeFirst").isEqualTo(beforeFirst);
    assertThat(rows.isFirst()).as("isFirst").isEqualTo(first);
    assertThat(rows.isLast()).as("isLast").isEqualTo(last);
    assertThat(rows.isAfterLast()).as("isAfterLast").isEqualTo(afterLast);
    assertThat(rows.getRow()).as("getRow").isEqualTo(row);
  }

  @Test
  void maxRowsNeverReturnsMoreAndReleasesTheQueryAtTheLimit() throws Exception {
    try (Connection connection = FIXTURE.connect(); Statement statement = connection.createStatement()) {
      statement.setMaxRows(5);
      assertThat(statement.getMaxRows()).isEqualTo(5);
      assertThat(statement.getLargeMaxRows()).isEqualTo(5);
      ResultSet rows = statement.executeQuery(ALL_ROWS);
      for (int row = 0; row < 5; row++) {
        assertThat(rows.next()).isTrue();
      }
      assertThat(rows.next()).isFalse();
      assertThat(FIXTURE.allocatedBytes()).as("the query is closed once the limit is passed").isZero();
      String queryId = statement.unwrap(TarnExecutionInfo.class).queryId();
      rows.close();
      try (ResultSet history = statement.executeQuery(
          "SELECT state, \"rows\" FROM system.queries WHERE query_id = '" + queryId + "'")) {
        assertThat(history.next()).isTrue();
        assertThat(history.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(history.getLong("rows")).as("rows the engine delivered").isLessThan(EngineFixture.ROWS);
      }

      statement.setLargeMaxRows(3);
      assertThat(count(statement, ALL_ROWS)).isEqualTo(3);
      statement.setMaxRows(0);
      assertThat(count(statement, ALL_ROWS)).isEqualTo(EngineFixture.ROWS);
      statement.setMaxRows(1_000_000);
      assertThat(count(statement, THREE_ROWS)).isEqualTo(3);
      assertThat(catchThrowableOfType(() -> statement.setMaxRows(-1), SQLException.class).getSQLState())
          .isEqualTo("HY024");
    }
  }

  @Test
  void fetchSizeIsTheRowsFetchedFromTheEngineAtATime() throws Exception {
    try (Connection connection = FIXTURE.connect(); Statement statement = connection.createStatement()) {
      assertThat(statement.getFetchSize()).isZero();
      statement.setFetchSize(100);
      assertThat(statement.getFetchSize()).isEqualTo(100);
      try (ResultSet rows = statement.executeQuery(ALL_ROWS)) {
        TarnExecutionInfo fetched = rows.unwrap(TarnExecutionInfo.class);
        assertThat(rows.getFetchSize()).isEqualTo(100);
        assertThat(fetched.rows()).as("executeQuery fetched one batch of the fetch size").isEqualTo(100);
        Set<Long> keys = new HashSet<>();
        for (int row = 0; row < 100; row++) {
          assertThat(rows.next()).isTrue();
          keys.add(rows.getLong(1));
        }
        assertThat(fetched.rows()).isEqualTo(100);
        assertThat(rows.next()).isTrue();
        keys.add(rows.getLong(1));
        assertThat(fetched.rows()).isEqualTo(200);
        rows.setFetchSize(1000);
        assertThat(rows.getFetchSize()).isEqualTo(1000);
        while (rows.getRow() < 200) {
          assertThat(rows.next()).isTrue();
          keys.add(rows.getLong(1));
        }
        assertThat(rows.next()).isTrue();
        keys.add(rows.getLong(1));
        assertThat(fetched.rows()).as("the next fetch after the change").isEqualTo(1200);
        while (rows.next()) {
          keys.add(rows.getLong(1));
        }
        assertThat(keys).hasSize(EngineFixture.ROWS);
      }
      assertThat(catchThrowableOfType(() -> statement.setFetchSize(-1), SQLException.class).getSQLState())
          .isEqualTo("HY024");
      statement.setFetchSize(0);
      try (ResultSet rows = statement.executeQuery(ALL_ROWS)) {
        assertThat(rows.unwrap(TarnExecutionInfo.class).rows()).as("one engine batch").isBetween(1L, 8192L);
        SQLException negative = catchThrowableOfType(() -> rows.setFetchSize(-5), SQLException.class);
        assertThat(negative.getSQLState()).isEqualTo("HY024");
      }
    }
  }

  @Test
  void onlyTheForwardFetchDirectionIsAccepted() throws Exception {
    try (Connection connection = FIXTURE.connect(); Statement statement = connection.createStatement()) {
      assertThat(statement.getFetchDirection()).isEqualTo(ResultSet.FETCH_FORWARD);
      statement.setFetchDirection(ResultSet.FETCH_FORWARD);
      assertThat(catchThrowableOfType(() -> statement.setFetchDirection(ResultSet.FETCH_REVERSE),
          SQLFeatureNotSupportedException.class).getSQLState()).isEqualTo("0A000");
      assertThat((Throwable) catchThrowableOfType(() -> statement.setFetchDirection(ResultSet.FETCH_UNKNOWN),
          SQLFeatureNotSupportedException.class)).isNotNull();
      assertThat(catchThrowableOfType(() -> statement.setFetchDirection(42), SQLException.class).getSQLState())
          .isEqualTo("HY024");
      try (ResultSet rows = statement.executeQuery(THREE_ROWS)) {
        assertThat(rows.getFetchDirection()).isEqualTo(ResultSet.FETCH_FORWARD);
        rows.setFetchDirection(ResultSet.FETCH_FORWARD);
        assertThat((Throwable) catchThrowableOfType(() -> rows.setFetchDirection(ResultSet.FETCH_REVERSE),
            SQLFeatureNotSupportedException.class)).isNotNull();
        assertThat(catchThrowableOfType(() -> rows.setFetchDirection(42), SQLException.class).getSQLState())
            .isEqualTo("HY024");
      }
    }
  }

  @Test
  void resultsAndUpdateCountsFollowTheSpecification() throws Exception {
    try (Connection connection = FIXTURE.connect(); Statement statement = connection.createStatement()) {
      assertThat(statement.getResultSet()).isNull();
      assertThat(statement.getUpdateCount()).isEqualTo(-1);
      assertThat(statement.execute(THREE_ROWS)).isTrue();
      ResultSet rows = statement.getResultSet();
      assertThat(rows).isNotNull();
      assertThat(rows.getStatement()).isSameAs(statement);
      assertThat(statement.getUpdateCount()).isEqualTo(-1);
      assertThat(statement.getMoreResults()).isFalse();
      assertThat(rows.isClosed()).isTrue();
      assertThat(statement.getResultSet()).isNull();
      assertThat(statement.getUpdateCount()).as("no more results").isEqualTo(-1);

      assertThat(statement.execute("CREATE DATABASE IF NOT EXISTS behaviour")).isFalse();
      assertThat(statement.getResultSet()).isNull();
      assertThat(statement.getUpdateCount()).isZero();
      assertThat(statement.getLargeUpdateCount()).isZero();
      assertThat(statement.getMoreResults(Statement.CLOSE_CURRENT_RESULT)).isFalse();
      assertThat(statement.getUpdateCount()).isEqualTo(-1);
      assertThat(statement.executeUpdate("CREATE DATABASE IF NOT EXISTS behaviour")).isZero();
      assertThat(statement.executeLargeUpdate("CREATE DATABASE IF NOT EXISTS behaviour")).isZero();

      assertThat((Throwable) catchThrowableOfType(() -> statement.executeQuery("CREATE DATABASE IF NOT EXISTS behaviour"),
          SQLException.class)).isNotNull();
      assertThat((Throwable) catchThrowableOfType(() -> statement.executeUpdate(THREE_ROWS), SQLException.class)).isNotNull();
      assertThat(statement.getResultSet()).as("the refused query's result set is closed").isNull();
      assertThat(FIXTURE.allocatedBytes()).isZero();
      assertThat(statement.executeUpdate("CREATE DATABASE IF NOT EXISTS other", Statement.NO_GENERATED_KEYS))
          .isZero();
      try (ResultSet keys = statement.getGeneratedKeys()) {
        assertThat(keys.next()).as("Tarn generates no keys").isFalse();
      }
    }
  }

  @Test
  void closeOnCompletionClosesTheStatementWithItsResultSet() throws Exception {
    try (Connection connection = FIXTURE.connect()) {
      Statement statement = connection.createStatement();
      assertThat(statement.isCloseOnCompletion()).isFalse();
      statement.closeOnCompletion();
      assertThat(statement.isCloseOnCompletion()).isTrue();
      statement.execute("CREATE DATABASE IF NOT EXISTS completion");
      assertThat(statement.isClosed()).as("a statement without result set stays open").isFalse();
      ResultSet rows = statement.executeQuery(THREE_ROWS);
      while (rows.next()) {
        assertThat(statement.isClosed()).isFalse();
      }
      assertThat(statement.isClosed()).as("reading to the end does not close the result set").isFalse();
      rows.close();
      assertThat(statement.isClosed()).isTrue();
      SQLException closed = catchThrowableOfType(() -> statement.executeQuery(THREE_ROWS), SQLException.class);
      assertThat(closed.getSQLState()).isEqualTo("08003");

      PreparedStatement prepared = connection.prepareStatement(THREE_ROWS);
      prepared.closeOnCompletion();
      ResultSet first = prepared.executeQuery();
      prepared.executeQuery().close(); // running again closes the first result set, which must not close it
      assertThat(first.isClosed()).isTrue();
      assertThat(prepared.isClosed()).as("closed with its current result set").isTrue();
    }
  }

  @Test
  void warningsAreNullWhenThereAreNone() throws Exception {
    try (Connection connection = FIXTURE.connect(); Statement statement = connection.createStatement()) {
      assertThat((Throwable) statement.getWarnings()).isNull();
      statement.clearWarnings();
      assertThat((Throwable) statement.getWarnings()).isNull();
      try (ResultSet rows = statement.executeQuery(THREE_ROWS)) {
        assertThat((Throwable) rows.getWarnings()).isNull();
        rows.clearWarnings();
        assertThat(rows.next()).isTrue();
        assertThat((Throwable) rows.getWarnings()).isNull();
      }
      statement.close();
      assertThat((Throwable) catchThrowableOfType(statement::getWarnings, SQLException.class)).isNotNull();
      assertThat((Throwable) catchThrowableOfType(statement::clearWarnings, SQLException.class)).isNotNull();
      statement.close(); // closing twice is allowed
    }
  }

  private static long count(Statement statement, String sql) throws SQLException {
    long rows = 0;
    try (ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        rows++;
      }
    }
    return rows;
  }
}
