package dev.tarn.acceptance;

import dev.tarn.tpch.TpchLakeGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A TPC-H lake for tests: generated once per scale factor under {@code target/tpch-data} (reused across runs),
 * declared in Tarn with the acceptance DDL (Athena's {@code CREATE EXTERNAL TABLE} + {@code MSCK REPAIR TABLE}),
 * and in DuckDB as views over the same files with Hive partitioning.
 */
final class TpchFixture {

  static final String[] TABLES = {"lineitem", "orders", "customer", "part", "partsupp", "supplier", "nation", "region"};

  private TpchFixture() {}

  static Path lake(double scaleFactor) throws IOException {
    Path directory = Path.of("target", "tpch-data", "sf" + TpchLakeGenerator.formatScaleFactor(scaleFactor));
    return TpchLakeGenerator.generate(directory, scaleFactor);
  }

  /** The query text of TPC-H query {@code number} (1-22), as acceptance runs it. */
  static String query(int number) {
    return resource(String.format("/dev/tarn/tpch/queries/q%02d.sql", number));
  }

  /** Runs the acceptance DDL in Tarn, with {@code ${DATA}} replaced by the lake's folder. */
  static void declareInTarn(Connection tarn, Path lake) throws SQLException {
    for (String statement : statements(resource("/dev/tarn/tpch/ddl-athena.sql").replace("${DATA}", lake.toString()))) {
      try (Statement st = tarn.createStatement()) {
        st.execute(statement);
      }
    }
  }

  /** Declares the same tables in DuckDB, as views over the same Parquet files. */
  static void declareInDuckdb(Connection duckdb, Path lake) throws SQLException {
    try (Statement st = duckdb.createStatement()) {
      st.execute("CREATE SCHEMA IF NOT EXISTS tpch");
    }
    for (String table : TABLES) {
      String types = switch (table) {
        case "lineitem" -> ", hive_types = {'ship_year': INTEGER, 'ship_month': INTEGER}";
        case "orders" -> ", hive_types = {'order_year': INTEGER}";
        default -> "";
      };
      String partitioned = types.isEmpty() ? "false" : "true";
      try (Statement st = duckdb.createStatement()) {
        st.execute("CREATE OR REPLACE VIEW tpch." + table + " AS SELECT * FROM read_parquet('" + lake.resolve(table)
            + "/**/*.parquet', hive_partitioning = " + partitioned + types + ")");
      }
    }
  }

  /** The statements of a script: split at semicolons that end a line, comment lines dropped. */
  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      if (line.trim().startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (line.trim().endsWith(";")) {
        String statement = current.toString().trim();
        statements.add(statement.substring(0, statement.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString().trim());
    }
    return statements;
  }

  private static String resource(String name) {
    try (InputStream in = TpchFixture.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
