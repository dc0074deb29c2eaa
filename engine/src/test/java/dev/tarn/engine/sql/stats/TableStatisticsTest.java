package dev.tarn.engine.sql.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.catalog.model.Partition;
import dev.tarn.catalog.types.HiveType;
import dev.tarn.engine.api.EngineConfig;
import dev.tarn.engine.api.QueryResult;
import dev.tarn.engine.api.TarnEngine;
import dev.tarn.engine.api.TarnSession;
import dev.tarn.engine.testing.ResultRowsReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Table profiles from footers and partitions. Table {@code t} has two files of 500 rows in row groups of 100:
 * {@code id} 1..1000, {@code grp} = id % 10, {@code price} = (id % 50) / 4, {@code day} 2020-01-01 + id % 30,
 * {@code name} distinct strings, {@code maybe} NULL for every fourth row, and {@code extra} = 7 only in the second
 * file. Table {@code p} is partitioned by {@code region} and {@code year}, with an empty partition.
 */
class TableStatisticsTest {

  @TempDir
  static Path temp;
  private static TarnEngine engine;

  @BeforeAll
  static void createTables() throws Exception {
    Path t = Files.createDirectories(temp.resolve("t"));
    Path p = temp.resolve("p");
    for (String partition : new String[] {"region=eu/year=2020", "region=us/year=2021", "region=eu/year=2022"}) {
      Files.createDirectories(p.resolve(partition));
    }
    String columns = "i::BIGINT AS id, (i % 10)::INTEGER AS grp, ((i % 50) / 4)::DECIMAL(10, 2) AS price,"
        + " DATE '2020-01-01' + (i % 30)::INTEGER AS day, 'n' || i AS name,"
        + " CASE WHEN i % 4 = 0 THEN NULL ELSE i END::BIGINT AS maybe";
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
      statement.execute("SET threads = 1");
      statement.execute("COPY (SELECT " + columns + " FROM range(1, 501) r(i)) TO '" + t.resolve("a.parquet")
          + "' (FORMAT PARQUET, ROW_GROUP_SIZE 100)");
      statement.execute("COPY (SELECT " + columns + ", 7::BIGINT AS extra FROM range(501, 1001) r(i)) TO '"
          + t.resolve("b.parquet") + "' (FORMAT PARQUET, ROW_GROUP_SIZE 100)");
      statement.execute("COPY (SELECT i::BIGINT AS v FROM range(0, 100) r(i)) TO '"
          + p.resolve("region=eu/year=2020/data.parquet") + "' (FORMAT PARQUET)");
      statement.execute("COPY (SELECT i::BIGINT AS v FROM range(0, 50) r(i)) TO '"
          + p.resolve("region=us/year=2021/data.parquet") + "' (FORMAT PARQUET)");
    }
    engine = TarnEngine.open(EngineConfig.defaults(temp.resolve("warehouse")));
    try (TarnSession session = engine.openSession(null)) {
      execute(session, "CREATE EXTERNAL TABLE t (id BIGINT, grp INT, price DECIMAL(10,2), day DATE, name STRING,"
          + " maybe BIGINT, extra BIGINT) STORED AS PARQUET LOCATION 'file://" + t + "/'");
      execute(session, "CREATE EXTERNAL TABLE p (v BIGINT) PARTITIONED BY (region STRING, year INT)"
          + " STORED AS PARQUET LOCATION 'file://" + p + "/'");
      execute(session, "MSCK REPAIR TABLE p");
    }
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  private static void execute(TarnSession session, String sql) {
    try (QueryResult result = session.execute(sql)) {
      ResultRowsReader.read(result);
    }
  }

  private static TableProfile profile(String table) {
    return engine.statistics().profile(engine.catalog().getTable(TarnEngine.DEFAULT_DATABASE, table).orElseThrow());
  }

  @Test
  void aProfileIsRememberedUntilDdlChangesTheCatalog() throws Exception {
    Path extra = temp.resolve("p/region=eu/year=2023");
    TableProfile before = profile("p");
    assertThat(profile("p")).isSameAs(before); // planning does not list the folders again
    Files.createDirectories(extra);
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
      statement.execute("COPY (SELECT i::BIGINT AS v FROM range(0, 25) r(i)) TO '" + extra.resolve("data.parquet")
          + "' (FORMAT PARQUET)");
    }
    try (TarnSession session = engine.openSession(null)) {
      execute(session, "ALTER TABLE p ADD PARTITION (region='eu', year=2023)");
      assertThat(profile("p").rowCount()).isEqualTo(before.rowCount() + 25);
      execute(session, "ALTER TABLE p DROP PARTITION (region='eu', year=2023)");
    }
    assertThat(profile("p").rowCount()).isEqualTo(before.rowCount());
  }

  @Test
  void rowsAreSummedOverFiles() {
    assertThat(profile("t").rowCount()).isEqualTo(1000);
  }

  @Test
  void aUniqueIntegerColumnHasAsManyValuesAsRows() {
    assertThat(profile("t").column("id")).isEqualTo(new ColumnStatistics(0, 1.0, 1000.0, 1000.0));
  }

  @Test
  void theTableRangeCapsTheRowGroupBounds() {
    // Ten row groups each span 0..9: their bounds add up to 100, the range holds 10 values.
    assertThat(profile("t").column("grp").distinctCount()).isEqualTo(10);
  }

  @Test
  void datesAreDaysAndDecimalsTheirValue() {
    TableProfile profile = profile("t");
    long first = LocalDate.of(2020, 1, 1).toEpochDay();
    assertThat(profile.column("day")).isEqualTo(new ColumnStatistics(0, (double) first, first + 29.0, 30.0));
    assertThat(profile.column("price").minimum()).isEqualTo(0.0);
    assertThat(profile.column("price").maximum()).isEqualTo(12.25);
  }

  @Test
  void stringsHaveNoDistinctBound() {
    assertThat(profile("t").column("name")).isEqualTo(ColumnStatistics.unknown(0));
  }

  @Test
  void nullsAreCountedAndNotValues() {
    ColumnStatistics maybe = profile("t").column("maybe");
    assertThat(maybe.nullCount()).isEqualTo(250);
    assertThat(maybe.distinctCount()).isEqualTo(750);
  }

  @Test
  void aColumnMissingFromAFileIsNullThere() {
    assertThat(profile("t").column("EXTRA")).isEqualTo(new ColumnStatistics(500, 7.0, 7.0, 1.0));
  }

  @Test
  void partitionKeysAreCountedOverPartitionsWithRows() {
    TableProfile profile = profile("p");
    assertThat(profile.rowCount()).isEqualTo(150);
    assertThat(profile.column("year")).isEqualTo(new ColumnStatistics(0, 2020.0, 2021.0, 2.0));
    assertThat(profile.column("region")).isEqualTo(new ColumnStatistics(0, null, null, 2.0));
    assertThat(profile.column("v").distinctCount()).isEqualTo(100);
  }

  @Test
  void theRowsOfTheDefaultPartitionAreTheKeysNulls() {
    List<Partition> partitions = List.of(partition("2020"), partition(null), partition("2021"));
    assertThat(PartitionKeyStatistics.of(HiveType.INT, 0, partitions, List.of(5L, 3L, 2L)))
        .isEqualTo(new ColumnStatistics(3, 2020.0, 2021.0, 2.0));
  }

  private static Partition partition(String value) {
    return new Partition(Arrays.asList(value), TarnEngine.DEFAULT_DATABASE, "p", null, null, null);
  }
}
