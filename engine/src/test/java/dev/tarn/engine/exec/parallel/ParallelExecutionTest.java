package dev.tarn.engine.exec.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.api.EngineConfig;
import dev.tarn.engine.api.QueryResult;
import dev.tarn.engine.api.TarnEngine;
import dev.tarn.engine.api.TarnSession;
import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.ExecutionPlanner;
import dev.tarn.engine.exec.Operator;
import dev.tarn.engine.exec.scan.TableScanOperator;
import dev.tarn.engine.sql.QueryPlanner;
import dev.tarn.engine.testing.ResultRowsReader;
import dev.tarn.engine.testing.RowComparison;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries of every operator family on four worker threads against the same queries on one: the same rows (in the
 * same order under ORDER BY), scans really read on the workers, and EXPLAIN ANALYZE's row counts unchanged. The
 * lake: {@code facts} in 8 partitions of 3 files, {@code dims} one small file.
 */
class ParallelExecutionTest {

  @TempDir
  static Path temp;
  private static TarnEngine single;
  private static TarnEngine parallel;

  @BeforeAll
  static void createLake() throws Exception {
    Path data = Files.createDirectories(temp.resolve("data"));
    Files.createDirectories(data.resolve("dims"));
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
      for (int day = 1; day <= 8; day++) {
        Path partition = Files.createDirectories(data.resolve("facts").resolve("day=" + day));
        for (int file = 0; file < 3; file++) {
          int first = ((day - 1) * 3 + file) * 2000;
          statement.execute("COPY (SELECT i AS id, i % 97 AS k, ((i % 1000)::DECIMAL(10,2) / 7)::DECIMAL(18,6) AS amount,"
              + " 'n' || (i % 13)::VARCHAR AS name, CASE WHEN i % 11 = 0 THEN NULL ELSE i % 5 END AS maybe"
              + " FROM range(" + first + ", " + (first + 2000) + ") t(i)) TO '"
              + partition.resolve("part-" + file + ".parquet") + "' (FORMAT PARQUET, ROW_GROUP_SIZE 500)");
        }
      }
      statement.execute("COPY (SELECT i AS k, 'r' || (i % 4)::VARCHAR AS region FROM range(0, 120) t(i)) TO '"
          + data.resolve("dims/dims.parquet") + "' (FORMAT PARQUET)");
    }
    single = open(data, temp.resolve("single"), 1, EngineConfig.defaults(temp).batchSize());
    parallel = open(data, temp.resolve("parallel"), 4, 256);
  }

  private static TarnEngine open(Path data, Path warehouse, int threads, int batchSize) {
    TarnEngine engine = TarnEngine.open(new EngineConfig(warehouse, EngineConfig.DEFAULT_QUERY_MEMORY_LIMIT,
        batchSize).withThreads(threads));
    try (TarnSession session = engine.openSession(null)) {
      execute(session, "CREATE EXTERNAL TABLE facts (id BIGINT, k BIGINT, amount DECIMAL(18,6), name STRING,"
          + " maybe BIGINT) PARTITIONED BY (day INT) STORED AS PARQUET LOCATION 'file://" + data.resolve("facts")
          + "/'");
      execute(session, "MSCK REPAIR TABLE facts");
      execute(session, "CREATE EXTERNAL TABLE dims (k BIGINT, region STRING) STORED AS PARQUET LOCATION 'file://"
          + data.resolve("dims") + "/'");
    }
    return engine;
  }

  @AfterAll
  static void closeEngines() {
    single.close();
    parallel.close();
  }

  @Test
  void unorderedResultsAreTheSameRows() {
    for (String sql : List.of(
        "SELECT id, name FROM facts WHERE k < 3",
        "SELECT day, name, count(*), sum(amount), avg(amount), min(id), max(name), count(maybe) FROM facts"
            + " GROUP BY day, name",
        "SELECT count(*), sum(id), avg(amount), approx_distinct(k), stddev_samp(id) FROM facts",
        "SELECT name, count(DISTINCT k), sum(id) FILTER (WHERE maybe = 2) FROM facts GROUP BY name",
        "SELECT region, count(*), sum(f.amount) FROM facts f JOIN dims d ON f.k = d.k GROUP BY region",
        "SELECT f.id FROM facts f LEFT JOIN dims d ON f.k = d.k + 90 WHERE d.k IS NULL AND f.id % 50 = 0",
        "SELECT d.k, count(f.id) FROM facts f RIGHT JOIN dims d ON f.k = d.k AND f.day = 3 GROUP BY d.k",
        "SELECT count(*) FROM facts WHERE k IN (SELECT k FROM dims WHERE region = 'r1')",
        "SELECT count(*) FROM facts WHERE k NOT IN (SELECT k FROM dims WHERE region = 'r1')",
        "SELECT d1.region, count(*) FROM facts f JOIN dims d1 ON f.k = d1.k JOIN dims d2 ON f.maybe = d2.k"
            + " GROUP BY d1.region",
        "SELECT name, day, count(*) FROM facts GROUP BY ROLLUP (name, day)",
        "SELECT id FROM facts WHERE day = 2 UNION ALL SELECT k FROM dims",
        "SELECT day, id, row_number() OVER (PARTITION BY day ORDER BY id) FROM facts WHERE k = 5")) {
      List<List<Object>> expected = new ArrayList<>(rows(single, sql));
      List<List<Object>> actual = new ArrayList<>(rows(parallel, sql));
      // Sorted by their text with doubles cut to 9 digits, which the order of a parallel sum may change beyond.
      Comparator<List<Object>> byText = Comparator.comparing(ParallelExecutionTest::sortKey);
      expected.sort(byText);
      actual.sort(byText);
      RowComparison.assertSameRows(actual, expected, sql);
    }
  }

  private static String sortKey(List<Object> row) {
    StringBuilder key = new StringBuilder();
    for (Object value : row) {
      key.append(value instanceof Double d ? String.format(java.util.Locale.ROOT, "%.9g", d) : String.valueOf(value))
          .append('\t');
    }
    return key.toString();
  }

  @Test
  void orderedResultsAreTheSameSequence() {
    for (String sql : List.of(
        "SELECT id, amount FROM facts ORDER BY amount DESC, id",
        "SELECT name, id FROM facts ORDER BY name, id DESC LIMIT 50",
        "SELECT id FROM facts ORDER BY k, id LIMIT 20 OFFSET 1000",
        "SELECT name, sum(amount) AS total FROM facts GROUP BY name ORDER BY total DESC, name")) {
      RowComparison.assertSameRows(rows(parallel, sql), rows(single, sql), sql);
    }
  }

  @Test
  void limitsReturnAsManyRowsOfTheInput() {
    assertThat(rows(parallel, "SELECT id FROM facts LIMIT 5000")).hasSize(5000).doesNotHaveDuplicates();
    assertThat(rows(parallel, "SELECT id FROM facts WHERE k = 1 LIMIT 3 OFFSET 2")).hasSize(3);
    assertThat(rows(parallel, "SELECT id FROM facts OFFSET 47990")).hasSize(10);
  }

  @Test
  void errorsOfCopiesAndOfSharedBuildsFailTheQueryWithTheirCode() {
    for (String sql : List.of(
        "SELECT id / (k - k) FROM facts",
        "SELECT sum(id / (k - k)) FROM facts GROUP BY name",
        "SELECT f.id, d.z FROM facts f JOIN (SELECT k, k / (k - k) AS z FROM dims) d ON f.k = d.k",
        "SELECT id FROM facts ORDER BY id / (k - k)")) {
      for (int attempt = 0; attempt < 2; attempt++) {
        assertThatThrownBy(() -> rows(parallel, sql)).as(sql).isInstanceOf(TarnException.class)
            .extracting(e -> ((TarnException) e).code()).isEqualTo(ErrorCode.DIVISION_BY_ZERO);
      }
    }
    // The engine is still sound: the pool runs the next query, and closing the engines checks nothing leaked.
    assertThat(rows(parallel, "SELECT count(*) FROM facts WHERE k = 3")).isEqualTo(rows(single,
        "SELECT count(*) FROM facts WHERE k = 3"));
  }

  @Test
  void concurrentQueriesShareThePoolAndAPausedResultBlocksNoOne() throws Exception {
    String sql = "SELECT name, count(*), sum(amount) FROM facts f JOIN dims d ON f.k = d.k GROUP BY name";
    List<List<Object>> expected = rows(single, sql);
    // A result left open after one batch parks its copies (full queue) and holds no worker thread...
    try (TarnSession paused = parallel.openSession(null); QueryResult open = paused.execute("SELECT * FROM facts")) {
      open.next().close();
      // ...so queries from this thread and from six others still run on the four workers.
      List<Thread> threads = new ArrayList<>();
      List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
      for (int t = 0; t < 6; t++) {
        Thread thread = new Thread(() -> {
          try {
            for (int round = 0; round < 3; round++) {
              assertThat(rows(parallel, sql)).containsExactlyInAnyOrderElementsOf(expected);
            }
          } catch (Throwable e) {
            failures.add(e);
          }
        });
        thread.start();
        threads.add(thread);
      }
      assertThat(rows(parallel, sql)).containsExactlyInAnyOrderElementsOf(expected);
      for (Thread thread : threads) {
        thread.join(120_000);
        assertThat(thread.isAlive()).isFalse();
      }
      assertThat(failures).isEmpty();
    }
  }

  @Test
  void scansRunOnTheWorkerThreads() {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    try (BufferAllocator allocator = parallel.rootAllocator().newChildAllocator("threads", 0, Long.MAX_VALUE)) {
      QueryPlanner.PlannedQuery planned = new QueryPlanner(parallel.catalog(), parallel.statistics(), allocator)
          .plan("SELECT day, sum(amount) FROM facts GROUP BY day", TarnEngine.DEFAULT_DATABASE, List.of());
      ExecutionContext context = new ExecutionContext("threads", allocator, parallel.fileSystem(), 256,
          parallel.workerPool());
      try (Operator root = new ExecutionPlanner(context,
          (node, scanContext) -> new ThreadRecording(new TableScanOperator(node, scanContext), threads))
          .plan(planned.plan())) {
        for (Batch batch = root.next(); batch != null; batch = root.next()) {
          batch.close();
        }
      }
    }
    assertThat(threads).isNotEmpty().allMatch(name -> name.startsWith("tarn-worker-"));
  }

  @Test
  void explainAnalyzeCountsTheSameRowsPerOperator() {
    String sql = "EXPLAIN ANALYZE SELECT region, count(*) FROM facts f JOIN dims d ON f.k = d.k"
        + " WHERE f.maybe IS NOT NULL GROUP BY region";
    assertThat(rowCounts(parallel, sql)).isEqualTo(rowCounts(single, sql)).isNotEmpty();
    String plan = rows(parallel, sql).toString();
    assertThat(plan).contains("copies=4");
    assertThat(rows(single, sql).toString()).doesNotContain("copies=");
  }

  /**
   * The {@code rows=} of each operator line and the pruning line of each scan, in plan order. A scan's own output
   * and its rows filtered in the scan are masked: its row filter is a hint that adapts (a runtime key filter found
   * useless by one copy is dropped by all), so they depend on which copy read which file first; the filter above
   * the scan, and every operator after it, must count exactly the same rows.
   */
  private static List<String> rowCounts(TarnEngine engine, String sql) {
    List<String> counts = new ArrayList<>();
    Pattern rows = Pattern.compile("rows=(\\d+)");
    for (List<Object> line : rows(engine, sql)) {
      String text = (String) line.get(0);
      Matcher matcher = rows.matcher(text);
      if (matcher.find()) {
        counts.add(matcher.group());
      } else if (text.trim().startsWith("partitions ")) {
        counts.set(counts.size() - 1, "rows=(scan output)");
        counts.add(text.trim().replaceAll(", bytes read .*", "").replaceAll("filtered in scan \\d+", "filtered in scan"));
      }
    }
    return counts;
  }

  private static List<List<Object>> rows(TarnEngine engine, String sql) {
    try (TarnSession session = engine.openSession(null); QueryResult result = session.execute(sql)) {
      return ResultRowsReader.read(result);
    }
  }

  private static void execute(TarnSession session, String sql) {
    try (QueryResult result = session.execute(sql)) {
      ResultRowsReader.read(result);
    }
  }

  /** Passes a scan's batches through, noting the threads that pulled them. */
  private record ThreadRecording(Operator scan, Set<String> threads) implements Operator {
    @Override
    public Schema schema() {
      return scan.schema();
    }

    @Override
    public Batch next() {
      threads.add(Thread.currentThread().getName());
      return scan.next();
    }

    @Override
    public void close() {
      scan.close();
    }
  }
}
