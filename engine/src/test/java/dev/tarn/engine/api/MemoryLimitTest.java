package dev.tarn.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.testing.ResultRowsReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query over its memory limit fails with OUT_OF_MEMORY naming the operator that ran out, frees everything it
 * held (closing the engine would fail on a leak), and the engine runs the next query as if nothing happened.
 * Table {@code t}: 1,000,000 rows of a unique key and a 20-byte string, about 30 MB once decoded.
 */
class MemoryLimitTest {

  private static final long LIMIT = 8L << 20;

  @TempDir
  static Path temp;

  @BeforeAll
  static void writeTable() throws Exception {
    Files.createDirectories(temp.resolve("t"));
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
      statement.execute("COPY (SELECT (i * 7919) % 1000000 AS k, printf('name-%015d', i) AS s FROM range(0, 1000000) r(i))"
          + " TO '" + temp.resolve("t/data.parquet") + "' (FORMAT PARQUET, ROW_GROUP_SIZE 100000)");
    }
  }

  @ParameterizedTest(name = "threads={0}")
  @ValueSource(ints = {1, 4})
  void aQueryOverItsLimitFailsNamingTheOperatorAndTheEngineCarriesOn(int threads) {
    EngineConfig config = new EngineConfig(temp.resolve("warehouse-" + threads), LIMIT,
        EngineConfig.defaults(temp).batchSize()).withThreads(threads);
    try (TarnEngine engine = TarnEngine.open(config)) {
      run(engine, "CREATE EXTERNAL TABLE IF NOT EXISTS t (k BIGINT, s STRING) STORED AS PARQUET LOCATION 'file://"
          + temp.resolve("t") + "/'");

      TarnException failure = catchThrowableOfType(() -> run(engine, "SELECT k, s FROM t ORDER BY s DESC"),
          TarnException.class);
      assertThat(failure).isNotNull();
      assertThat(failure.code()).isEqualTo(ErrorCode.OUT_OF_MEMORY);
      // The sort holds the rows; the allocation that fails is the sort's or the scan's next batch.
      assertThat(failure.getMessage()).contains("exceeded its memory limit of " + LIMIT + " bytes in operator ")
          .containsPattern("in operator (Sort|TableScan): ");

      assertThat(run(engine, "SELECT count(*), max(s) FROM t"))
          .containsExactly(List.of(1_000_000L, "name-000000000999999"));
      assertThat(run(engine, "SELECT state, error_code FROM system.queries WHERE query LIKE '%ORDER BY s DESC%'"
          + " AND query NOT LIKE '%system.queries%'")).containsExactly(List.of("FAILED", "OUT_OF_MEMORY"));
    }
  }

  private static List<List<Object>> run(TarnEngine engine, String sql) {
    try (TarnSession session = engine.openSession(null); QueryResult result = session.execute(sql)) {
      return ResultRowsReader.read(result);
    }
  }
}
