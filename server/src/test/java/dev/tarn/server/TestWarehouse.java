package dev.tarn.server;

import dev.tarn.engine.api.EngineConfig;
import dev.tarn.engine.api.QueryResult;
import dev.tarn.engine.api.TarnEngine;
import dev.tarn.engine.api.TarnSession;
import dev.tarn.engine.exec.Batch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * A warehouse for server tests: {@code shop.sales} (1,000 rows written by DuckDB: id, region, amount, day) and
 * {@code shop.numbers} (30,000 rows of x), whose cross join runs long enough to be cancelled.
 */
final class TestWarehouse {

  static final int SALES_ROWS = 1000;
  static final int NUMBERS_ROWS = 30_000;
  /** A query that takes far longer than any test waits (900 million pairs through a nested-loop join). */
  static final String LONG_QUERY = "SELECT count(*) FROM shop.numbers a CROSS JOIN shop.numbers b WHERE a.x + b.x < 0";

  private TestWarehouse() {}

  /** Writes the data under {@code folder} and opens an engine over {@code folder/warehouse} with its tables. */
  static TarnEngine open(Path folder) throws Exception {
    Path sales = Files.createDirectories(folder.resolve("data/sales"));
    Path numbers = Files.createDirectories(folder.resolve("data/numbers"));
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      statement.execute("COPY (SELECT i::BIGINT AS id, CASE i % 3 WHEN 0 THEN 'east' WHEN 1 THEN 'west'"
          + " ELSE 'north' END AS region, CAST(i * 1.25 AS DECIMAL(10,2)) AS amount,"
          + " DATE '2024-01-01' + CAST(i % 30 AS INTEGER) AS day FROM range(" + SALES_ROWS + ") t(i)) TO '"
          + sales.resolve("part-0.parquet") + "' (FORMAT PARQUET)");
      statement.execute("COPY (SELECT i::BIGINT AS x FROM range(" + NUMBERS_ROWS + ") t(i)) TO '"
          + numbers.resolve("part-0.parquet") + "' (FORMAT PARQUET)");
    }
    TarnEngine engine = TarnEngine.open(EngineConfig.defaults(folder.resolve("warehouse")).withThreads(2));
    try (TarnSession session = engine.openSession(null)) {
      run(session, "CREATE DATABASE shop");
      run(session, "CREATE EXTERNAL TABLE shop.sales (id bigint, region string COMMENT 'where it was sold',"
          + " amount decimal(10,2), day date) STORED AS PARQUET LOCATION '" + sales + "'");
      run(session, "CREATE EXTERNAL TABLE shop.numbers (x bigint) STORED AS PARQUET LOCATION '" + numbers + "'");
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
    return engine;
  }

  private static void run(TarnSession session, String sql) {
    try (QueryResult result = session.execute(sql)) {
      Batch batch;
      while ((batch = result.next()) != null) {
        batch.close();
      }
    }
  }
}
