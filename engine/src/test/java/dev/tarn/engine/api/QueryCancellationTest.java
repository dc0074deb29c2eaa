package dev.tarn.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.exec.Batch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Cancelling a query from another thread while its consumer waits in {@code next()} stops it promptly in every kind
 * of long work: aggregation, sort, top-N, window, hash-join build and probe, nested-loop join, EXPLAIN ANALYZE, on
 * the query's thread and on four workers. The consumer gets CANCELLED with the reason, the history records CANCELLED, and once the
 * result is closed the query's allocator is gone and the root holds nothing.
 */
class QueryCancellationTest {

  /** Far beyond the few hundred milliseconds a cancellation takes; a query that ignored it would run for minutes. */
  private static final long PROMPT_MILLIS = 2_000;

  @TempDir
  static Path dir;
  static TarnEngine serial;
  static TarnEngine parallel;

  @BeforeAll
  static void createTable() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data/numbers"));
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duckdb.createStatement()) {
      for (int file = 0; file < 4; file++) {
        st.execute("COPY (SELECT i AS k, i / 4.0 AS v, 'row ' || i AS s FROM range(" + file * 25_000 + ", "
            + (file + 1) * 25_000 + ") t(i)) TO '" + data.resolve("part-" + file + ".parquet") + "' (FORMAT PARQUET)");
      }
    }
    serial = open("warehouse", 1, data);
    parallel = open("warehouse-parallel", 4, data);
  }

  private static TarnEngine open(String warehouse, int threads, Path data) {
    TarnEngine engine = TarnEngine.open(EngineConfig.defaults(dir.resolve(warehouse)).withThreads(threads));
    try (TarnSession session = engine.openSession(null);
        QueryResult ddl = session.execute("CREATE EXTERNAL TABLE numbers (k BIGINT, v DOUBLE, s STRING)"
            + " STORED AS PARQUET LOCATION 'file://" + data + "/'")) {
      assertThat(ddl.updateCount()).isZero();
    }
    return engine;
  }

  @AfterAll
  static void closeEngines() {
    serial.close(); // fails if a cancelled query leaked memory
    parallel.close();
  }

  @ParameterizedTest(name = "{0} thread(s): {1}")
  @CsvSource(delimiter = '|', value = {
      "1|SELECT count(*), sum(a.k + b.k) FROM numbers a CROSS JOIN numbers b",
      "4|SELECT count(*), sum(a.k + b.k) FROM numbers a CROSS JOIN numbers b",
      "1|SELECT a.k, b.k FROM numbers a CROSS JOIN numbers b WHERE a.k + b.k = -1",
      "4|SELECT a.k, b.k FROM numbers a CROSS JOIN numbers b WHERE a.k + b.k = -1",
      "1|SELECT a.k, count(*) FROM numbers a JOIN numbers b ON a.k % 100 = b.k % 100 GROUP BY a.k",
      "4|SELECT a.k, count(*) FROM numbers a JOIN numbers b ON a.k % 100 = b.k % 100 GROUP BY a.k",
      "1|SELECT a.k, b.k FROM numbers a CROSS JOIN (SELECT k FROM numbers WHERE k < 40) b ORDER BY a.v * b.k, a.s",
      "4|SELECT a.k, b.k FROM numbers a CROSS JOIN (SELECT k FROM numbers WHERE k < 40) b ORDER BY a.v * b.k, a.s",
      "1|SELECT a.s, b.s FROM numbers a CROSS JOIN numbers b ORDER BY a.s || b.s LIMIT 5",
      "4|SELECT a.s, b.s FROM numbers a CROSS JOIN numbers b ORDER BY a.s || b.s LIMIT 5",
      "1|SELECT a.k, sum(a.v) OVER (ORDER BY a.s, b.k) FROM numbers a CROSS JOIN (SELECT k FROM numbers WHERE k < 40) b",
      "4|SELECT a.k, count(DISTINCT b.s) FROM numbers a CROSS JOIN numbers b GROUP BY a.k",
      "4|SELECT 1 UNION ALL SELECT count(*) FROM numbers a CROSS JOIN numbers b",
      "1|EXPLAIN ANALYZE SELECT count(*) FROM numbers a CROSS JOIN numbers b",
      "4|EXPLAIN ANALYZE SELECT count(*) FROM numbers a CROSS JOIN numbers b",
  })
  void cancellingStopsTheQueryPromptlyAndFreesItsMemory(int threads, String sql) throws Exception {
    TarnEngine engine = threads == 1 ? serial : parallel;
    String queryId;
    try (TarnSession session = engine.openSession(null); QueryResult result = session.execute(sql)) {
      queryId = result.queryId();
      long[] cancelledAt = new long[1];
      Thread canceller = new Thread(() -> {
        sleep(250);
        cancelledAt[0] = System.nanoTime();
        result.cancel("test cancel");
      });
      canceller.start();
      QueryFailedException failure = catchThrowableOfType(() -> {
        for (Batch batch = result.next(); batch != null; batch = result.next()) {
          batch.close();
        }
      }, QueryFailedException.class);
      long stoppedAt = System.nanoTime();
      canceller.join();

      assertThat(failure).as("the query ended without being stopped").isNotNull();
      assertThat(failure.code()).isEqualTo(ErrorCode.CANCELLED);
      assertThat(failure.getMessage()).contains(queryId, "was cancelled: test cancel");
      assertThat(TimeUnit.NANOSECONDS.toMillis(stoppedAt - cancelledAt[0])).isLessThan(PROMPT_MILLIS);
    }
    assertThat(engine.rootAllocator().getChildAllocators()).isEmpty();
    assertThat(engine.rootAllocator().getAllocatedMemory()).isZero();
    QueryRecord record = engine.queryLog().records().stream().filter(r -> r.queryId().equals(queryId))
        .findFirst().orElseThrow();
    assertThat(record.state()).isEqualTo(QueryState.CANCELLED);
    assertThat(record.errorCode()).isEqualTo(ErrorCode.CANCELLED.name());
    assertThat(record.errorMessage()).endsWith("was cancelled: test cancel");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
