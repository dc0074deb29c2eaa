package dev.tarn.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.testing.ResultRowsReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The query lifecycle: one record per statement, its final state, and the history's persistence and bound. */
class QueryHistoryTest {

  @TempDir
  Path dir;

  private TarnEngine open(int historySize) {
    return TarnEngine.open(EngineConfig.defaults(dir.resolve("warehouse")).withQueryHistorySize(historySize));
  }

  private static QueryRecord find(TarnEngine engine, String queryId) {
    return engine.queryLog().records().stream().filter(r -> r.queryId().equals(queryId)).findFirst().orElseThrow();
  }

  private static String run(TarnSession session, String sql) {
    try (QueryResult result = session.execute(sql)) {
      ResultRowsReader.read(result);
      return result.queryId();
    }
  }

  @Test
  void successFailureAndDdlAreRecorded() {
    try (TarnEngine engine = open(100); TarnSession session = engine.openSession(null)) {
      String values = run(session, "SELECT * FROM (VALUES 1, 2, 3) t(x) WHERE x > 1");
      String ddl = run(session, "CREATE DATABASE analytics");
      assertThatThrownBy(() -> session.execute("SELECT * FROM missing")).isInstanceOf(TarnException.class);

      QueryRecord success = find(engine, values);
      assertThat(success.state()).isEqualTo(QueryState.SUCCEEDED);
      assertThat(success.statistics().rows()).isEqualTo(2);
      assertThat(success.ended()).isAfterOrEqualTo(success.started());
      assertThat(success.errorCode()).isNull();
      assertThat(find(engine, ddl).state()).isEqualTo(QueryState.SUCCEEDED);
      QueryRecord failure = engine.queryLog().records().stream()
          .filter(r -> r.state() == QueryState.FAILED).findFirst().orElseThrow();
      assertThat(failure.query()).isEqualTo("SELECT * FROM missing");
      assertThat(failure.errorCode()).isEqualTo(ErrorCode.NOT_FOUND.name());
      assertThat(failure.errorMessage()).contains("missing");
    }
  }

  @Test
  void earlyCloseSucceedsWithTheRowsDeliveredAndCancelIsCancelled() {
    try (TarnEngine engine = open(100); TarnSession session = engine.openSession(null)) {
      String sql = "SELECT x FROM (VALUES 1, 2, 3) t(x) UNION ALL SELECT x FROM (VALUES 4, 5) t(x)";
      String early;
      try (QueryResult result = session.execute(sql)) {
        early = result.queryId();
        try (Batch first = result.next()) {
          assertThat(first.rowCount()).isPositive();
        }
        assertThat(find(engine, early).state()).isEqualTo(QueryState.RUNNING);
      }
      QueryRecord closed = find(engine, early);
      assertThat(closed.state()).isEqualTo(QueryState.SUCCEEDED);
      assertThat(closed.statistics().rows()).isBetween(1L, 4L);

      String cancelled;
      try (QueryResult result = session.execute(sql)) {
        cancelled = result.queryId();
        result.cancel();
        assertThatThrownBy(result::next).isInstanceOf(TarnException.class);
      }
      QueryRecord record = find(engine, cancelled);
      assertThat(record.state()).isEqualTo(QueryState.CANCELLED);
      assertThat(record.errorCode()).isEqualTo(ErrorCode.CANCELLED.name());
    }
  }

  @Test
  void historySurvivesReopenAndKeepsOnlyTheNewest() {
    String last;
    try (TarnEngine engine = open(5); TarnSession session = engine.openSession(null)) {
      for (int i = 0; i < 8; i++) {
        run(session, "SELECT " + i);
      }
      last = run(session, "SELECT 'last'");
    }
    assertThat(dir.resolve("warehouse").resolve(TarnEngine.HISTORY_FILE)).exists();
    try (TarnEngine engine = open(5)) {
      List<QueryRecord> records = engine.queryLog().records();
      assertThat(records).hasSize(5);
      assertThat(records.get(0).queryId()).isEqualTo(last);
      assertThat(records).extracting(QueryRecord::query)
          .containsExactly("SELECT 'last'", "SELECT 7", "SELECT 6", "SELECT 5", "SELECT 4");
      assertThat(records).allMatch(r -> r.state() == QueryState.SUCCEEDED && r.ended() != null);
    }
  }

  @Test
  void explainAnalyzeShowsExactRowsPerOperatorAndScanPruning() throws Exception {
    Path data = java.nio.file.Files.createDirectories(dir.resolve("data"));
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duckdb.createStatement()) {
      // 60 partitions (year x month) of 100 rows, each one file with one row group.
      st.execute("COPY (SELECT i AS id, i * 2 AS v, 1990 + i % 5 AS year, 1 + i % 12 AS month FROM range(0, 6000) t(i))"
          + " TO '" + data.resolve("events") + "' (FORMAT PARQUET, PARTITION_BY (year, month))");
    }
    try (TarnEngine engine = open(100); TarnSession session = engine.openSession(null)) {
      run(session, "CREATE EXTERNAL TABLE events (id BIGINT, v BIGINT) PARTITIONED BY (year INT, month INT)"
          + " STORED AS PARQUET LOCATION 'file://" + data.resolve("events") + "/'");
      run(session, "MSCK REPAIR TABLE events");
      List<String> lines;
      try (QueryResult result = session.execute(
          "EXPLAIN ANALYZE SELECT id FROM events WHERE year = 1992 AND month = 3 AND id < 1000")) {
        lines = ResultRowsReader.read(result).stream().map(row -> (String) row.get(0)).toList();
      }
      String text = String.join("\n", lines);
      // ids 2, 62, ..., 962 are in the partition and below 1000: 17 rows.
      int filter = indexOf(lines, "Filter[");
      assertThat(lines.get(filter + 1)).contains("rows=17 batches=");
      int scan = indexOf(lines, "TableScan[");
      assertThat(lines.get(scan + 1)).contains("rows=100 ").contains("wall=").contains("cpu=").contains("peak batch=");
      assertThat(lines.get(scan + 2)).contains("partitions 1/60, files 1/1, row groups 1/1").contains("bytes read ");
      assertThat(lines.get(lines.size() - 1)).startsWith("Query: rows=17 ").contains("peak memory=")
          .contains("bytes scanned=");
      assertThat(text).doesNotContain("rows=-");
    }
  }

  private static int indexOf(List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).stripLeading().startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("no line starting with " + prefix + " in\n" + String.join("\n", lines));
  }
}
