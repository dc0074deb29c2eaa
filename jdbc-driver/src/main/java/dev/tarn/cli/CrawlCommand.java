package dev.tarn.cli;

import dev.tarn.catalog.crawler.CrawlOptions;
import dev.tarn.catalog.crawler.CrawlReport;
import dev.tarn.catalog.crawler.Crawler;
import dev.tarn.catalog.fs.LocalFileSystem;
import dev.tarn.jdbc.TarnConnection;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tarn crawl}: creates or updates tables (and their partitions) from the Parquet files under a location. */
@Command(name = "crawl", mixinStandardHelpOptions = true,
    description = "Discover tables and partitions under a location, as a Glue crawler does.")
public final class CrawlCommand implements Callable<Integer> {

  @Mixin
  WarehouseOption warehouse;

  @Parameters(paramLabel = "LOCATION", description = "A folder (path or file:// URI) holding one folder per table")
  String location;

  @Option(names = {"-d", "--database"}, required = true, description = "The database to create the tables in")
  String database;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Connection connection = WarehouseOption.connect(warehouse.url(), null)) {
      try (var statement = connection.createStatement()) {
        statement.execute("CREATE DATABASE IF NOT EXISTS " + database);
      }
      Crawler crawler = new Crawler(connection.unwrap(TarnConnection.class).catalogStore(), LocalFileSystem.INSTANCE);
      CrawlReport report = crawler.crawl(location, database, CrawlOptions.defaults());
      report.summaryLines().forEach(out::println);
      out.flush();
      return 0;
    } catch (SQLException | RuntimeException e) {
      new ResultPrinter(out).printError(e);
      return 1;
    }
  }
}
