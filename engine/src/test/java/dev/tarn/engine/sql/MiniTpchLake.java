package dev.tarn.engine.sql;

import dev.tarn.engine.api.EngineConfig;
import dev.tarn.engine.api.QueryResult;
import dev.tarn.engine.api.TarnEngine;
import dev.tarn.engine.api.TarnSession;
import dev.tarn.engine.testing.ResultRowsReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.io.IOException;

/**
 * A lake shaped like TPC-H at SF 0.01 for the tables of Q5, written by DuckDB: the same keys, key ranges
 * (sparse order keys), foreign keys, cardinality ratios and partitioning (orders by year), with pseudo-random
 * values from {@code hash}. Only the statistics matter to the optimizer, so the values need not be TPC-H's.
 */
final class MiniTpchLake {

  static final long REGIONS = 5;
  static final long NATIONS = 25;
  static final long SUPPLIERS = 100;
  static final long CUSTOMERS = 1_500;
  static final long ORDERS = 15_000;

  private MiniTpchLake() {}

  /** Writes the lake under {@code root} and opens an engine whose default database declares its tables. */
  static TarnEngine open(Path root) throws IOException, SQLException {
    Path data = Files.createDirectories(root.resolve("data"));
    for (String table : new String[] {"region", "nation", "supplier", "customer", "lineitem"}) {
      Files.createDirectories(data.resolve(table));
    }
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
      statement.execute("SET threads = 1");
      copy(statement, "SELECT i::BIGINT AS r_regionkey, ['AFRICA', 'AMERICA', 'ASIA', 'EUROPE', 'MIDDLE EAST'][i + 1]"
          + " AS r_name FROM range(0, " + REGIONS + ") t(i)", data.resolve("region/data.parquet"), "");
      copy(statement, "SELECT i::BIGINT AS n_nationkey, 'NATION ' || i AS n_name, (i % 5)::BIGINT AS n_regionkey"
          + " FROM range(0, " + NATIONS + ") t(i)", data.resolve("nation/data.parquet"), "");
      copy(statement, "SELECT i::BIGINT AS s_suppkey, 'Supplier#' || i AS s_name, (hash(i) % " + NATIONS
          + ")::BIGINT AS s_nationkey FROM range(1, " + (SUPPLIERS + 1) + ") t(i)", data.resolve("supplier/data.parquet"),
          "");
      copy(statement, "SELECT i::BIGINT AS c_custkey, 'Customer#' || i AS c_name, (hash(i * 7) % " + NATIONS
          + ")::BIGINT AS c_nationkey FROM range(1, " + (CUSTOMERS + 1) + ") t(i)",
          data.resolve("customer/data.parquet"), "");
      statement.execute("CREATE TABLE orders AS SELECT ((i // 8) * 32 + i % 8 + 1)::BIGINT AS o_orderkey,"
          + " (hash(i) % " + CUSTOMERS + " + 1)::BIGINT AS o_custkey,"
          + " DATE '1992-01-01' + (hash(i * 3) % 2405)::INTEGER AS o_orderdate FROM range(0, " + ORDERS + ") t(i)");
      copy(statement, "SELECT *, year(o_orderdate)::INTEGER AS order_year FROM orders", data.resolve("orders"),
          ", PARTITION_BY (order_year)");
      copy(statement, "SELECT o_orderkey AS l_orderkey, (hash(o_orderkey * 31 + j) % " + SUPPLIERS
          + " + 1)::BIGINT AS l_suppkey, (1000 + hash(o_orderkey + j) % 9000000 / 100.0)::DECIMAL(15, 2)"
          + " AS l_extendedprice, (hash(j * o_orderkey) % 11 / 100.0)::DECIMAL(15, 2) AS l_discount,"
          + " o_orderdate + (1 + hash(o_orderkey - j) % 120)::INTEGER AS l_shipdate"
          + " FROM orders, range(0, (1 + hash(o_orderkey) % 7)::BIGINT) r(j)", data.resolve("lineitem/data.parquet"), "");
    }
    TarnEngine engine = TarnEngine.open(EngineConfig.defaults(root.resolve("warehouse")));
    try (TarnSession session = engine.openSession(null)) {
      execute(session, "CREATE EXTERNAL TABLE region (r_regionkey BIGINT, r_name STRING)"
          + location(data, "region"));
      execute(session, "CREATE EXTERNAL TABLE nation (n_nationkey BIGINT, n_name STRING, n_regionkey BIGINT)"
          + location(data, "nation"));
      execute(session, "CREATE EXTERNAL TABLE supplier (s_suppkey BIGINT, s_name STRING, s_nationkey BIGINT)"
          + location(data, "supplier"));
      execute(session, "CREATE EXTERNAL TABLE customer (c_custkey BIGINT, c_name STRING, c_nationkey BIGINT)"
          + location(data, "customer"));
      execute(session, "CREATE EXTERNAL TABLE orders (o_orderkey BIGINT, o_custkey BIGINT, o_orderdate DATE)"
          + " PARTITIONED BY (order_year INT)" + location(data, "orders"));
      execute(session, "MSCK REPAIR TABLE orders");
      execute(session, "CREATE EXTERNAL TABLE lineitem (l_orderkey BIGINT, l_suppkey BIGINT,"
          + " l_extendedprice DECIMAL(15,2), l_discount DECIMAL(15,2), l_shipdate DATE)" + location(data, "lineitem"));
    }
    return engine;
  }

  private static void copy(Statement statement, String select, Path target, String options) throws SQLException {
    statement.execute("COPY (" + select + ") TO '" + target + "' (FORMAT PARQUET" + options + ")");
  }

  private static String location(Path data, String table) {
    return " STORED AS PARQUET LOCATION 'file://" + data.resolve(table) + "/'";
  }

  private static void execute(TarnSession session, String sql) {
    try (QueryResult result = session.execute(sql)) {
      ResultRowsReader.read(result);
    }
  }
}
