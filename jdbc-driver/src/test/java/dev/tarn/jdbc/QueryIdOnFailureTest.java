package dev.tarn.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed statement's SQLException names its query id (in the message, as Athena's driver does, and through
 * {@link TarnQueryError}), the statement's {@link TarnExecutionInfo} reports the same id, and that id finds the
 * execution in {@code system.queries} as FAILED with its error: failures while planning, while streaming rows,
 * and on a corrupt file read after a good one.
 */
class QueryIdOnFailureTest {

  private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  @TempDir
  static Path temporary;
  static String url;

  @BeforeAll
  static void createLake() throws Exception {
    Path data = temporary.resolve("data");
    Files.createDirectories(data.resolve("numbers"));
    Files.createDirectories(data.resolve("damaged"));
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duckdb.createStatement()) {
      // The divisor is zero only on the last of 20000 rows, past the first batch that executeQuery waits for: the
      // error comes while rows stream, after data was read.
      st.execute("COPY (SELECT i AS id, CASE WHEN i = 19999 THEN 0 ELSE i + 1 END AS divisor FROM range(0, 20000) t(i))"
          + " TO '" + data.resolve("numbers/part-0.parquet") + "' (FORMAT PARQUET)");
      st.execute("COPY (SELECT i AS id, i * 2 AS v FROM range(0, 100) t(i))"
          + " TO '" + data.resolve("damaged/a_good.parquet") + "' (FORMAT PARQUET)");
    }
    Files.writeString(data.resolve("damaged/b_corrupt.parquet"), "not parquet at all, only text pretending to be");
    url = "jdbc:tarn:" + temporary.resolve("warehouse");
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      statement.execute("CREATE EXTERNAL TABLE numbers (id BIGINT, divisor BIGINT) STORED AS PARQUET"
          + " LOCATION 'file://" + data.resolve("numbers") + "/'");
      statement.execute("CREATE EXTERNAL TABLE damaged (id BIGINT, v BIGINT) STORED AS PARQUET"
          + " LOCATION 'file://" + data.resolve("damaged") + "/'");
    }
  }

  @Test
  void missingTableFailsWhilePlanningWithTheQueryIdOfItsFailedExecution() throws Exception {
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      SQLException error = catchThrowableOfType(() -> statement.executeQuery("SELECT * FROM no_such_table"),
          SQLException.class);

      assertThat((Throwable) error).isInstanceOf(SQLSyntaxErrorException.class).isInstanceOf(TarnQueryError.class);
      assertThat(error.getSQLState()).isEqualTo("42S02");
      TarnQueryError failed = (TarnQueryError) error;
      assertThat(failed.errorCode()).isEqualTo("NOT_FOUND");
      assertThat(failed.queryId()).matches(UUID);
      assertThat(error.getMessage()).startsWith("NOT_FOUND: ").contains("no_such_table")
          .endsWith(" [query id: " + failed.queryId() + "]");
      assertThat(statement.unwrap(TarnExecutionInfo.class).queryId()).isEqualTo(failed.queryId());

      assertInHistory(connection, failed.queryId(), "FAILED", "NOT_FOUND", "no_such_table");
    }
  }

  @Test
  void divisionByZeroFailsWhileRowsStreamAndKeepsWhatItRead() throws Exception {
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      // executeQuery waits for the first batch; with parallel scans the zero divisor may be in it, so the error
      // comes from executeQuery or from a later next(). Either way it names the execution and keeps its figures.
      SQLException error = catchThrowableOfType(() -> {
        try (ResultSet rows = statement.executeQuery("SELECT id / divisor FROM numbers")) {
          while (rows.next()) {
            rows.getLong(1);
          }
        }
      }, SQLException.class);

      assertThat((Throwable) error).isInstanceOf(SQLDataException.class).isInstanceOf(TarnQueryError.class);
      assertThat(error.getSQLState()).isEqualTo("22012");
      TarnQueryError failed = (TarnQueryError) error;
      assertThat(failed.errorCode()).isEqualTo("DIVISION_BY_ZERO");
      assertThat(error.getMessage()).endsWith(" [query id: " + failed.queryId() + "]");
      TarnExecutionInfo info = statement.unwrap(TarnExecutionInfo.class);
      assertThat(info.queryId()).isEqualTo(failed.queryId()).matches(UUID);
      assertThat(info.bytesScanned()).isPositive();
      assertThat(info.filesScanned()).isEqualTo(1);

      assertInHistory(connection, failed.queryId(), "FAILED", "DIVISION_BY_ZERO", "DIVISION_BY_ZERO: ");
      assertThat(historyBytesScanned(connection, failed.queryId())).isEqualTo(info.bytesScanned());
    }
  }

  @Test
  void preparedStatementFailuresCarryTheirQueryIdToo() throws Exception {
    try (Connection connection = DriverManager.getConnection(url);
        PreparedStatement statement = connection.prepareStatement("SELECT id / ? FROM numbers WHERE id < 10")) {
      statement.setLong(1, 0);
      SQLException error = catchThrowableOfType(() -> {
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            rows.getLong(1);
          }
        }
      }, SQLException.class);

      TarnQueryError failed = (TarnQueryError) error;
      assertThat(failed.errorCode()).isEqualTo("DIVISION_BY_ZERO");
      assertThat(statement.unwrap(TarnExecutionInfo.class).queryId()).isEqualTo(failed.queryId()).matches(UUID);
      assertInHistory(connection, failed.queryId(), "FAILED", "DIVISION_BY_ZERO", "DIVISION_BY_ZERO: ");
    }
  }

  @Test
  void corruptFileAfterAGoodOneFailsWithItsNameAndQueryId() throws Exception {
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      SQLException error = catchThrowableOfType(() -> {
        try (ResultSet rows = statement.executeQuery("SELECT id, v FROM damaged")) {
          while (rows.next()) {
            rows.getLong(1);
          }
        }
      }, SQLException.class);

      TarnQueryError failed = (TarnQueryError) error;
      assertThat(error.getSQLState()).isEqualTo("XX001");
      assertThat(failed.errorCode()).isEqualTo("CORRUPT_FILE");
      assertThat(error.getMessage()).contains("b_corrupt.parquet")
          .endsWith(" [query id: " + failed.queryId() + "]");
      assertThat(statement.unwrap(TarnExecutionInfo.class).queryId()).isEqualTo(failed.queryId()).matches(UUID);
      assertInHistory(connection, failed.queryId(), "FAILED", "CORRUPT_FILE", "b_corrupt.parquet");
    }
  }

  @Test
  void theNextExecutionReplacesTheFailedOnesIdAndAFailureWithoutExecutionHasNone() throws Exception {
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      SQLException first = catchThrowableOfType(() -> statement.execute("SELECT nope FROM numbers"),
          SQLException.class);
      String failedId = ((TarnQueryError) first).queryId();
      try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM numbers")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong(1)).isEqualTo(20000);
      }
      TarnExecutionInfo info = statement.unwrap(TarnExecutionInfo.class);
      assertThat(info.queryId()).matches(UUID).isNotEqualTo(failedId);

      // Preparing only parses: no execution, so no query id, but still Tarn's error code.
      SQLException notPrepared = catchThrowableOfType(() -> connection.prepareStatement("SELEC ?"),
          SQLException.class);
      assertThat((Throwable) notPrepared).isInstanceOf(TarnQueryError.class).hasMessageNotContaining("query id");
      assertThat(((TarnQueryError) notPrepared).queryId()).isNull();
      assertThat(((TarnQueryError) notPrepared).errorCode()).isEqualTo("SYNTAX_ERROR");
    }
  }

  private static void assertInHistory(Connection connection, String queryId, String state, String errorCode,
      String errorText) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(
            "SELECT state, error_code, error FROM system.queries WHERE query_id = '" + queryId + "'")) {
      assertThat(row.next()).as("system.queries has %s", queryId).isTrue();
      assertThat(row.getString("state")).isEqualTo(state);
      assertThat(row.getString("error_code")).isEqualTo(errorCode);
      assertThat(row.getString("error")).contains(errorText);
      assertThat(row.next()).isFalse();
    }
  }

  private static long historyBytesScanned(Connection connection, String queryId) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT bytes_scanned FROM system.queries WHERE query_id = ?")) {
      statement.setString(1, queryId);
      try (ResultSet row = statement.executeQuery()) {
        assertThat(row.next()).isTrue();
        return row.getLong(1);
      }
    }
  }
}
