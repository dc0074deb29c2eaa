package dev.tarn.catalog.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.catalog.fs.LocalFileSystem;
import dev.tarn.catalog.model.Partition;
import dev.tarn.catalog.model.Table;
import dev.tarn.catalog.store.CatalogException;
import dev.tarn.catalog.store.CatalogException.Code;
import dev.tarn.catalog.store.PartitionFilter;
import dev.tarn.catalog.store.SqliteCatalogStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DdlExecutorTest {

  @TempDir Path folder;
  private SqliteCatalogStore store;
  private DdlExecutor executor;

  @BeforeEach
  void setUp() {
    store = SqliteCatalogStore.open(folder.resolve("catalog.db"));
    executor = new DdlExecutor(store, LocalFileSystem.INSTANCE);
    run("CREATE DATABASE tpch");
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  private DdlResult run(String sql) {
    return executor.execute(DdlParser.parse(sql).orElseThrow(), "tpch");
  }

  private void createLineitem() {
    run("CREATE EXTERNAL TABLE lineitem (l_orderkey bigint COMMENT 'the order', l_price decimal(15,2))"
        + " PARTITIONED BY (ship_year int, ship_month int) STORED AS PARQUET LOCATION '" + folder.resolve("li") + "'");
  }

  private static CatalogException.Code codeOf(Runnable action) {
    try {
      action.run();
    } catch (CatalogException e) {
      return e.code();
    }
    throw new AssertionError("expected a CatalogException");
  }

  @Test
  void databasesAreCreatedShownUsedAndDropped() {
    run("CREATE DATABASE IF NOT EXISTS tpch");
    run("CREATE DATABASE analytics COMMENT 'a' LOCATION '/lake/a' WITH DBPROPERTIES ('k'='v')");
    assertThat(store.getDatabase("analytics").orElseThrow().locationUri()).isEqualTo("/lake/a");
    assertThat(run("SHOW DATABASES").columnNames()).containsExactly("database_name");
    assertThat(run("SHOW DATABASES").rows()).containsExactly(List.of("analytics"), List.of("tpch"));
    assertThat(run("SHOW SCHEMAS LIKE 'tp*|x'").rows()).containsExactly(List.of("tpch"));
    assertThat(codeOf(() -> run("CREATE DATABASE tpch"))).isEqualTo(Code.ALREADY_EXISTS);

    DdlResult use = run("USE analytics");
    assertThat(use.useDatabase()).isEqualTo("analytics");
    assertThat(codeOf(() -> run("USE nowhere"))).isEqualTo(Code.NOT_FOUND);

    createLineitem();
    assertThat(codeOf(() -> run("DROP DATABASE tpch"))).isEqualTo(Code.NOT_EMPTY);
    run("DROP DATABASE tpch CASCADE");
    run("DROP DATABASE IF EXISTS tpch");
    assertThat(codeOf(() -> run("DROP DATABASE tpch"))).isEqualTo(Code.NOT_FOUND);
  }

  @Test
  void tablesAreCreatedShownDescribedAndDropped() {
    createLineitem();
    run("CREATE EXTERNAL TABLE tpch.orders (o_orderkey bigint) STORED AS PARQUET LOCATION 'file:///lake/orders'");
    run("CREATE EXTERNAL TABLE IF NOT EXISTS orders (x int) STORED AS PARQUET LOCATION '/elsewhere'");

    Table orders = store.getTable("tpch", "orders").orElseThrow();
    assertThat(orders.storageDescriptor().location()).isEqualTo("file:///lake/orders"); // as the user wrote it
    assertThat(orders.parameters()).containsEntry("classification", "parquet").containsEntry("EXTERNAL", "TRUE");
    assertThat(orders.tableType()).isEqualTo(Table.EXTERNAL_TABLE);

    assertThat(run("SHOW TABLES").rows()).containsExactly(List.of("lineitem"), List.of("orders"));
    assertThat(run("SHOW TABLES IN tpch 'line*'").columnNames()).containsExactly("tab_name");
    assertThat(run("SHOW TABLES IN tpch 'line*'").rows()).containsExactly(List.of("lineitem"));
    assertThat(run("SHOW COLUMNS IN lineitem").columnNames()).containsExactly("field");
    assertThat(run("SHOW COLUMNS FROM lineitem IN tpch").rows()).containsExactly(List.of("l_orderkey"),
        List.of("l_price"), List.of("ship_year"), List.of("ship_month"));

    DdlResult describe = run("DESCRIBE tpch.lineitem");
    assertThat(describe.columnNames()).containsExactly("col_name", "data_type", "comment");
    assertThat(describe.rows()).containsExactly(List.of("l_orderkey", "bigint", "the order"),
        List.of("l_price", "decimal(15,2)", ""), List.of("", "", ""), List.of("# Partition Information", "", ""),
        List.of("# col_name", "data_type", "comment"), List.of("ship_year", "int", ""), List.of("ship_month", "int", ""));
    assertThat(run("DESC orders").rows()).containsExactly(List.of("o_orderkey", "bigint", ""));

    assertThat(codeOf(() -> createLineitem())).isEqualTo(Code.ALREADY_EXISTS);
    assertThatThrownBy(() -> run("DESCRIBE missing"))
        .isInstanceOfSatisfying(CatalogException.class, e -> {
          assertThat(e.code()).isEqualTo(Code.NOT_FOUND);
          assertThat(e.object()).isEqualTo("tpch.missing");
        });
    assertThatThrownBy(() -> run("CREATE EXTERNAL TABLE nodb.t (a int) STORED AS PARQUET LOCATION '/x'"))
        .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.object()).isEqualTo("nodb"));
    assertThat(codeOf(() -> run("SHOW TABLES IN nodb"))).isEqualTo(Code.NOT_FOUND);
    assertThat(codeOf(() -> run("CREATE EXTERNAL TABLE t (a int) STORED AS ORC LOCATION '/x'"))).isEqualTo(Code.INVALID_INPUT);
    assertThat(codeOf(() -> run("CREATE EXTERNAL TABLE t (a int) PARTITIONED BY (a string) STORED AS PARQUET LOCATION '/x'")))
        .isEqualTo(Code.INVALID_INPUT);

    run("DROP TABLE orders");
    run("DROP TABLE IF EXISTS orders");
    assertThat(codeOf(() -> run("DROP TABLE orders"))).isEqualTo(Code.NOT_FOUND);
    assertThat(run("SHOW TABLES").rows()).containsExactly(List.of("lineitem"));
  }

  @Test
  void partitionsAreAddedWithDefaultLocationsShownAndDropped() {
    createLineitem();
    DdlResult added = run("ALTER TABLE lineitem ADD PARTITION (ship_year=1995, ship_month='03')"
        + " PARTITION (ship_month=1, ship_year=1996) LOCATION '/custom/place'");
    assertThat(added.updateCount()).isEqualTo(2);

    List<Partition> partitions = store.listPartitions("tpch", "lineitem", PartitionFilter.ALL);
    assertThat(partitions).extracting(Partition::values).containsExactly(List.of("1995", "3"), List.of("1996", "1"));
    assertThat(partitions.get(0).location()).isEqualTo(folder.resolve("li") + "/ship_year=1995/ship_month=3/");
    assertThat(partitions.get(1).location()).isEqualTo("/custom/place");

    assertThat(run("SHOW PARTITIONS lineitem").columnNames()).containsExactly("partition");
    assertThat(run("SHOW PARTITIONS tpch.lineitem").rows())
        .containsExactly(List.of("ship_year=1995/ship_month=3"), List.of("ship_year=1996/ship_month=1"));

    assertThat(codeOf(() -> run("ALTER TABLE lineitem ADD PARTITION (ship_year=1995, ship_month=3)")))
        .isEqualTo(Code.ALREADY_EXISTS);
    assertThat(run("ALTER TABLE lineitem ADD IF NOT EXISTS PARTITION (ship_year=1995, ship_month=3)").updateCount()).isZero();
    assertThatThrownBy(() -> run("ALTER TABLE lineitem ADD PARTITION (ship_year='abc', ship_month=3)"))
        .isInstanceOfSatisfying(CatalogException.class, e -> {
          assertThat(e.code()).isEqualTo(Code.INVALID_INPUT);
          assertThat(e.object()).isEqualTo("tpch.lineitem");
          assertThat(e.getMessage()).contains("abc", "ship_year");
        });
    assertThat(codeOf(() -> run("ALTER TABLE lineitem ADD PARTITION (ship_year=1995)"))).isEqualTo(Code.INVALID_INPUT);
    assertThat(codeOf(() -> run("ALTER TABLE lineitem ADD PARTITION (ship_year=DATE '2020-01-01', ship_month=1)")))
        .isEqualTo(Code.INVALID_INPUT);
    assertThat(codeOf(() -> run("SHOW PARTITIONS nothing"))).isEqualTo(Code.NOT_FOUND);

    assertThat(run("ALTER TABLE lineitem DROP PARTITION (ship_year=1995, ship_month=3),"
        + " PARTITION (ship_year=1996, ship_month=1)").updateCount()).isEqualTo(2);
    assertThat(codeOf(() -> run("ALTER TABLE lineitem DROP PARTITION (ship_year=1995, ship_month=3)")))
        .isEqualTo(Code.NOT_FOUND);
    assertThat(run("ALTER TABLE lineitem DROP IF EXISTS PARTITION (ship_year=1995, ship_month=3)").updateCount()).isZero();
    assertThat(run("SHOW PARTITIONS lineitem").rows()).isEmpty();
  }

  @Test
  void msckRepairAddsHivesDefaultPartitionWithANullValue() throws Exception {
    createLineitem();
    Path li = folder.resolve("li");
    Files.createDirectories(li.resolve("ship_year=1995/ship_month=__HIVE_DEFAULT_PARTITION__"));
    Files.createDirectories(li.resolve("ship_year=1995/ship_month=4"));

    assertThat(run("MSCK REPAIR TABLE lineitem").updateCount()).isEqualTo(2);

    assertThat(store.listPartitions("tpch", "lineitem", PartitionFilter.ALL).stream().map(Partition::values))
        .containsExactlyInAnyOrder(java.util.Arrays.asList("1995", null), List.of("1995", "4"));
    assertThat(run("MSCK REPAIR TABLE lineitem").updateCount()).isZero();
  }

  @Test
  void msckRepairAddsMissingKeyValueFoldersAndNeverRemoves() throws Exception {
    createLineitem();
    Path li = folder.resolve("li");
    for (String dir : List.of("ship_year=1995/ship_month=1", "ship_year=1995/ship_month=2", "ship_year=1996/ship_month=12",
        "ship_year=oops/ship_month=1", "ship_year=1997", "_temporary/ship_month=1", "other/ship_month=1")) {
      Files.createDirectories(li.resolve(dir));
    }
    Files.writeString(li.resolve("ship_year=1995/ship_month=1/part-0.parquet"), "data");
    run("ALTER TABLE lineitem ADD PARTITION (ship_year=1995, ship_month=1)");
    run("ALTER TABLE lineitem ADD PARTITION (ship_year=2000, ship_month=1) LOCATION '/gone'");

    DdlResult repair = run("MSCK REPAIR TABLE lineitem");

    assertThat(repair.updateCount()).isEqualTo(2);
    assertThat(repair.rows()).containsExactly(
        List.of("Partitions not in metastore:\tlineitem:ship_year=1995/ship_month=2"),
        List.of("Partitions not in metastore:\tlineitem:ship_year=1996/ship_month=12"),
        List.of("Partitions invalid:\tlineitem:ship_year=oops"),
        List.of("Repair: Added partition to metastore lineitem:ship_year=1995/ship_month=2"),
        List.of("Repair: Added partition to metastore lineitem:ship_year=1996/ship_month=12"));
    assertThat(run("SHOW PARTITIONS lineitem").rows()).containsExactly(List.of("ship_year=1995/ship_month=1"),
        List.of("ship_year=1995/ship_month=2"), List.of("ship_year=1996/ship_month=12"),
        List.of("ship_year=2000/ship_month=1")); // the partition without a folder stays
    assertThat(store.listPartitions("tpch", "lineitem", PartitionFilter.ALL).get(2).location())
        .isEqualTo(li + "/ship_year=1996/ship_month=12");

    assertThat(run("MSCK REPAIR TABLE tpch.lineitem").updateCount()).isZero();
    run("CREATE EXTERNAL TABLE flat (a int) STORED AS PARQUET LOCATION '/x'");
    assertThat(codeOf(() -> run("MSCK REPAIR TABLE flat"))).isEqualTo(Code.INVALID_INPUT);
  }

  @Test
  void showCreateTableRecreatesTheSameTable() {
    run("CREATE EXTERNAL TABLE `tpch`.`odd` (`select` bigint COMMENT 'it''s a key', price decimal(15,2), name varchar(25))"
        + " COMMENT 'odd table' PARTITIONED BY (dt date, region string)"
        + " ROW FORMAT SERDE 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe'"
        + " WITH SERDEPROPERTIES ('serialization.format'='1', 'x'='y')"
        + " STORED AS PARQUET LOCATION 'file:///lake/odd/' TBLPROPERTIES ('parquet.compression'='ZSTD', 'recordCount'='7')");
    Table before = store.getTable("tpch", "odd").orElseThrow();

    DdlResult show = run("SHOW CREATE TABLE odd");
    assertThat(show.columnNames()).containsExactly("createtab_stmt");
    String text = String.join("\n", show.rows().stream().map(row -> row.get(0)).toList());
    assertThat(text).startsWith("CREATE EXTERNAL TABLE `tpch`.`odd`(")
        .contains("`select` bigint COMMENT 'it''s a key'", "PARTITIONED BY (", "ROW FORMAT SERDE",
            "STORED AS INPUTFORMAT", "OUTPUTFORMAT", "LOCATION\n  'file:///lake/odd/'", "TBLPROPERTIES (",
            "'parquet.compression'='ZSTD'");

    run("DROP TABLE odd");
    executor.execute(DdlParser.parse(text).orElseThrow(), "default");
    Table after = store.getTable("tpch", "odd").orElseThrow();
    assertThat(after.storageDescriptor()).isEqualTo(before.storageDescriptor());
    assertThat(after.partitionKeys()).isEqualTo(before.partitionKeys());
    assertThat(after.parameters()).isEqualTo(before.parameters());
    assertThat(after.description()).isEqualTo(before.description());
    assertThat(after.tableType()).isEqualTo(before.tableType());
  }

  @Test
  void resultColumnsAreKnownBeforeExecution() {
    createLineitem();
    run("ALTER TABLE lineitem ADD PARTITION (ship_year=1994, ship_month=1)");
    List<String> statements = List.of("SHOW DATABASES", "SHOW TABLES", "SHOW PARTITIONS lineitem",
        "SHOW COLUMNS IN lineitem", "DESCRIBE lineitem", "SHOW CREATE TABLE lineitem", "MSCK REPAIR TABLE lineitem",
        "USE tpch", "CREATE DATABASE other", "DROP DATABASE other",
        "ALTER TABLE lineitem DROP PARTITION (ship_year=1994, ship_month=1)");
    for (String sql : statements) {
      DdlStatement statement = DdlParser.parse(sql).orElseThrow();
      assertThat(DdlExecutor.resultColumns(statement)).as(sql)
          .isEqualTo(executor.execute(statement, "tpch").columnNames());
    }
  }

  @Test
  void hivePatternsMatchLikeShowTables() {
    assertThat(DdlExecutor.matches("line*", "lineitem")).isTrue();
    assertThat(DdlExecutor.matches("*item|orders", "orders")).isTrue();
    assertThat(DdlExecutor.matches("LINE*", "lineitem")).isTrue();
    assertThat(DdlExecutor.matches("line", "lineitem")).isFalse();
    assertThat(DdlExecutor.matches("a.c", "abc")).isFalse(); // '.' is literal, not a regex
  }
}
