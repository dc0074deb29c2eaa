package dev.tarn.bench;

import dev.tarn.tpch.TpchLakeGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cached TPC-H lakes the benchmarks read, and the SQL that goes with them: a lake per scale factor is generated
 * once into {@code ~/.tarn/bench-data/tpch-sf<sf>} (or under {@code -Dtarn.bench.data=DIR}) and reused by every
 * later run.
 */
final class TpchLake {

  /** The system property that moves the benchmark data folder away from {@code ~/.tarn/bench-data}. */
  static final String DATA_PROPERTY = "tarn.bench.data";

  /** The tables, in the order of {@code ddl-athena.sql}. */
  static final List<String> TABLES = List.of("lineitem", "orders", "customer", "part", "partsupp", "supplier",
      "nation", "region");

  private TpchLake() {}

  /** The folder holding every cached benchmark data set. */
  static Path dataRoot() {
    return Path.of(System.getProperty(DATA_PROPERTY,
        Path.of(System.getProperty("user.home"), ".tarn", "bench-data").toString())).toAbsolutePath().normalize();
  }

  /** Where the lake of {@code scaleFactor} lives (whether or not it was generated yet). */
  static Path directory(double scaleFactor) {
    return dataRoot().resolve("tpch-sf" + TpchLakeGenerator.formatScaleFactor(scaleFactor));
  }

  /** The lake of {@code scaleFactor}, generated first if it is not cached yet. */
  static Path generate(double scaleFactor) throws IOException {
    return TpchLakeGenerator.generate(directory(scaleFactor), scaleFactor);
  }

  /** Whether the lake of {@code scaleFactor} is already cached. */
  static boolean isCached(double scaleFactor) throws IOException {
    return TpchLakeGenerator.isComplete(directory(scaleFactor), scaleFactor);
  }

  /** The text of TPC-H query {@code number} (1 to 22), as Tarn's differential tests run it. */
  static String query(int number) {
    return resource(String.format(Locale.ROOT, "/dev/tarn/tpch/queries/q%02d.sql", number));
  }

  /** The Athena DDL over {@code lake} (database {@code tpch}), one statement each, without comments or semicolons. */
  static List<String> ddl(Path lake) {
    List<String> statements = new ArrayList<>();
    for (String statement : resource("/dev/tarn/tpch/ddl-athena.sql").replace("${DATA}", lake.toString())
        .split(";\\s*\\n")) {
      String trimmed = statement.lines().filter(line -> !line.trim().startsWith("--"))
          .reduce("", (a, b) -> a + "\n" + b).trim();
      if (!trimmed.isEmpty()) {
        statements.add(trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
      }
    }
    return statements;
  }

  /** DuckDB views named like Tarn's tables (schema {@code tpch}) over the same files, partition keys typed. */
  static List<String> duckDbViews(Path lake) {
    List<String> statements = new ArrayList<>(List.of("CREATE SCHEMA tpch"));
    for (String table : TABLES) {
      String hive = switch (table) {
        case "lineitem" -> "true, hive_types = {'ship_year': INTEGER, 'ship_month': INTEGER}";
        case "orders" -> "true, hive_types = {'order_year': INTEGER}";
        default -> "false";
      };
      statements.add("CREATE VIEW tpch." + table + " AS SELECT * FROM read_parquet('" + lake.resolve(table)
          + "/**/*.parquet', hive_partitioning = " + hive + ")");
    }
    return statements;
  }

  private static String resource(String name) {
    try (InputStream in = TpchLake.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
