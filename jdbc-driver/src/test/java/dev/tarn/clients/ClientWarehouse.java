package dev.tarn.clients;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * A small warehouse of several databases for the client tests: Parquet files written by DuckDB, declared with
 * Tarn's DDL (partitioned and unpartitioned tables, partitions found by MSCK REPAIR). Tarn has no views yet
 * (CREATE VIEW is refused), so there are none.
 */
final class ClientWarehouse {

  /** Every table, as {@code database.table}, with its columns in order (partition keys last). */
  static final Map<String, List<String>> TABLES = Map.of(
      "sales.customers", List.of("customer_id", "name", "country"),
      "sales.orders", List.of("order_id", "customer_id", "amount", "ordered_at", "order_year"),
      "web.pages", List.of("page_id", "url"),
      "web.clicks", List.of("click_id", "page_id", "clicked_on", "region"),
      "default.notes", List.of("note_id", "body"));

  private ClientWarehouse() {
  }

  /** Writes the data under {@code root/data} and declares it in the warehouse {@code root/warehouse}. */
  static Path create(Path root) throws Exception {
    Path data = Files.createDirectories(root.resolve("data"));
    Path warehouse = root.resolve("warehouse");
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      for (String directory : List.of("customers", "pages", "notes")) {
        Files.createDirectories(data.resolve(directory));
      }
      statement.execute("COPY (SELECT i AS customer_id, 'customer ' || i AS name, CASE WHEN i % 2 = 0 THEN 'NZ' "
          + "ELSE 'FR' END AS country FROM range(1, 4) t(i)) TO '" + data.resolve("customers/part-0.parquet")
          + "' (FORMAT PARQUET)");
      statement.execute("COPY (SELECT i AS order_id, 1 + i % 3 AS customer_id, CAST(i * 10.5 AS DECIMAL(12,2)) "
          + "AS amount, TIMESTAMP '2024-01-01 00:00:00' + INTERVAL (i) HOUR AS ordered_at, 2023 + i % 2 AS order_year "
          + "FROM range(1, 7) t(i)) TO '" + data.resolve("orders") + "' (FORMAT PARQUET, PARTITION_BY (order_year))");
      statement.execute("COPY (SELECT i AS page_id, '/page/' || i AS url FROM range(1, 3) t(i)) TO '"
          + data.resolve("pages/part-0.parquet") + "' (FORMAT PARQUET)");
      statement.execute("COPY (SELECT i AS click_id, 1 + i % 2 AS page_id, DATE '2024-03-01' + CAST(i AS INTEGER) AS clicked_on, "
          + "CASE WHEN i < 3 THEN 'eu' ELSE 'us' END AS region FROM range(1, 6) t(i)) TO '" + data.resolve("clicks")
          + "' (FORMAT PARQUET, PARTITION_BY (region))");
      statement.execute("COPY (SELECT 1 AS note_id, 'hello' AS body) TO '" + data.resolve("notes/part-0.parquet")
          + "' (FORMAT PARQUET)");
    }
    try (Connection tarn = DriverManager.getConnection("jdbc:tarn:" + warehouse);
        Statement statement = tarn.createStatement()) {
      statement.execute("CREATE DATABASE sales");
      statement.execute("CREATE DATABASE web");
      statement.execute("CREATE EXTERNAL TABLE sales.customers (customer_id BIGINT, name STRING, country STRING) "
          + "COMMENT 'who buys' STORED AS PARQUET LOCATION '" + data.resolve("customers").toUri() + "'");
      statement.execute("CREATE EXTERNAL TABLE sales.orders (order_id BIGINT, customer_id BIGINT, "
          + "amount DECIMAL(12,2), ordered_at TIMESTAMP) PARTITIONED BY (order_year BIGINT) STORED AS PARQUET "
          + "LOCATION '" + data.resolve("orders").toUri() + "'");
      statement.execute("MSCK REPAIR TABLE sales.orders");
      statement.execute("CREATE EXTERNAL TABLE web.pages (page_id BIGINT, url STRING) STORED AS PARQUET "
          + "LOCATION '" + data.resolve("pages").toUri() + "'");
      statement.execute("CREATE EXTERNAL TABLE web.clicks (click_id BIGINT, page_id BIGINT, clicked_on DATE) "
          + "PARTITIONED BY (region STRING) STORED AS PARQUET LOCATION '" + data.resolve("clicks").toUri() + "'");
      statement.execute("MSCK REPAIR TABLE web.clicks");
      statement.execute("CREATE EXTERNAL TABLE default.notes (note_id INT, body STRING) STORED AS PARQUET "
          + "LOCATION '" + data.resolve("notes").toUri() + "'");
    } catch (SQLException e) {
      throw new IllegalStateException("declaring the client warehouse failed", e);
    }
    return warehouse;
  }
}
