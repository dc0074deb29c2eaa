package dev.tarn.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code unwrap(TarnExecutionInfo.class)} through DriverManager, on 60 Hive partitions (year x month) of 100 rows,
 * each written by DuckDB as one file with one row group, so every pruning count is known.
 */
class TarnExecutionInfoTest {

  @TempDir
  static Path temporary;
  static String url;

  @BeforeAll
  static void createLake() throws Exception {
    Path data = Files.createDirectories(temporary.resolve("data"));
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duckdb.createStatement()) {
      st.execute("COPY (SELECT i AS id, i * 2 AS v, 1990 + i % 5 AS year, 1 + i % 12 AS month FROM range(0, 6000) t(i))"
          + " TO '" + data.resolve("events") + "' (FORMAT PARQUET, PARTITION_BY (year, month))");
    }
    url = "jdbc:tarn:" + temporary.resolve("warehouse");
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      statement.execute("CREATE EXTERNAL TABLE events (id BIGINT, v BIGINT) PARTITIONED BY (year INT, month INT)"
          + " STORED AS PARQUET LOCATION 'file://" + data.resolve("events") + "/'");
      statement.execute("MSCK REPAIR TABLE events");
    }
  }

  @Test
  void statementReportsThePruningOfItsLastExecution() throws Exception {
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      TarnExecutionInfo info = statement.unwrap(TarnExecutionInfo.class);
      assertThat(statement.isWrapperFor(TarnExecutionInfo.class)).isTrue();
      assertThat(info.queryId()).isNull();
      try (ResultSet rows = statement.executeQuery("SELECT id, v FROM events WHERE year = 1992")) {
        int count = 0;
        while (rows.next()) {
          count++;
        }
        assertThat(count).isEqualTo(1200);
      }
      assertThat(info.queryId()).matches("[0-9a-f-]{36}");
      assertThat(info.rows()).isEqualTo(1200);
      assertThat(info.partitionsScanned()).isEqualTo(12);
      assertThat(info.partitionsTotal()).isEqualTo(60);
      assertThat(info.filesScanned()).isEqualTo(12);
      assertThat(info.filesTotal()).isEqualTo(12);
      assertThat(info.rowGroupsScanned()).isEqualTo(12);
      assertThat(info.rowGroupsTotal()).isEqualTo(12);
      assertThat(info.bytesScanned()).isPositive();
      assertThat(info.elapsedMillis()).isNotNegative();
      // Progress figures: one split per file read, every row of the 12 partitions read.
      assertThat(info.splitsCompleted()).isEqualTo(12);
      assertThat(info.splitsTotal()).isEqualTo(12);
      assertThat(info.rowsScanned()).isEqualTo(1200);
      assertSameAsHistory(connection, info);

      String previous = info.queryId();
      try (ResultSet rows = statement.executeQuery("SELECT id, v FROM events")) {
        while (rows.next()) {
          assertThat(rows.getLong(1)).isNotNegative();
        }
      }
      assertThat(info.queryId()).isNotEqualTo(previous);
      assertThat(info.rows()).isEqualTo(6000);
      assertThat(info.partitionsScanned()).isEqualTo(60);
      assertThat(info.partitionsTotal()).isEqualTo(60);
    }
  }

  @Test
  void preparedStatementAndResultSetReportTheirExecution() throws Exception {
    try (Connection connection = DriverManager.getConnection(url);
        PreparedStatement statement = connection.prepareStatement(
            "SELECT sum(v) FROM events WHERE year = ? AND month = ?")) {
      statement.setInt(1, 1992);
      statement.setInt(2, 3);
      TarnExecutionInfo fromResultSet;
      try (ResultSet rows = statement.executeQuery()) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong(1)).isEqualTo(594400);
        fromResultSet = rows.unwrap(TarnExecutionInfo.class);
        assertThat(rows.next()).isFalse();
      }
      TarnExecutionInfo info = statement.unwrap(TarnExecutionInfo.class);
      assertThat(fromResultSet.queryId()).isEqualTo(info.queryId());
      assertThat(info.rows()).isEqualTo(1);
      assertThat(info.partitionsScanned()).isEqualTo(1);
      assertThat(info.partitionsTotal()).isEqualTo(60);
      assertThat(info.rowGroupsScanned()).isEqualTo(1);
      assertThat(fromResultSet.bytesScanned()).isEqualTo(info.bytesScanned()).isPositive();
      assertSameAsHistory(connection, info);
    }
  }

  @Test
  void failedStatementsAreInTheHistoryWithTheirErrorCode() throws Exception {
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery("SELECT nope FROM events")).isInstanceOf(SQLException.class);
      String failedId = statement.unwrap(TarnExecutionInfo.class).queryId();
      assertThat(failedId).matches("[0-9a-f-]{36}");
      try (ResultSet rows = statement.executeQuery(
          "SELECT state, error_code FROM system.queries WHERE query_id = '" + failedId + "'")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo("FAILED");
        assertThat(rows.getString(2)).isEqualTo("NOT_FOUND");
      }
    }
  }

  @Test
  void shellPrinterShowsDataScannedAndExplainAnalyzeRunsThroughJdbc() throws Exception {
    java.io.StringWriter text = new java.io.StringWriter();
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      dev.tarn.cli.ResultPrinter printer = new dev.tarn.cli.ResultPrinter(new java.io.PrintWriter(text));
      assertThat(printer.execute(statement,
          "SELECT month, sum(v) AS total FROM events WHERE year = 1992 AND month <= 2 GROUP BY month ORDER BY month"))
          .isTrue();
      assertThat(printer.execute(statement,
          "EXPLAIN ANALYZE SELECT id FROM events WHERE year = 1992 AND month = 3 AND id < 1000")).isTrue();
    }
    String output = text.toString();
    assertThat(output).containsPattern("\\(2 rows, \\d+\\.\\d{3} s, data scanned: \\d+(\\.\\d)? [KM]?B,"
        + " partitions 2/60, row groups 2/2\\)");
    assertThat(output).contains("rows=17 batches=").contains("partitions 1/60, files 1/1, row groups 1/1");
  }

  /** The statistics equal the query's row in system.queries, which sums the ScanStats of its scans. */
  private static void assertSameAsHistory(Connection connection, TarnExecutionInfo info) throws SQLException {
    try (PreparedStatement history = connection.prepareStatement("SELECT state, \"rows\", bytes_scanned,"
        + " partitions_scanned, partitions_total, files_scanned, files_total, row_groups_scanned, row_groups_total,"
        + " pages_skipped FROM system.queries WHERE query_id = ?")) {
      history.setString(1, info.queryId());
      try (ResultSet row = history.executeQuery()) {
        assertThat(row.next()).isTrue();
        assertThat(row.getString(1)).isEqualTo("SUCCEEDED");
        assertThat(new long[] {row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5), row.getLong(6),
            row.getLong(7), row.getLong(8), row.getLong(9), row.getLong(10)})
            .containsExactly(info.rows(), info.bytesScanned(), info.partitionsScanned(), info.partitionsTotal(),
                info.filesScanned(), info.filesTotal(), info.rowGroupsScanned(), info.rowGroupsTotal(),
                info.pagesSkipped());
      }
    }
  }
}
