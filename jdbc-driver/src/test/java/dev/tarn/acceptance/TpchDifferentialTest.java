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

  private static final double SCALE_FACTOR = 0.01;

  @TempDir
  static Path warehouse;

  private static Connection tarn;
  private static Connection duckdb;

  @BeforeAll
  static void declareTables() throws Exception {
    Path lake = TpchFixture.lake(SCALE_FACTOR);
    tarn = DriverManager.getConnection("jdbc:tarn:" + warehouse);
    TpchFixture.declareInTarn(tarn, lake);
    duckdb = DriverManager.getConnection("jdbc:duckdb:");
    TpchFixture.declareInDuckdb(duckdb, lake);
  }

  @AfterAll
  static void close() throws Exception {
    tarn.close();
    duckdb.close();
  }

  @ParameterizedTest(name = "Q{0}")
  @ValueSource(ints = {1, 6})
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
}
