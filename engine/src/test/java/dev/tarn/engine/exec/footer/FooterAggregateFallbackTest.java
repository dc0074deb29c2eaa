package dev.tarn.engine.exec.footer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.api.EngineConfig;
import dev.tarn.engine.api.QueryResult;
import dev.tarn.engine.api.TarnEngine;
import dev.tarn.engine.api.TarnSession;
import dev.tarn.engine.exec.QueryStats;
import dev.tarn.engine.testing.ResultRowsReader;
import dev.tarn.engine.testing.RowComparison;
import dev.tarn.engine.testing.StatsQueries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Footer aggregates fall back to reading the data exactly when footers cannot answer, and the answer is DuckDB's
 * either way: files written by parquet-java without statistics, a table mixing such files with DuckDB's (fully
 * described) files, all-NULL columns, and strings whose statistics are truncated (by DuckDB past 256 bytes,
 * marked inexact; by parquet-java's truncate length, unmarked). "Footers only" is asserted as no row read and no
 * row group scanned; "read the data" as every row of the table read.
 */
class FooterAggregateFallbackTest {

  /** The parquet-java writer's file layout: 3 row groups per 2,500-row file. */
  private static final int ROW_GROUP_ROWS = 1000;

  @TempDir
  static Path temp;
  private static Path lake;
  private static TarnEngine engine;
  private static Connection duckdb;

  @BeforeAll
  static void createLake() throws Exception {
    lake = Files.createDirectories(temp.resolve("lake"));
    duckdb = DriverManager.getConnection("jdbc:duckdb:");

    // parquet-java without any statistics: row counts only.
    writeParquetJava(lake.resolve("nostats/f0.parquet"), 0, 2500, builder -> builder.withStatisticsEnabled(false));
    writeParquetJava(lake.resolve("nostats/f1.parquet"), 2500, 5000, builder -> builder.withStatisticsEnabled(false));
    // One file fully described by DuckDB, one without statistics, in one folder and in two partitions.
    duckdbCopy(0, 3000, lake.resolve("mixed/a_stats.parquet"));
    writeParquetJava(lake.resolve("mixed/b_nostats.parquet"), 3000, 5000,
        builder -> builder.withStatisticsEnabled(false));
    duckdbCopy(0, 3000, lake.resolve("mixed_part/part=stats/data.parquet"));
    writeParquetJava(lake.resolve("mixed_part/part=nostats/data.parquet"), 3000, 5000,
        builder -> builder.withStatisticsEnabled(false));
    // Strings over 8 bytes, truncated in the statistics by parquet-java (which marks nothing inexact).
    writeParquetJava(lake.resolve("truncated/data.parquet"), 0, 5000, builder -> builder.withStatisticsTruncateLength(8));
    // Strings over 4 KiB: parquet-java writes their statistics empty, without even a null count.
    writeParquetJava(lake.resolve("hugestr/data.parquet"), 0, 3000, UnaryOperator.identity(),
        i -> "huge-" + (char) ('a' + i % 26) + "-".repeat(5000) + i);
    // All-NULL columns: null counts say everything, from DuckDB and from parquet-java with statistics.
    duckdb("COPY (SELECT i::BIGINT AS id, NULL::BIGINT AS v, NULL::VARCHAR AS s, NULL::DATE AS d"
        + " FROM range(0, 3000) t(i)) TO '" + lake.resolve("allnull/a_duckdb.parquet") + "' (FORMAT PARQUET)");
    writeAllNull(lake.resolve("allnull/b_parquet_java.parquet"), 2000, UnaryOperator.identity());
    writeAllNull(lake.resolve("allnull_nostats/data.parquet"), 2000, builder -> builder.withStatisticsEnabled(false));
    // DuckDB keeps 256 bytes of a string statistic and marks it inexact: s is long everywhere; t is short for the
    // minimum of every row group (exact) and long for its maximum (inexact); u is short everywhere (exact).
    duckdb("COPY (SELECT i::BIGINT AS id, repeat('x', 300) || lpad(i::VARCHAR, 5, '0') AS s,"
        + " CASE WHEN i % 100 < 5 THEN 'a-short-' || i::VARCHAR ELSE repeat('z', 300) || i::VARCHAR END AS t,"
        + " 'short-' || (i % 50)::VARCHAR AS u FROM range(0, 4000) t(i)) TO '" + lake.resolve("longstr/data.parquet")
        + "' (FORMAT PARQUET, ROW_GROUP_SIZE 1000)");

    engine = TarnEngine.open(EngineConfig.defaults(temp.resolve("warehouse")));
    String columns = "(id BIGINT, v BIGINT, s STRING, d DATE)";
    for (String table : List.of("nostats", "mixed", "truncated", "hugestr", "allnull", "allnull_nostats")) {
      createTable(table, columns, "");
    }
    createTable("mixed_part", columns, " PARTITIONED BY (part STRING)");
    execute("MSCK REPAIR TABLE mixed_part");
    createTable("longstr", "(id BIGINT, s STRING, t STRING, u STRING)", "");
    // The files of "mixed" under a definition the scan cannot read: id is BIGINT in the files, d a DATE.
    execute("CREATE EXTERNAL TABLE mistyped (id STRING, v BIGINT, s STRING, d BIGINT) STORED AS PARQUET"
        + " LOCATION 'file://" + lake.resolve("mixed") + "/'");
  }

  @AfterAll
  static void close() throws SQLException {
    engine.close();
    duckdb.close();
  }

  @Test
  void withoutStatisticsOnlyRowCountsComeFromFooters() {
    assertFootersOnly("SELECT count(*) FROM nostats");
    // id is REQUIRED: no nulls to count, so its count is the row count even without statistics.
    assertFootersOnly("SELECT count(*), count(id) FROM nostats");
    assertReadsData("SELECT count(v) FROM nostats", 5000);
    assertReadsData("SELECT min(id), max(id) FROM nostats", 5000);
    assertReadsData("SELECT count(*), min(v), max(v), min(s), max(s), min(d), max(d) FROM nostats", 5000);
  }

  @Test
  void oneFileWithoutStatisticsMakesTheWholeQueryReadTheData() {
    assertFootersOnly("SELECT count(*) FROM mixed");
    assertReadsData("SELECT count(v) FROM mixed", 5000);
    assertReadsData("SELECT min(id), max(id), min(v), max(v), max(s), min(d) FROM mixed", 5000);
    assertReadsData("SELECT count(*), count(s), min(d), max(d) FROM mixed", 5000);
  }

  @Test
  void partitionPruningDecidesWhichFootersMustAnswer() {
    assertFootersOnly("SELECT count(*), count(v), min(id), max(id), min(s), max(d) FROM mixed_part"
        + " WHERE part = 'stats'");
    assertReadsData("SELECT count(*), count(v), min(id), max(id) FROM mixed_part WHERE part = 'nostats'", 2000);
    assertReadsData("SELECT part, count(*), count(v), min(id), max(s) FROM mixed_part GROUP BY part"
        + " ORDER BY part", 5000);
  }

  @Test
  void allNullColumnsAnswerFromNullCountsUnlessTheyAreMissing() {
    StatsQueries.Run run = assertFootersOnly(
        "SELECT count(*), count(v), min(v), max(v), count(s), min(s), max(s), min(d), max(d) FROM allnull");
    assertThat(run.rows()).containsExactly(java.util.Arrays.asList(5000L, 0L, null, null, 0L, null, null, null, null));
    StatsQueries.Run fallback = assertReadsData(
        "SELECT count(*), count(v), min(v), max(v), count(s), min(s), max(s), min(d), max(d) FROM allnull_nostats",
        2000);
    assertThat(fallback.rows()).containsExactly(
        java.util.Arrays.asList(2000L, 0L, null, null, 0L, null, null, null, null));
    assertReadsData("SELECT min(v), max(s) FROM allnull_nostats", 2000);
  }

  @Test
  void truncatedStringStatisticsAreNeverTakenForTheExtremes() {
    // parquet-java truncated both bounds to 8 bytes ("customer" / "customes") without marking them inexact.
    assertFootersOnly("SELECT count(*), count(s), min(id), max(id) FROM truncated");
    assertReadsData("SELECT min(s), max(s) FROM truncated", 5000);
    assertReadsData("SELECT max(s) FROM truncated", 5000);

    // parquet-java left the statistics of strings over 4 KiB empty; the other columns' are complete.
    assertFootersOnly("SELECT count(v), min(v), max(d) FROM hugestr");
    assertReadsData("SELECT count(s) FROM hugestr", 3000);
    assertReadsData("SELECT min(s), max(s) FROM hugestr", 3000);

    // DuckDB marks a string statistic longer than 256 bytes inexact, bound by bound.
    assertReadsData("SELECT min(s) FROM longstr", 4000);
    assertReadsData("SELECT max(s) FROM longstr", 4000);
    assertFootersOnly("SELECT min(t), min(u), max(u), count(s) FROM longstr");
    assertReadsData("SELECT max(t) FROM longstr", 4000);
    assertReadsData("SELECT min(t), max(t), min(u) FROM longstr", 4000);
  }

  @Test
  void aFallbackCountsEachPartitionAndFileOnce() {
    // The footer pass stops at the first file without statistics: only the footer bytes it read stay counted.
    StatsQueries.Run run = assertReadsData("SELECT part, min(id) FROM mixed_part GROUP BY part ORDER BY part", 5000);
    QueryStats stats = run.stats();
    assertThat(stats.total(scan -> scan.partitionsScanned)).isEqualTo(2);
    assertThat(stats.total(scan -> scan.partitionsTotal)).isEqualTo(2);
    assertThat(stats.total(scan -> scan.filesScanned)).isEqualTo(2);
    assertThat(stats.total(scan -> scan.filesTotal)).isEqualTo(2);
    assertThat(stats.total(scan -> scan.rowGroupsTotal)).isEqualTo(stats.total(scan -> scan.rowGroupsScanned));
    StatsQueries.Run footers = assertFootersOnly("SELECT part, min(id) FROM mixed_part WHERE part = 'stats'"
        + " GROUP BY part");
    assertThat(stats.bytesScanned()).isGreaterThan(footers.stats().bytesScanned());
  }

  @Test
  void aColumnTheScanCannotReadFailsTheCountAsItFailsTheScan() {
    for (String sql : List.of("SELECT count(id) FROM mistyped", "SELECT count(d) FROM mistyped",
        "SELECT min(d) FROM mistyped", "SELECT count(id) FROM mistyped WHERE id IS NOT NULL")) {
      assertThatThrownBy(() -> StatsQueries.run(engine, sql)).as(sql).isInstanceOf(TarnException.class)
          .satisfies(error -> assertThat(((TarnException) error).code()).isEqualTo(ErrorCode.SCHEMA_MISMATCH));
    }
    // count(*) reads no column, from footers or in a scan; v is read as the files hold it.
    StatsQueries.Run count = StatsQueries.run(engine, "SELECT count(*) FROM mistyped");
    assertThat(count.rows()).containsExactly(List.of(5000L));
    assertThat(count.stats().total(scan -> scan.rowsScanned)).isZero();
    assertThat(StatsQueries.run(engine, "SELECT count(v), max(v) FROM mistyped").rows())
        .isEqualTo(StatsQueries.run(engine, "SELECT count(v), max(v) FROM mixed").rows());
  }

  /** Runs {@code sql} in Tarn and DuckDB, compares, and checks that no row was read: footers answered. */
  private static StatsQueries.Run assertFootersOnly(String sql) {
    StatsQueries.Run run = runAndCompare(sql);
    QueryStats stats = run.stats();
    assertThat(stats.total(scan -> scan.rowsScanned)).as("rows read by %s", sql).isZero();
    assertThat(stats.total(scan -> scan.rowGroupsScanned)).as("row groups read by %s", sql).isZero();
    assertThat(stats.bytesScanned()).as("bytes read by %s", sql).isPositive();
    return run;
  }

  /** Runs {@code sql} in Tarn and DuckDB, compares, and checks that the data ({@code rows} rows) was read. */
  private static StatsQueries.Run assertReadsData(String sql, long rows) {
    StatsQueries.Run run = runAndCompare(sql);
    assertThat(run.stats().total(scan -> scan.rowsScanned)).as("rows read by %s", sql).isEqualTo(rows);
    assertThat(run.stats().total(scan -> scan.rowGroupsScanned)).as("row groups read by %s", sql).isPositive();
    return run;
  }

  private static StatsQueries.Run runAndCompare(String sql) {
    StatsQueries.Run run = StatsQueries.run(engine, sql);
    RowComparison.assertSameRows(run.rows(), oracle(sql), sql);
    return run;
  }

  /** DuckDB's answer over the same files, each table a view of its folder. */
  private static List<List<Object>> oracle(String sql) {
    try (Statement statement = duckdb.createStatement()) {
      for (String table : List.of("nostats", "mixed", "truncated", "hugestr", "allnull", "allnull_nostats",
          "longstr")) {
        statement.execute("CREATE OR REPLACE VIEW " + table + " AS SELECT * FROM read_parquet('"
            + lake.resolve(table) + "/*.parquet', union_by_name = true)");
      }
      statement.execute("CREATE OR REPLACE VIEW mixed_part AS SELECT * FROM read_parquet('"
          + lake.resolve("mixed_part") + "/*/*.parquet', hive_partitioning = true, union_by_name = true)");
      try (ResultSet rows = statement.executeQuery(sql)) {
        return RowComparison.rows(rows);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** The value columns of row {@code i}, the same from DuckDB and parquet-java. */
  private static void duckdbCopy(int from, int to, Path file) throws IOException {
    duckdb("COPY (SELECT i::BIGINT AS id, CASE WHEN i % 7 = 0 THEN NULL ELSE i * 3 - 4000 END::BIGINT AS v,"
        + " CASE WHEN i % 3 = 0 THEN NULL ELSE 'customer-name-' || (i * 7 % 1000)::VARCHAR END AS s,"
        + " CASE WHEN i % 5 = 0 THEN NULL ELSE DATE '2020-01-01' + (i % 900)::INTEGER END AS d"
        + " FROM range(" + from + ", " + to + ") t(i)) TO '" + file + "' (FORMAT PARQUET, ROW_GROUP_SIZE 1000)");
  }

  private static void writeParquetJava(Path file, int from, int to,
      UnaryOperator<ExampleParquetWriter.Builder> options) throws IOException {
    writeParquetJava(file, from, to, options, i -> "customer-name-" + (i * 7 % 1000));
  }

  private static void writeParquetJava(Path file, int from, int to,
      UnaryOperator<ExampleParquetWriter.Builder> options, IntFunction<String> text) throws IOException {
    MessageType schema = new MessageType("t",
        Types.required(PrimitiveTypeName.INT64).named("id"),
        Types.optional(PrimitiveTypeName.INT64).named("v"),
        Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("s"),
        Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named("d"));
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> writer = writer(file, schema, options)) {
      for (int i = from; i < to; i++) {
        Group row = groups.newGroup();
        row.add("id", (long) i);
        if (i % 7 != 0) {
          row.add("v", i * 3L - 4000);
        }
        if (i % 3 != 0) {
          row.add("s", text.apply(i));
        }
        if (i % 5 != 0) {
          row.add("d", (int) LocalDate.of(2020, 1, 1).plusDays(i % 900).toEpochDay());
        }
        writer.write(row);
      }
    }
  }

  private static void writeAllNull(Path file, int rows, UnaryOperator<ExampleParquetWriter.Builder> options)
      throws IOException {
    MessageType schema = new MessageType("t",
        Types.required(PrimitiveTypeName.INT64).named("id"),
        Types.optional(PrimitiveTypeName.INT64).named("v"),
        Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("s"),
        Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named("d"));
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> writer = writer(file, schema, options)) {
      for (int i = 0; i < rows; i++) {
        writer.write(groups.newGroup().append("id", (long) i));
      }
    }
  }

  private static ParquetWriter<Group> writer(Path file, MessageType schema,
      UnaryOperator<ExampleParquetWriter.Builder> options) throws IOException {
    Files.createDirectories(file.getParent());
    return options.apply(ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withConf(new PlainParquetConfiguration())
            .withType(schema)
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .withRowGroupRowCountLimit(ROW_GROUP_ROWS))
        .build();
  }

  private static void duckdb(String sql) throws IOException {
    // DuckDB's COPY writes a file but does not create its folder.
    java.util.regex.Matcher target = java.util.regex.Pattern.compile("TO '([^']+)'").matcher(sql);
    if (target.find()) {
      Files.createDirectories(Path.of(target.group(1)).getParent());
    }
    try (Statement statement = duckdb.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static void createTable(String name, String columns, String partitioning) {
    execute("CREATE EXTERNAL TABLE " + name + " " + columns + partitioning + " STORED AS PARQUET LOCATION 'file://"
        + lake.resolve(name) + "/'");
  }

  private static void execute(String sql) {
    try (TarnSession session = engine.openSession(null); QueryResult result = session.execute(sql)) {
      ResultRowsReader.read(result);
    } catch (RuntimeException e) {
      throw new UncheckedIOException(new IOException(sql, e));
    }
  }
}
