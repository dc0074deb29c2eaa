package dev.tarn.engine.exec.dynamic;

import dev.tarn.engine.testing.StatsQueries;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.engine.api.EngineConfig;
import dev.tarn.engine.api.QueryResult;
import dev.tarn.engine.api.TarnEngine;
import dev.tarn.engine.api.TarnSession;
import dev.tarn.engine.testing.ResultRowsReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dynamic filters prune the probe side's scan with exact counts. The fact table {@code sales} has 10 partitions
 * ({@code day} 1..10) of 20,480 rows, each file sorted by {@code cust} (0..1023, 20 rows each) in row groups of
 * 2,048 rows, so customers 0..99 all lie in each file's first row group.
 */
class DynamicFilterPruningTest {

  @TempDir
  static Path temp;
  /** Single-threaded: the exact counts below are those of one scan reading files in order. */
  private static TarnEngine engine;
  /** Four worker threads: the same queries must give the same rows and every counter the same value. */
  private static TarnEngine parallelEngine;

  @BeforeAll
  static void createLake() throws Exception {
    Path data = Files.createDirectories(temp.resolve("data"));
    Files.createDirectories(data.resolve("customers"));
    Files.createDirectories(data.resolve("days"));
    Files.createDirectories(data.resolve("wide"));
    Files.createDirectories(data.resolve("quarters"));
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
      statement.execute("SET threads = 1");
      statement.execute("COPY (SELECT i // 200 AS cust, i % 100 AS amount, (i % 10 + 1)::INTEGER AS day"
          + " FROM range(0, 204800) t(i) ORDER BY day, cust) TO '" + data.resolve("sales")
          + "' (FORMAT PARQUET, PARTITION_BY (day), ROW_GROUP_SIZE 2048)");
      statement.execute("COPY (SELECT * FROM (SELECT i AS cust, 'r' || (i // 100)::VARCHAR AS region FROM range(0, 1024) t(i)"
          + " UNION ALL SELECT NULL, 'r0')) TO '" + data.resolve("customers/data.parquet") + "' (FORMAT PARQUET)");
      statement.execute("COPY (SELECT i::INTEGER AS day, CASE WHEN i IN (6, 7) THEN 'weekend' ELSE 'weekday' END AS kind"
          + " FROM range(1, 11) t(i)) TO '" + data.resolve("days/data.parquet") + "' (FORMAT PARQUET)");
      statement.execute("COPY (SELECT i AS k, i % 13 AS v FROM range(0, 100000) t(i)) TO '"
          + data.resolve("wide/data.parquet") + "' (FORMAT PARQUET, ROW_GROUP_SIZE 10000)");
      statement.execute("COPY (SELECT i * 4 AS k FROM range(0, 20000) t(i)) TO '"
          + data.resolve("quarters/data.parquet") + "' (FORMAT PARQUET)");
    }
    engine = open(data, temp.resolve("warehouse"), 1);
    parallelEngine = open(data, temp.resolve("parallel-warehouse"), 4);
  }

  /** An engine with {@code threads} worker threads over the lake in {@code data}, its tables created. */
  private static TarnEngine open(Path data, Path warehouse, int threads) {
    TarnEngine engine = TarnEngine.open(EngineConfig.defaults(warehouse).withThreads(threads));
    try (TarnSession session = engine.openSession(null)) {
      execute(session, "CREATE EXTERNAL TABLE sales (cust BIGINT, amount BIGINT) PARTITIONED BY (day INT)"
          + " STORED AS PARQUET LOCATION 'file://" + data.resolve("sales") + "/'");
      execute(session, "MSCK REPAIR TABLE sales");
      execute(session, "CREATE EXTERNAL TABLE customers (cust BIGINT, region STRING) STORED AS PARQUET LOCATION 'file://"
          + data.resolve("customers") + "/'");
      execute(session, "CREATE EXTERNAL TABLE days (day INT, kind STRING) STORED AS PARQUET LOCATION 'file://"
          + data.resolve("days") + "/'");
      execute(session, "CREATE EXTERNAL TABLE wide (k BIGINT, v BIGINT) STORED AS PARQUET LOCATION 'file://"
          + data.resolve("wide") + "/'");
      execute(session, "CREATE EXTERNAL TABLE quarters (k BIGINT) STORED AS PARQUET LOCATION 'file://"
          + data.resolve("quarters") + "/'");
    }
    return engine;
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
    parallelEngine.close();
  }

  private static void execute(TarnSession session, String sql) {
    try (QueryResult result = session.execute(sql)) {
      ResultRowsReader.read(result);
    }
  }

  private static long sales(StatsQueries.Run run, java.util.function.Function<dev.tarn.engine.exec.ScanStats,
      java.util.concurrent.atomic.AtomicLong> counter) {
    return run.stats().scans().stream().filter(scan -> scan.table().endsWith("sales"))
        .mapToLong(scan -> counter.apply(scan).get()).sum();
  }

  @Test
  void buildKeysPruneRowGroupsOfTheProbeFiles() {
    StatsQueries.Run run = StatsQueries.run(engine, "SELECT count(*), sum(s.amount) FROM sales s"
        + " JOIN customers c ON s.cust = c.cust WHERE c.region = 'r0'");
    assertThat(run.rows()).containsExactly(List.of(20000L, 990000L));
    assertThat(sales(run, scan -> scan.partitionsScanned)).isEqualTo(10);
    assertThat(sales(run, scan -> scan.rowGroupsTotal)).isEqualTo(100);
    assertThat(sales(run, scan -> scan.prunedByDynamicFilter)).isEqualTo(90);
    assertThat(sales(run, scan -> scan.rowGroupsScanned)).isEqualTo(10);
    assertThat(sales(run, scan -> scan.rowGroupsPrunedByStatistics)).isZero();
  }

  @Test
  void buildKeysPrunePartitions() {
    StatsQueries.Run run = StatsQueries.run(engine, "SELECT s.day, count(*) FROM sales s"
        + " JOIN days d ON s.day = d.day WHERE d.kind = 'weekend' GROUP BY s.day");
    assertThat(run.rows()).containsExactlyInAnyOrder(List.of(6, 20480L), List.of(7, 20480L));
    assertThat(sales(run, scan -> scan.partitionsTotal)).isEqualTo(10);
    assertThat(sales(run, scan -> scan.partitionsScanned)).isEqualTo(2);
    assertThat(sales(run, scan -> scan.prunedByDynamicFilter)).isEqualTo(8);
  }

  @Test
  void semiJoinPrunesToo() {
    StatsQueries.Run run = StatsQueries.run(engine, "SELECT count(*) FROM sales"
        + " WHERE cust IN (SELECT cust FROM customers WHERE region = 'r0')");
    assertThat(run.rows()).containsExactly(List.of(20000L));
    assertThat(sales(run, scan -> scan.prunedByDynamicFilter)).isEqualTo(90);
  }

  @Test
  void anEmptyBuildSideReadsNothingOfTheProbeSide() {
    StatsQueries.Run run = StatsQueries.run(engine, "SELECT count(*) FROM sales s"
        + " JOIN customers c ON s.cust = c.cust WHERE c.region = 'nowhere'");
    assertThat(run.rows()).containsExactly(List.of(0L));
    assertThat(sales(run, scan -> scan.rowGroupsScanned)).isZero();
    assertThat(sales(run, scan -> scan.rowsScanned)).isZero();
  }

  @Test
  void aPreservedProbeSideIsNotPruned() {
    StatsQueries.Run run = StatsQueries.run(engine, "SELECT count(*), count(c.cust) FROM sales s"
        + " LEFT JOIN (SELECT * FROM customers WHERE region = 'r0') c ON s.cust = c.cust");
    assertThat(run.rows()).containsExactly(List.of(204800L, 20000L));
    assertThat(sales(run, scan -> scan.prunedByDynamicFilter)).isZero();
  }

  @Test
  void buildKeysFilterProbeRowsBeforeTheirOtherColumnsAreDecoded() {
    // Customers 0, 100, ..., 1000: every row group holds one, so only the row-level set can drop rows.
    StatsQueries.Run run = StatsQueries.run(engine, "SELECT count(*), sum(s.amount) FROM sales s"
        + " JOIN customers c ON s.cust = c.cust WHERE c.cust % 100 = 0");
    assertThat(run.rows()).containsExactly(List.of(2200L, 108900L));
    assertThat(sales(run, scan -> scan.rowsScanned)).isEqualTo(204800);
    assertThat(sales(run, scan -> scan.rowsFilteredInScan)).isEqualTo(204800 - 2200);
  }

  @Test
  void manyBuildKeysFilterProbeRowsThroughABloomFilter() {
    // 20,000 keys (every fourth of 0..79,996): row groups past 80,000 fall to the range, most other rows to the
    // bloom filter, which lets about 1% of the non-matching ones through to the join.
    StatsQueries.Run run = StatsQueries.run(engine, "SELECT count(*), sum(w.v) FROM wide w"
        + " JOIN quarters q ON w.k = q.k");
    long expectedSum = 0;
    for (long k = 0; k < 80_000; k += 4) {
      expectedSum += k % 13;
    }
    assertThat(run.rows()).containsExactly(List.of(20000L, expectedSum));
    long scanned = scanOf(run, "wide", scan -> scan.rowsScanned);
    long filtered = scanOf(run, "wide", scan -> scan.rowsFilteredInScan);
    assertThat(scanned).isBetween(80_000L, 90_000L); // DuckDB rounds row groups to multiples of 2,048 rows
    long nonMatching = scanned - 20_000;
    assertThat(filtered).isBetween(nonMatching - nonMatching / 40, nonMatching);
  }

  @Test
  void scanPredicateFiltersRowsBeforeTheOtherColumnsAreDecoded() {
    // cust % 100 = 7 keeps customers 7, 107, ..., 1007: 11 of them, 20 rows in each of the 10 files.
    StatsQueries.Run run = StatsQueries.run(engine, "SELECT count(*), sum(amount) FROM sales WHERE cust % 100 = 7");
    assertThat(run.rows()).containsExactly(List.of(2200L, 108900L));
    assertThat(sales(run, scan -> scan.rowsFilteredInScan)).isEqualTo(204800 - 2200);
  }

  private static long scanOf(StatsQueries.Run run, String table, java.util.function.Function<
      dev.tarn.engine.exec.ScanStats, java.util.concurrent.atomic.AtomicLong> counter) {
    return run.stats().scans().stream().filter(scan -> scan.table().endsWith("." + table))
        .mapToLong(scan -> counter.apply(scan).get()).sum();
  }

  @Test
  void fourThreadsPruneExactlyAsOne() {
    List<String> queries = List.of(
        "SELECT count(*), sum(s.amount) FROM sales s JOIN customers c ON s.cust = c.cust WHERE c.region = 'r0'",
        "SELECT s.day, count(*) FROM sales s JOIN days d ON s.day = d.day WHERE d.kind = 'weekend' GROUP BY s.day",
        "SELECT count(*) FROM sales WHERE cust IN (SELECT cust FROM customers WHERE region = 'r0')",
        "SELECT count(*), sum(s.amount) FROM sales s JOIN customers c ON s.cust = c.cust WHERE c.cust % 100 = 0",
        "SELECT count(*), sum(w.v) FROM wide w JOIN quarters q ON w.k = q.k",
        "SELECT count(*), sum(amount) FROM sales WHERE cust % 100 = 7");
    for (String sql : queries) {
      StatsQueries.Run one = StatsQueries.run(engine, sql);
      StatsQueries.Run four = StatsQueries.run(parallelEngine, sql);
      assertThat(four.rows()).as(sql).containsExactlyInAnyOrderElementsOf(one.rows());
      for (String table : List.of("sales", "customers", "days", "wide", "quarters")) {
        for (java.util.function.Function<dev.tarn.engine.exec.ScanStats, java.util.concurrent.atomic.AtomicLong>
            counter : StatsQueries.COUNTERS.values()) {
          assertThat(scanOf(four, table, counter)).as(sql + ": " + table)
              .isEqualTo(scanOf(one, table, counter));
        }
      }
    }
  }

  @Test
  void explainNamesTheFilterAndItsTarget() {
    try (TarnSession session = engine.openSession(null);
        QueryResult result = session.execute("EXPLAIN SELECT count(*) FROM sales s JOIN customers c"
            + " ON s.cust = c.cust WHERE c.region = 'r0'")) {
      String plan = ResultRowsReader.read(result).toString();
      assertThat(plan).contains("dynamicFilter=df0 -> default.sales.cust");
    }
  }
}
