package dev.tarn.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A warehouse for driving the shell, written by DuckDB and declared through Tarn's driver: {@code events} (3 rows
 * to look at), {@code big} (40 files of 1,000 rows: 40 splits) and {@code small} (one file of 4,000 rows), and a
 * second database {@code shop} with {@code orders}. Crossing them makes statements as slow as a test needs, with
 * splits that finish one by one.
 */
final class ShellLake {

  /** About 1.6 billion pairs: runs for minutes, to be cancelled. */
  static final String ENDLESS_QUERY = "SELECT count(*) AS matches FROM big a CROSS JOIN big b WHERE a.v + b.v = 7";
  /** 160 million pairs over the 40 splits of {@code big}: a few seconds, enough for the progress line to show. */
  static final String SLOW_QUERY = "SELECT count(*) AS matches FROM big CROSS JOIN small WHERE big.v + small.k = 7";
  /** The answer of {@link #SLOW_QUERY}: pairs with v + k = 7 for v in [0, 40000) and k in [0, 4000). */
  static final long SLOW_QUERY_MATCHES = 8;

  private ShellLake() {}

  /** Writes the lake under {@code directory} and declares it in the warehouse {@code directory/warehouse}. */
  static String create(Path directory) throws SQLException, java.io.IOException {
    Path data = directory.resolve("data");
    Files.createDirectories(data.resolve("big"));
    Files.createDirectories(data.resolve("small"));
    Files.createDirectories(data.resolve("events"));
    Files.createDirectories(data.resolve("orders"));
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duckdb.createStatement()) {
      for (int file = 0; file < 40; file++) {
        st.execute("COPY (SELECT i AS v FROM range(" + file * 1000 + ", " + (file + 1) * 1000 + ") t(i)) TO '"
            + data.resolve("big/part-" + String.format("%02d", file) + ".parquet") + "' (FORMAT PARQUET)");
      }
      st.execute("COPY (SELECT i AS k FROM range(0, 4000) t(i)) TO '" + data.resolve("small/part-0.parquet")
          + "' (FORMAT PARQUET)");
      st.execute("COPY (SELECT * FROM (VALUES (1, 'signup', 10.50), (2, 'purchase', 1234.00), (3, NULL, NULL))"
          + " t(event_id, event_name, amount)) TO '" + data.resolve("events/part-0.parquet") + "' (FORMAT PARQUET)");
      st.execute("COPY (SELECT 1 AS order_id, 'ada' AS customer) TO '" + data.resolve("orders/part-0.parquet")
          + "' (FORMAT PARQUET)");
    }
    String url = "jdbc:tarn:" + directory.resolve("warehouse");
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      statement.execute(ddl("big", "v BIGINT", data));
      statement.execute(ddl("small", "k BIGINT", data));
      statement.execute(ddl("events", "event_id INT, event_name STRING, amount DECIMAL(10,2)", data));
      statement.execute("CREATE DATABASE shop");
      statement.execute(ddl("shop.orders", "order_id INT, customer STRING", data));
    }
    return url;
  }

  private static String ddl(String table, String columns, Path data) {
    String folder = table.substring(table.indexOf('.') + 1);
    return "CREATE EXTERNAL TABLE " + table + " (" + columns + ") STORED AS PARQUET LOCATION 'file://"
        + data.resolve(folder) + "/'";
  }
}
