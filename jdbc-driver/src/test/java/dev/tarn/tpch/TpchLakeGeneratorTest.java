package dev.tarn.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trino.tpch.LineItem;
import io.trino.tpch.Order;
import io.trino.tpch.TpchTable;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generates SF 0.01 once and checks it with DuckDB as the oracle: counts, sums, types, layout, idempotency. */
class TpchLakeGeneratorTest {

  private static final double SCALE_FACTOR = 0.01;

  @TempDir
  static Path temporary;
  static Path lake;
  static Connection duckdb;

  @BeforeAll
  static void generate() throws Exception {
    lake = TpchLakeGenerator.generate(temporary.resolve("tpch"), SCALE_FACTOR);
    duckdb = DriverManager.getConnection("jdbc:duckdb:");
  }

  @AfterAll
  static void closeDuckdb() throws Exception {
    duckdb.close();
  }

  @Test
  void rowCountsMatchTheGenerator() throws Exception {
    for (TpchTable<?> table : TpchTable.getTables()) {
      long expected = 0;
      for (Object ignored : table.createGenerator(SCALE_FACTOR, 1, 1)) {
        expected++;
      }
      assertThat(single("SELECT count(*) FROM " + scan(table.getTableName())))
          .as(table.getTableName()).isEqualTo(expected);
    }
  }

  @Test
  void moneyIsExactToTheCent() throws Exception {
    long extendedPriceCents = 0;
    long quantity = 0;
    for (LineItem lineItem : TpchTable.LINE_ITEM.createGenerator(SCALE_FACTOR, 1, 1)) {
      extendedPriceCents += lineItem.getExtendedPriceInCents();
      quantity += lineItem.getQuantity();
    }
    long totalPriceCents = 0;
    for (Order order : TpchTable.ORDERS.createGenerator(SCALE_FACTOR, 1, 1)) {
      totalPriceCents += order.getTotalPriceInCents();
    }
    assertThat(decimal("SELECT sum(l_extendedprice) FROM " + scan("lineitem")))
        .isEqualByComparingTo(BigDecimal.valueOf(extendedPriceCents, 2));
    assertThat(decimal("SELECT sum(l_quantity) FROM " + scan("lineitem")))
        .isEqualByComparingTo(BigDecimal.valueOf(quantity));
    assertThat(decimal("SELECT sum(o_totalprice) FROM " + scan("orders")))
        .isEqualByComparingTo(BigDecimal.valueOf(totalPriceCents, 2));
  }

  @Test
  void partitionsFollowTheDates() throws Exception {
    assertThat(Files.isRegularFile(lake.resolve("lineitem/ship_year=1994/ship_month=3/part-0.parquet"))).isTrue();
    assertThat(Files.isRegularFile(lake.resolve("orders/order_year=1995/part-0.parquet"))).isTrue();
    assertThat(Files.isRegularFile(lake.resolve("nation/part-0.parquet"))).isTrue();
    assertThat(single("SELECT count(*) FROM " + scan("lineitem")
        + " WHERE ship_year <> year(l_shipdate) OR ship_month <> month(l_shipdate)")).isZero();
    assertThat(single("SELECT count(*) FROM " + scan("orders") + " WHERE order_year <> year(o_orderdate)")).isZero();
    assertThat(single("SELECT count(DISTINCT (ship_year, ship_month)) FROM " + scan("lineitem"))).isGreaterThan(70);
  }

  @Test
  void columnsAndTypesMatchTheAthenaDdl() throws Exception {
    assertThat(describe("lineitem/*/*/*.parquet")).containsExactly(
        "l_orderkey BIGINT", "l_partkey BIGINT", "l_suppkey BIGINT", "l_linenumber INTEGER",
        "l_quantity DECIMAL(15,2)", "l_extendedprice DECIMAL(15,2)", "l_discount DECIMAL(15,2)",
        "l_tax DECIMAL(15,2)", "l_returnflag VARCHAR", "l_linestatus VARCHAR", "l_shipdate DATE",
        "l_commitdate DATE", "l_receiptdate DATE", "l_shipinstruct VARCHAR", "l_shipmode VARCHAR",
        "l_comment VARCHAR");
    assertThat(describe("orders/*/*.parquet")).containsExactly(
        "o_orderkey BIGINT", "o_custkey BIGINT", "o_orderstatus VARCHAR", "o_totalprice DECIMAL(15,2)",
        "o_orderdate DATE", "o_orderpriority VARCHAR", "o_clerk VARCHAR", "o_shippriority INTEGER",
        "o_comment VARCHAR");
    assertThat(describe("partsupp/*.parquet")).containsExactly(
        "ps_partkey BIGINT", "ps_suppkey BIGINT", "ps_availqty INTEGER", "ps_supplycost DECIMAL(15,2)",
        "ps_comment VARCHAR");
  }

  @Test
  void generatingAgainIsANoOp() throws Exception {
    Path file = lake.resolve("region/part-0.parquet");
    long modified = Files.getLastModifiedTime(file).toMillis();
    assertThat(TpchLakeGenerator.generate(lake, SCALE_FACTOR)).isEqualTo(lake);
    assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified);
    assertThat(Files.readAllLines(lake.resolve(TpchLakeGenerator.COMPLETE_MARKER)))
        .contains("scale_factor=0.01", "rows.lineitem=60175");
    try (Stream<Path> siblings = Files.list(lake.getParent())) {
      assertThat(siblings.map(path -> path.getFileName().toString())).containsExactly("tpch");
    }
    assertThatThrownBy(() -> TpchLakeGenerator.generate(lake, 0.02))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another scale factor");
  }

  @Test
  void scaleFactorsAreNamedWithoutTrailingZeros() {
    assertThat(TpchLakeGenerator.formatScaleFactor(0.01)).isEqualTo("0.01");
    assertThat(TpchLakeGenerator.formatScaleFactor(1.0)).isEqualTo("1");
    assertThat(TpchLakeGenerator.defaultDirectory(Path.of("/w"), 10)).isEqualTo(Path.of("/w/demo-data/tpch-sf10"));
  }

  private static String scan(String table) {
    String glob = lake.resolve(table) + "/**/*.parquet";
    String types = switch (table) {
      case "lineitem" -> ", hive_types={'ship_year': INTEGER, 'ship_month': INTEGER}";
      case "orders" -> ", hive_types={'order_year': INTEGER}";
      default -> "";
    };
    return "read_parquet('" + glob + "', hive_partitioning=true" + types + ")";
  }

  private static long single(String sql) throws Exception {
    try (Statement statement = duckdb.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      assertThat(rows.next()).isTrue();
      return rows.getLong(1);
    }
  }

  private static BigDecimal decimal(String sql) throws Exception {
    try (Statement statement = duckdb.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      assertThat(rows.next()).isTrue();
      return rows.getBigDecimal(1);
    }
  }

  /** The columns stored in the files (no Hive partitioning), as "name TYPE". */
  private static List<String> describe(String glob) throws Exception {
    List<String> columns = new ArrayList<>();
    String sql = "DESCRIBE SELECT * FROM read_parquet('" + lake.resolve(glob) + "', hive_partitioning=false)";
    try (Statement statement = duckdb.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        columns.add(rows.getString(1) + " " + rows.getString(2));
      }
    }
    return columns;
  }
}
