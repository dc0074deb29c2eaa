package dev.tarn.acceptance;

import dev.tarn.engine.testing.RowComparison;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TPC-H queries through the Tarn JDBC driver over Hive-partitioned Parquet, compared with DuckDB over the same
 * files. Decimal AVG may differ by half a cent (Tarn keeps decimals, as Trino does; DuckDB returns doubles).
 */
class TpchDifferentialTest {

  private static final double SCALE_FACTOR = 0.1;

  /** Every operator a Tarn physical plan may contain; EXPLAIN prints one per line. */
  private static final java.util.Set<String> TARN_OPERATORS = java.util.Set.of("TableScan", "Filter", "Project",
      "HashAggregate", "Sort", "TopN", "Limit", "Values", "HashJoin", "NestedLoopJoin", "Window", "UnionAll",
      "GroupId");

  @TempDir
  static Path warehouse;

  private static Connection tarn;
  private static Connection duckdb;

  @BeforeAll
  static void declareTables() throws Exception {
    Path lake = TpchFixture.lake(SCALE_FACTOR);
    // Four worker threads whatever the machine: every query runs its parallel plan (exchanges, partial aggregates).
    tarn = DriverManager.getConnection("jdbc:tarn:" + warehouse + ";threads=4");
    TpchFixture.declareInTarn(tarn, lake);
    duckdb = DriverManager.getConnection("jdbc:duckdb:");
    TpchFixture.declareInDuckdb(duckdb, lake);
  }

  @AfterAll
  static void close() throws Exception {
    tarn.close();
    duckdb.close();
  }

  /** A query slower than this at SF 0.1 has a broken plan (e.g. a nested loop over a big table): fail, don't hang. */
  @ParameterizedTest(name = "Q{0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22})
  @org.junit.jupiter.api.Timeout(value = 120, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
  void sameResultsAsDuckdb(int query) throws Exception {
    String sql = TpchFixture.query(query);
    List<List<Object>> expected;
    try (Statement st = duckdb.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      expected = RowComparison.rows(rs);
    }
    List<List<Object>> actual;
    try (Statement st = tarn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      actual = RowComparison.rows(rs);
    }
    org.assertj.core.api.Assertions.assertThat(actual).isNotEmpty();
    RowComparison.assertSameRows(actual, expected, "TPC-H Q" + query);
  }

  /** The plan of every query holds only Tarn's operators: nothing runs on another runtime. */
  @ParameterizedTest(name = "Q{0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22})
  void planHasOnlyTarnOperators(int query) throws Exception {
    List<String> operators = new java.util.ArrayList<>();
    try (Statement st = tarn.createStatement(); ResultSet rs = st.executeQuery("EXPLAIN " + TpchFixture.query(query))) {
      while (rs.next()) {
        String line = rs.getString(1).strip();
        operators.add(line.substring(0, line.indexOf('[')));
      }
    }
    org.assertj.core.api.Assertions.assertThat(operators).isNotEmpty().allMatch(TARN_OPERATORS::contains);
    org.assertj.core.api.Assertions.assertThat(operators).contains("TableScan");
  }
}
