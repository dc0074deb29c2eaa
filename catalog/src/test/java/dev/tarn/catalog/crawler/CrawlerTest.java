package dev.tarn.catalog.crawler;

import static dev.tarn.catalog.crawler.ParquetFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.catalog.fs.LocalFileSystem;
import dev.tarn.catalog.model.Column;
import dev.tarn.catalog.model.Partition;
import dev.tarn.catalog.model.Table;
import dev.tarn.catalog.store.CatalogException;
import dev.tarn.catalog.store.PartitionFilter;
import dev.tarn.catalog.store.SqliteCatalogStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrawlerTest {

  @TempDir Path folder;
  private Path lake;
  private SqliteCatalogStore store;
  private Crawler crawler;

  @BeforeEach
  void setUp() {
    lake = folder.resolve("lake");
    store = SqliteCatalogStore.open(folder.resolve("catalog.db"));
    crawler = new Crawler(store, LocalFileSystem.INSTANCE);
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  private CrawlReport crawl(Path location) {
    return crawler.crawl(location.toString(), "LakeDB", CrawlOptions.defaults());
  }

  private List<List<String>> partitionValues(String table) {
    return store.listPartitions("lakedb", table, PartitionFilter.ALL).stream().map(Partition::values).toList();
  }

  @Test
  void typedKeyValuePartitionsBecomePartitionKeysAndHiddenOrEmptyFilesAreIgnored() throws Exception {
    Path sales = lake.resolve("Sales");
    write(sales.resolve("year=2023/region=eu/part-0.parquet"), "SELECT 1::BIGINT AS id, 9.5::DOUBLE AS amount");
    write(sales.resolve("year=2023/region=us/part-0.parquet"), "SELECT 2::BIGINT AS id, 1.5::DOUBLE AS amount");
    write(sales.resolve("year=2024/region=eu/part-0.parquet"), "SELECT 3::BIGINT AS id, 2.5::DOUBLE AS amount");
    write(sales.resolve("year=2024/region=__HIVE_DEFAULT_PARTITION__/part-0.parquet"), "SELECT 4::BIGINT AS id, 0.0::DOUBLE AS amount");
    Files.writeString(sales.resolve("year=2024/region=eu/_SUCCESS"), "");
    Files.writeString(sales.resolve("year=2024/region=eu/.part-0.parquet.crc"), "crc");
    Files.createFile(sales.resolve("year=2024/region=eu/empty.parquet"));
    write(sales.resolve("_temporary/0/part-9.parquet"), "SELECT 'x' AS junk");
    write(lake.resolve("events/dt=2024-01-31/e.parquet"), "SELECT 'click' AS kind");
    write(lake.resolve("events/dt=2024-02-01/e.parquet"), "SELECT 'view' AS kind");

    CrawlReport report = crawl(lake);

    assertThat(report.databaseCreated()).isTrue();
    assertThat(report.tablesCreated()).containsExactlyInAnyOrder("lakedb.sales", "lakedb.events");
    assertThat(report.skippedFiles()).isEmpty();
    assertThat(report.partitionsAddedTo("lakedb.sales")).isEqualTo(4);
    assertThat(report.partitionsAdded().get("lakedb.events")).containsExactly("dt=2024-01-31", "dt=2024-02-01");

    Table table = store.getTable("lakedb", "sales").orElseThrow();
    assertThat(table.partitionKeys()).containsExactly(Column.of("year", "int"), Column.of("region", "string"));
    assertThat(table.storageDescriptor().columns()).containsExactly(Column.of("id", "bigint"), Column.of("amount", "double"));
    assertThat(table.storageDescriptor().location()).isEqualTo(sales.toString());
    assertThat(table.parameters()).containsEntry("classification", "parquet").containsEntry("recordCount", "4")
        .containsEntry("objectCount", "4");
    assertThat(partitionValues("sales")).containsExactly(List.of("2023", "eu"), List.of("2023", "us"),
        List.of("2024", "eu"), Arrays.asList("2024", null));
    Partition first = store.listPartitions("lakedb", "sales", PartitionFilter.ALL).get(0);
    assertThat(first.location()).isEqualTo(sales.resolve("year=2023/region=eu").toString());
    assertThat(first.storageDescriptor().columns()).isEqualTo(table.storageDescriptor().columns());

    assertThat(store.getTable("lakedb", "events").orElseThrow().partitionKeys()).containsExactly(Column.of("dt", "date"));
  }

  @Test
  void parquetTypesMapToHiveTypesAndNestedColumnsAreReportedAndSkipped() throws Exception {
    write(lake.resolve("types/f.parquet"), "SELECT 1::TINYINT AS t, 2::SMALLINT AS s, 3::INTEGER AS i, 4::BIGINT AS b,"
        + " 1.5::FLOAT AS f, 2.5::DOUBLE AS d, true AS flag, 'x' AS str, 12.34::DECIMAL(12,2) AS dec_small,"
        + " 1::DECIMAL(30,5) AS dec_big, DATE '2024-01-01' AS day, TIMESTAMP '2024-01-01 10:00:00' AS ts,"
        + " 'ab'::BLOB AS raw, [1, 2] AS list_col, {'a': 1} AS struct_col, 7::UINTEGER AS unsigned_int");

    CrawlReport report = crawl(lake);

    assertThat(store.getTable("lakedb", "types").orElseThrow().storageDescriptor().columns())
        .extracting(c -> c.name() + " " + c.type())
        .containsExactly("t tinyint", "s smallint", "i int", "b bigint", "f float", "d double", "flag boolean",
            "str string", "dec_small decimal(12,2)", "dec_big decimal(30,5)", "day date", "ts timestamp",
            "raw binary", "unsigned_int bigint");
    assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("list_col", "not supported"))
        .anySatisfy(w -> assertThat(w).contains("struct_col", "not supported"));
  }

  @Test
  void fileAtTheLocationRootMakesATableNamedAfterTheFolder() throws Exception {
    Path flat = lake.resolve("My-Flat.Data");
    write(flat.resolve("a.parquet"), "SELECT 1 AS id");
    write(flat.resolve("b.parquet"), "SELECT 2 AS id");

    CrawlReport report = crawler.crawl("file://" + flat, "lakedb", CrawlOptions.defaults());

    assertThat(report.tablesCreated()).containsExactly("lakedb.my_flat_data");
    Table table = store.getTable("lakedb", "my_flat_data").orElseThrow();
    assertThat(table.isPartitioned()).isFalse();
    assertThat(table.storageDescriptor().location()).isEqualTo("file://" + flat); // kept as the user wrote it
    assertThat(table.storageDescriptor().columns()).containsExactly(Column.of("id", "int"));
    assertThat(store.countPartitions("lakedb", "my_flat_data")).isZero();
  }

  @Test
  void foldersWithoutKeyEqualsValueBecomeNumberedPartitionKeys() throws Exception {
    write(lake.resolve("logs/2024/01/a.parquet"), "SELECT 'x' AS line");
    write(lake.resolve("logs/2024/02/a.parquet"), "SELECT 'y' AS line");
    write(lake.resolve("logs/2025/eu/a.parquet"), "SELECT 'z' AS line");
    write(lake.resolve("logs/stray.parquet/../2025/eu/../../deep/x/y/z.parquet").normalize(), "SELECT 'q' AS line");

    CrawlReport report = crawl(lake);

    Table logs = store.getTable("lakedb", "logs").orElseThrow();
    assertThat(logs.partitionKeys()).containsExactly(Column.of("partition_0", "int"), Column.of("partition_1", "string"));
    assertThat(partitionValues("logs")).containsExactly(List.of("2024", "01"), List.of("2024", "02"), List.of("2025", "eu"));
    assertThat(store.listPartitions("lakedb", "logs", PartitionFilter.ALL).get(1).location())
        .isEqualTo(lake.resolve("logs/2024/02").toString());
    assertThat(report.skippedFiles()).singleElement().satisfies(skipped -> {
      assertThat(skipped.location()).endsWith("deep/x/y/z.parquet");
      assertThat(skipped.reason()).contains("3 folders below", "are 2 deep");
    });
  }

  @Test
  void schemasAcrossFilesMergeByNameWithWideningAndConflictsAreReported() throws Exception {
    write(lake.resolve("m/p=1/a.parquet"), "SELECT 1::INTEGER AS id, 1.5::FLOAT AS price");
    write(lake.resolve("m/p=2/b.parquet"), "SELECT 2::BIGINT AS id, 2.5::DOUBLE AS price, 'n' AS extra");
    write(lake.resolve("m/p=3/c.parquet"), "SELECT 3::SMALLINT AS id, 'oops' AS price");

    CrawlReport report = crawl(lake);

    assertThat(store.getTable("lakedb", "m").orElseThrow().storageDescriptor().columns())
        .containsExactly(Column.of("id", "bigint"), Column.of("price", "double"), Column.of("extra", "string"));
    assertThat(report.warnings()).singleElement().asString()
        .contains("lakedb.m", "price is string in", "c.parquet", "kept double");
    assertThat(partitionValues("m")).hasSize(3);
  }

  @Test
  void crawlingAgainAddsOnlyNewPartitionsAndColumns() throws Exception {
    write(lake.resolve("t/day=2024-01-01/a.parquet"), "SELECT 1 AS id");
    crawl(lake);

    CrawlReport again = crawl(lake);
    assertThat(again.hasChanges()).isFalse();
    assertThat(again.summaryLines()).contains("No changes");

    write(lake.resolve("t/day=2024-01-02/a.parquet"), "SELECT 2 AS id, 'new' AS label");
    CrawlReport incremental = crawl(lake);
    assertThat(incremental.tablesCreated()).isEmpty();
    assertThat(incremental.partitionsAdded()).containsOnlyKeys("lakedb.t");
    assertThat(incremental.partitionsAdded().get("lakedb.t")).containsExactly("day=2024-01-02");
    assertThat(incremental.columnsAdded().get("lakedb.t")).containsExactly("label string");
    assertThat(incremental.toString()).contains("Added 1 partition to lakedb.t: day=2024-01-02",
        "Added columns to lakedb.t: label string");
    assertThat(store.getTable("lakedb", "t").orElseThrow().storageDescriptor().columns())
        .containsExactly(Column.of("id", "int"), Column.of("label", "string"));
    assertThat(partitionValues("t")).containsExactly(List.of("2024-01-01"), List.of("2024-01-02"));

    // A value that does not fit the recorded key type is skipped, not fatal, and does not change the key.
    write(lake.resolve("t/day=someday/a.parquet"), "SELECT 3 AS id");
    CrawlReport mismatch = crawl(lake);
    assertThat(mismatch.skippedFiles()).singleElement().satisfies(s -> assertThat(s.reason()).contains("someday"));
    assertThat(store.getTable("lakedb", "t").orElseThrow().partitionKeys()).containsExactly(Column.of("day", "date"));
    assertThat(crawl(lake).hasChanges()).isFalse();
  }

  @Test
  void corruptFilesAreReportedAndSkipped() throws Exception {
    write(lake.resolve("c/k=1/good.parquet"), "SELECT 1 AS id");
    Files.writeString(lake.resolve("c/k=1/bad.parquet"), "this is not parquet at all");
    byte[] whole = Files.readAllBytes(write(lake.resolve("tmp.parquet"), "SELECT 2 AS id"));
    Files.delete(lake.resolve("tmp.parquet"));
    Files.createDirectories(lake.resolve("c/k=2"));
    Files.write(lake.resolve("c/k=2/truncated.parquet"), Arrays.copyOf(whole, whole.length - 20));

    CrawlReport report = crawl(lake);

    assertThat(report.tablesCreated()).containsExactly("lakedb.c");
    assertThat(report.skippedFiles()).extracting(CrawlReport.SkippedFile::location)
        .containsExactlyInAnyOrder(lake.resolve("c/k=1/bad.parquet").toString(),
            lake.resolve("c/k=2/truncated.parquet").toString());
    assertThat(report.skippedFiles()).allSatisfy(s -> assertThat(s.reason()).contains("Invalid Parquet file"));
    assertThat(report.toString()).contains("Skipped " + lake.resolve("c/k=1/bad.parquet"));
    assertThat(partitionValues("c")).containsExactly(List.of("1")); // k=2 had no readable file
  }

  @Test
  void exclusionsAndTheTableThresholdAreHonoured() throws Exception {
    write(lake.resolve("a/x.parquet"), "SELECT 1 AS id");
    write(lake.resolve("b/x.parquet"), "SELECT 1 AS id");
    write(lake.resolve("a/tmp/x.parquet"), "SELECT 'other' AS id");

    assertThatThrownBy(() -> crawler.crawl(lake.toString(), "lakedb", new CrawlOptions(List.of(), 1)))
        .isInstanceOfSatisfying(CatalogException.class,
            e -> assertThat(e.code()).isEqualTo(CatalogException.Code.INVALID_INPUT));
    CrawlReport report = crawler.crawl(lake.toString(), "lakedb", new CrawlOptions(List.of("b", "*/tmp"), 1));
    assertThat(report.tablesCreated()).containsExactly("lakedb.a");
    assertThat(report.skippedFiles()).isEmpty();
    assertThatThrownBy(() -> crawler.crawl(lake.resolve("nothing").toString(), "lakedb", CrawlOptions.defaults()))
        .isInstanceOfSatisfying(CatalogException.class,
            e -> assertThat(e.code()).isEqualTo(CatalogException.Code.NOT_FOUND));
  }
}
