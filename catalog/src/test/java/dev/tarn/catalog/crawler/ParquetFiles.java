package dev.tarn.catalog.crawler;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** Writes test Parquet files with DuckDB: {@code write(file, "SELECT 1 AS id")}. */
final class ParquetFiles {

  private ParquetFiles() {}

  static Path write(Path file, String select) throws Exception {
    Files.createDirectories(file.getParent());
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duck.createStatement()) {
      statement.execute("COPY (" + select + ") TO '" + file.toString().replace("'", "''") + "' (FORMAT PARQUET)");
    }
    return file;
  }
}
