package dev.tarn.bench.jdbc;

import dev.tarn.catalog.model.Column;
import dev.tarn.catalog.model.Database;
import dev.tarn.catalog.model.StorageFormat;
import dev.tarn.catalog.model.Table;
import dev.tarn.catalog.store.CatalogStore;
import dev.tarn.jdbc.TarnConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Metadata of a large catalog through the JDBC driver, as a BI tool browsing it asks for it: a real SQLite catalog
 * of {@value #TABLES} tables of {@value #COLUMNS_PER_TABLE} columns (40,000 columns; every fourth table has two of
 * them as partition keys) in {@value #DATABASES} databases, and {@code getColumns(null, null, "%", "%")} and
 * {@code getTables(null, null, "%", null)} read to the last value of the last row. With {@code catalogChanged},
 * a write to the catalog precedes every call, so the driver reads and parses every table from SQLite again (the
 * first call after DDL); otherwise the engine's caching store answers from memory.
 *
 * <p>Run: {@code java -jar benchmarks/target/tarn-benchmarks.jar MetadataBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MetadataBenchmark {

  static final int DATABASES = 5;
  static final int TABLES = 2_000;
  static final int COLUMNS_PER_TABLE = 20;
  private static final List<String> TYPES = List.of("bigint", "int", "smallint", "tinyint", "double", "float",
      "decimal(15,2)", "decimal(38,10)", "string", "varchar(64)", "char(3)", "boolean", "date", "timestamp");

  @Param({"false", "true"})
  public boolean catalogChanged;

  private Path warehouse;
  private Connection connection;
  private CatalogStore catalog;
  private int changes;

  @Setup(Level.Trial)
  public void createCatalog() throws IOException, SQLException {
    warehouse = Files.createTempDirectory("tarn-metadata-bench");
    connection = DriverManager.getConnection("jdbc:tarn:" + warehouse);
    catalog = connection.unwrap(TarnConnection.class).catalogStore();
    populate(catalog);
  }

  /** {@value #DATABASES} databases sharing {@value #TABLES} tables of {@value #COLUMNS_PER_TABLE} columns. */
  static void populate(CatalogStore catalog) {
    for (int database = 0; database < DATABASES; database++) {
      catalog.createDatabase(Database.named("lake_" + database), false);
    }
    for (int table = 0; table < TABLES; table++) {
      List<Column> columns = new ArrayList<>();
      for (int column = 0; column < COLUMNS_PER_TABLE; column++) {
        columns.add(new Column("column_" + column + "_of_table_" + table, TYPES.get((table + column) % TYPES.size()),
            column == 0 ? "the key of table " + table : null, null));
      }
      List<Column> keys = table % 4 == 0 ? List.of(Column.of("year", "int"), Column.of("region", "string"))
          : List.of();
      String database = "lake_" + table % DATABASES;
      catalog.createTable(Table.external(database, "table_" + table, columns.subList(0, COLUMNS_PER_TABLE - keys.size()),
          keys, "file:///lake/" + database + "/table_" + table + "/", StorageFormat.PARQUET, Map.of()), false);
    }
  }

  /** Moves the catalog's change token, so the next metadata call reads the store again. */
  @Setup(Level.Invocation)
  public void changeCatalog() {
    if (catalogChanged) {
      String name = "scratch_" + changes++;
      catalog.createDatabase(Database.named(name), false);
      catalog.dropDatabase(name, false, false);
    }
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    connection.close();
    try (Stream<Path> files = Files.walk(warehouse)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  @Benchmark
  public long getColumns() throws SQLException {
    return readAll(connection.getMetaData().getColumns(null, null, "%", "%"));
  }

  @Benchmark
  public long getTables() throws SQLException {
    return readAll(connection.getMetaData().getTables(null, null, "%", null));
  }

  /** Where readAll leaves a digest of the values it read, so that the JIT cannot skip reading them. */
  static long sink;

  /** Reads every value of every row, as a tool filling its tree does; returns the number of rows. */
  static long readAll(ResultSet rows) throws SQLException {
    long count = 0;
    long checksum = 0;
    try (rows) {
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        for (int column = 1; column <= columns; column++) {
          Object value = rows.getObject(column);
          checksum += value == null ? 0 : value.hashCode();
        }
        count++;
      }
    }
    sink = checksum;
    return count;
  }

  /** Times one cold and one warm getColumns outside JMH: {@code java -cp ... MetadataBenchmark}. */
  public static void main(String[] arguments) throws Exception {
    MetadataBenchmark benchmark = new MetadataBenchmark();
    benchmark.catalogChanged = true;
    benchmark.createCatalog();
    try {
      DatabaseMetaData metadata = benchmark.connection.getMetaData();
      for (int round = 0; round < 3; round++) {
        benchmark.changeCatalog();
        long start = System.nanoTime();
        long rows = readAll(metadata.getColumns(null, null, "%", "%"));
        long cold = System.nanoTime() - start;
        start = System.nanoTime();
        readAll(metadata.getColumns(null, null, "%", "%"));
        long warm = System.nanoTime() - start;
        System.out.printf("getColumns: %d rows, %.1f ms after a catalog change, %.1f ms cached%n", rows,
            cold / 1e6, warm / 1e6);
      }
    } finally {
      benchmark.close();
    }
  }
}
