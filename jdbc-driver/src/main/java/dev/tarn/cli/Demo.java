package dev.tarn.cli;

import dev.tarn.catalog.crawler.CrawlOptions;
import dev.tarn.catalog.crawler.CrawlReport;
import dev.tarn.catalog.crawler.Crawler;
import dev.tarn.catalog.fs.LocalFileSystem;
import dev.tarn.jdbc.TarnConnection;
import dev.tarn.tpch.TpchLakeGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * The demo: generates a TPC-H lake into {@code <warehouse>/demo-data/tpch-sf<SF>} (once), crawls it into the
 * {@code tpch} database (idempotently), then runs Q1, Q6, a partition-pruned count, its EXPLAIN and SHOW
 * PARTITIONS through the JDBC driver.
 */
final class Demo {

  static final String PRUNED_COUNT =
      "SELECT count(*) AS shipped_june_1995 FROM tpch.lineitem WHERE ship_year = 1995 AND ship_month = 6";

  private final Path warehouse;
  private final double scaleFactor;
  private final PrintWriter out;
  private final ResultPrinter printer;

  Demo(Path warehouse, double scaleFactor, PrintWriter out) {
    this.warehouse = warehouse;
    this.scaleFactor = scaleFactor;
    this.out = out;
    this.printer = new ResultPrinter(out);
  }

  /** Runs the demo; returns false (after printing the error) if a step failed. */
  boolean run() {
    try {
      Path lake = generateLake();
      try (Connection connection = WarehouseOption.connect("jdbc:tarn:" + warehouse, null);
          Statement statement = connection.createStatement()) {
        crawl(connection, lake);
        return query(statement, "TPC-H Q1: pricing summary report", resource("queries/q01.sql"))
            && query(statement, "TPC-H Q6: forecasting revenue change", resource("queries/q06.sql"))
            && query(statement, "A count that reads one partition of lineitem", PRUNED_COUNT)
            && explain(statement, PRUNED_COUNT)
            && query(statement, "The partitions of orders", "SHOW PARTITIONS tpch.orders");
      }
    } catch (SQLException | IOException | RuntimeException e) {
      printer.printError(e);
      return false;
    }
  }

  private Path generateLake() throws IOException {
    Path directory = TpchLakeGenerator.defaultDirectory(warehouse, scaleFactor);
    long start = System.nanoTime();
    boolean existed = TpchLakeGenerator.isComplete(directory, scaleFactor);
    Path lake = TpchLakeGenerator.generate(directory, scaleFactor);
    out.println((existed ? "Using the TPC-H SF " : "Generated the TPC-H SF ")
        + TpchLakeGenerator.formatScaleFactor(scaleFactor) + " lake at " + lake
        + (existed ? "" : " (" + ResultPrinter.seconds(start) + ")"));
    out.flush();
    return lake;
  }

  /**
   * Crawls the lake into the {@code tpch} database, as a Glue crawler would: one table per folder, columns from
   * the Parquet footers, partitions from the {@code key=value} folders. A second run finds no changes.
   */
  private void crawl(Connection connection, Path lake) throws SQLException {
    long start = System.nanoTime();
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE IF NOT EXISTS tpch");
    }
    Crawler crawler = new Crawler(connection.unwrap(TarnConnection.class).catalogStore(), LocalFileSystem.INSTANCE);
    CrawlReport report = crawler.crawl(lake.toString(), "tpch", CrawlOptions.defaults());
    List<String> summary = report.summaryLines();
    for (int i = 0; i < summary.size(); i++) {
      out.println((i == 0 ? "" : "  ") + summary.get(i) + (i == 0 ? " (" + ResultPrinter.seconds(start) + ")" : ""));
    }
    out.flush();
  }

  private boolean query(Statement statement, String title, String sql) {
    out.println();
    if (!sql.strip().startsWith("--")) {
      out.println("-- " + title); // the TPC-H query files carry their own title comment
    }
    out.println(sql.strip());
    out.flush();
    return printer.execute(statement, sql);
  }

  /** Prints the plan of {@code sql}, then the line that tells how many partitions the scan keeps. */
  private boolean explain(Statement statement, String sql) throws SQLException {
    String explain = "EXPLAIN " + sql;
    if (!query(statement, "Its plan", explain)) {
      return false;
    }
    StringBuilder plan = new StringBuilder();
    try (ResultSet rows = statement.executeQuery(explain)) {
      while (rows.next()) {
        for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
          plan.append(rows.getString(column)).append('\n');
        }
      }
    }
    plan.toString().lines().filter(line -> line.toLowerCase(Locale.ROOT).contains("partition"))
        .map(String::strip).findFirst()
        .ifPresentOrElse(line -> out.println("Pruning: " + line), () -> out.println("Pruning: not shown by EXPLAIN"));
    out.flush();
    return true;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = TpchLakeGenerator.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new UncheckedIOException(new IOException("Missing resource dev/tarn/tpch/" + name));
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
