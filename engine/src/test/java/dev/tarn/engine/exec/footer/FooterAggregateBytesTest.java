package dev.tarn.engine.exec.footer;

import dev.tarn.engine.testing.StatsQueries;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.engine.api.EngineConfig;
import dev.tarn.engine.api.QueryResult;
import dev.tarn.engine.api.TarnEngine;
import dev.tarn.engine.api.TarnSession;
import dev.tarn.engine.testing.ResultRowsReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Footer aggregates and LIMIT read almost nothing: the bytes scanned are footer bytes (or the first row group),
 * far below the data's size, and the answers are the full scan's. Files from DuckDB, 3 partitions of 100,000 rows
 * in row groups of 10,000.
 */
class FooterAggregateBytesTest {

  @TempDir
  static Path temp;
  /** Single-threaded, for the exact counts. */
  private static TarnEngine engine;
  /** Four worker threads: footers and small limits must read no more than on one. */
  private static TarnEngine parallelEngine;
  private static long dataBytes;

  @BeforeAll
  static void createLake() throws Exception {
    Path data = Files.createDirectories(temp.resolve("data"));
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
      statement.execute("COPY (SELECT i AS id, ((i * 7919 % 100000) / 100.0)::DECIMAL(12,2) AS amount,"
          + " 'customer-' || lpad((i * 31 % 99991)::VARCHAR, 6, '0') AS name, DATE '2024-01-01' + (i % 365)::INTEGER AS d,"
          + " 'p' || (i // 100000)::VARCHAR AS part FROM range(0, 300000) t(i)) TO '" + data.resolve("events")
          + "' (FORMAT PARQUET, PARTITION_BY (part), ROW_GROUP_SIZE 10000)");
    }
    dataBytes = size(data.resolve("events"));
    engine = open(data, temp.resolve("warehouse"), 1);
    parallelEngine = open(data, temp.resolve("parallel-warehouse"), 4);
  }

  private static TarnEngine open(Path data, Path warehouse, int threads) {
    TarnEngine engine = TarnEngine.open(EngineConfig.defaults(warehouse).withThreads(threads));
    try (TarnSession session = engine.openSession(null)) {
      execute(session, "CREATE EXTERNAL TABLE events (id BIGINT, amount DECIMAL(12,2), name STRING, d DATE)"
          + " PARTITIONED BY (part STRING) STORED AS PARQUET LOCATION 'file://" + data.resolve("events") + "/'");
      execute(session, "MSCK REPAIR TABLE events");
    }
    return engine;
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
    parallelEngine.close();
  }

  @Test
  void countAndExtremesReadOnlyFooters() {
    StatsQueries.Run run = StatsQueries.run(engine,
        "SELECT count(*), count(amount), min(id), max(id), max(amount), min(d), max(d) FROM events");
    assertThat(run.rows()).containsExactly(List.of(300000L, 300000L, 0L, 299999L, new BigDecimal("999.99"),
        LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 30)));
    long bytes = run.stats().bytesScanned();
    assertThat(bytes).isPositive().isLessThan(dataBytes / 50);
    assertThat(run.stats().total(scan -> scan.filesScanned)).isEqualTo(3);
    assertThat(run.stats().total(scan -> scan.rowGroupsTotal)).isEqualTo(30);
    assertThat(run.stats().total(scan -> scan.rowsScanned)).isZero();
  }

  @Test
  void partitionFilterAndGroupingReadOnlyTheKeptFooters() {
    StatsQueries.Run all = StatsQueries.run(engine, "SELECT part, count(*), max(id) FROM events GROUP BY part");
    assertThat(all.rows()).containsExactlyInAnyOrder(List.of("p0", 100000L, 99999L),
        List.of("p1", 100000L, 199999L), List.of("p2", 100000L, 299999L));
    StatsQueries.Run one = StatsQueries.run(engine, "SELECT count(*), min(id) FROM events WHERE part = 'p1'");
    assertThat(one.rows()).containsExactly(List.of(100000L, 100000L));
    assertThat(one.stats().total(scan -> scan.filesScanned)).isEqualTo(1);
    assertThat(one.stats().bytesScanned()).isPositive().isLessThan(all.stats().bytesScanned());
  }

  @Test
  void dataFilterReadsTheData() {
    StatsQueries.Run run = StatsQueries.run(engine, "SELECT count(*) FROM events WHERE amount > 500");
    assertThat(run.stats().bytesScanned()).isGreaterThan(dataBytes / 50);
  }

  @Test
  void stringExtremesAreTheScansWhetherOrNotFootersAnswer() {
    StatsQueries.Run run = StatsQueries.run(engine, "SELECT min(name), max(name) FROM events");
    assertThat(run.rows()).containsExactly(List.of("customer-000000", "customer-099990"));
  }

  @Test
  void limitReadsOnlyTheFirstRowGroup() {
    StatsQueries.Run run = StatsQueries.run(engine, "SELECT * FROM events LIMIT 10");
    assertThat(run.rows()).hasSize(10);
    // One row group of the first file (1 of 30), its footer, nothing more.
    assertThat(run.stats().bytesScanned()).isPositive().isLessThan(dataBytes / 15);
    assertThat(run.stats().total(scan -> scan.filesScanned)).isEqualTo(1);
  }

  @Test
  void fourThreadsReadTheSameFootersAndStillStopASmallLimitAtTheFirstRowGroup() {
    for (String sql : List.of("SELECT count(*), count(amount), min(id), max(id), max(amount), min(d), max(d) FROM events",
        "SELECT part, count(*), max(id) FROM events GROUP BY part", "SELECT * FROM events LIMIT 10")) {
      StatsQueries.Run one = StatsQueries.run(engine, sql);
      StatsQueries.Run four = StatsQueries.run(parallelEngine, sql);
      assertThat(four.rows()).as(sql).hasSameSizeAs(one.rows());
      StatsQueries.COUNTERS.forEach((name, counter) ->
          assertThat(four.stats().total(counter)).as(sql + ": " + name).isEqualTo(one.stats().total(counter)));
    }
  }

  private static void execute(TarnSession session, String sql) {
    try (QueryResult result = session.execute(sql)) {
      ResultRowsReader.read(result);
    }
  }

  private static long size(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
    }
  }
}
