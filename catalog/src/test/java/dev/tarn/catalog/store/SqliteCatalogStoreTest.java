package dev.tarn.catalog.store;

import static dev.tarn.catalog.store.StoreFixtures.partition;
import static dev.tarn.catalog.store.StoreFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.catalog.model.Column;
import dev.tarn.catalog.model.Database;
import dev.tarn.catalog.model.Partition;
import dev.tarn.catalog.model.Table;
import dev.tarn.catalog.store.CatalogException.Code;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteCatalogStoreTest {

  @TempDir Path folder;
  private Path file;
  private SqliteCatalogStore store;

  @BeforeEach
  void open() {
    file = folder.resolve("nested/dir/catalog.db");
    store = SqliteCatalogStore.open(file);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void databasesAreCreatedListedInOrderAndDropped() {
    assertThat(store.listDatabases()).isEmpty(); // no implicit default database
    assertThat(store.createDatabase(new Database("Sales", "money", "/lake/sales", Map.of("k", "v"), null), false)).isTrue();
    assertThat(store.createDatabase(Database.named("analytics"), false)).isTrue();
    assertThat(store.createDatabase(Database.named("SALES"), true)).isFalse();
    assertThatThrownBy(() -> store.createDatabase(Database.named("sales"), false))
        .isInstanceOfSatisfying(CatalogException.class, e -> {
          assertThat(e.code()).isEqualTo(Code.ALREADY_EXISTS);
          assertThat(e.object()).isEqualTo("sales");
        });

    assertThat(store.listDatabases()).extracting(Database::name).containsExactly("analytics", "sales");
    Database sales = store.getDatabase("SaLeS").orElseThrow();
    assertThat(sales.description()).isEqualTo("money");
    assertThat(sales.locationUri()).isEqualTo("/lake/sales");
    assertThat(sales.parameters()).containsEntry("k", "v");
    assertThat(sales.createTime()).isNotNull();
    assertThat(store.getDatabase("missing")).isEmpty();

    assertThat(store.dropDatabase("analytics", false, false)).isTrue();
    assertThat(store.dropDatabase("analytics", true, false)).isFalse();
    assertThatThrownBy(() -> store.dropDatabase("analytics", false, false))
        .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(Code.NOT_FOUND));
  }

  @Test
  void droppingADatabaseWithTablesNeedsCascade() {
    store.createDatabase(Database.named("db"), false);
    Table t = table("db", "t", List.of(Column.of("p", "int")));
    store.createTable(t, false);
    store.addPartitions("db", "t", List.of(partition(t, List.of("1"))), false);

    assertThatThrownBy(() -> store.dropDatabase("db", false, false))
        .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(Code.NOT_EMPTY));
    assertThat(store.dropDatabase("db", false, true)).isTrue();
    assertThat(store.listAllTables()).isEmpty();
    store.createDatabase(Database.named("db"), false);
    assertThat(store.listTables("db")).isEmpty();
  }

  @Test
  void tablesAreCreatedReadUpdatedAndDropped() {
    assertThatThrownBy(() -> store.createTable(table("nodb", "t", List.of()), false))
        .isInstanceOfSatisfying(CatalogException.class, e -> {
          assertThat(e.code()).isEqualTo(Code.NOT_FOUND);
          assertThat(e.object()).isEqualTo("nodb");
        });
    store.createDatabase(Database.named("db"), false);
    store.createDatabase(Database.named("aaa"), false);
    assertThat(store.createTable(table("db", "Orders", List.of(Column.of("dt", "date"))), false)).isTrue();
    assertThat(store.createTable(table("db", "customers", List.of()), false)).isTrue();
    assertThat(store.createTable(table("aaa", "z", List.of()), false)).isTrue();
    assertThat(store.createTable(table("db", "orders", List.of()), true)).isFalse();
    assertThatThrownBy(() -> store.createTable(table("db", "orders", List.of()), false))
        .isInstanceOfSatisfying(CatalogException.class, e -> {
          assertThat(e.code()).isEqualTo(Code.ALREADY_EXISTS);
          assertThat(e.object()).isEqualTo("db.orders");
        });
    assertThatThrownBy(() -> store.createTable(table("db", "bad", List.of(Column.of("k", "blob"))), false))
        .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(Code.INVALID_INPUT));

    assertThat(store.listTables("DB")).extracting(Table::name).containsExactly("customers", "orders");
    assertThat(store.listAllTables()).extracting(t -> t.databaseName() + "." + t.name())
        .containsExactly("aaa.z", "db.customers", "db.orders");
    assertThatThrownBy(() -> store.listTables("nodb"))
        .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(Code.NOT_FOUND));

    Table orders = store.getTable("db", "ORDERS").orElseThrow();
    assertThat(orders.partitionKeys()).containsExactly(Column.of("dt", "date"));
    assertThat(orders.storageDescriptor().columns()).extracting(Column::name).containsExactly("id", "note");
    assertThat(orders.storageDescriptor().columns().get(1).comment()).isEqualTo("free text");

    List<Column> widened = new ArrayList<>(orders.storageDescriptor().columns());
    widened.add(Column.of("amount", "decimal(12,2)"));
    store.updateTable(orders.withStorageDescriptor(orders.storageDescriptor().withColumns(widened)));
    assertThat(store.getTable("db", "orders").orElseThrow().storageDescriptor().columns())
        .extracting(Column::type).containsExactly("bigint", "string", "decimal(12,2)");
    assertThatThrownBy(() -> store.updateTable(table("db", "ghost", List.of())))
        .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(Code.NOT_FOUND));

    assertThat(store.dropTable("db", "orders", false)).isTrue();
    assertThat(store.getTable("db", "orders")).isEmpty();
    assertThat(store.dropTable("db", "orders", true)).isFalse();
    assertThatThrownBy(() -> store.dropTable("db", "orders", false))
        .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.object()).isEqualTo("db.orders"));
  }

  @Test
  void partitionsAreAddedCountedOrderedByTypedValueAndDropped() {
    store.createDatabase(Database.named("db"), false);
    Table t = table("db", "events", List.of(Column.of("year", "int"), Column.of("region", "string")));
    store.createTable(t, false);
    List<Partition> batch = List.of(partition(t, List.of("10", "eu")), partition(t, List.of("2", "us")),
        partition(t, List.of("02", "eu")), partition(t, Arrays.asList(null, "eu")));
    assertThat(store.addPartitions("db", "events", batch, false)).isEqualTo(4);
    assertThat(store.countPartitions("db", "events")).isEqualTo(4);

    List<Partition> all = store.listPartitions("db", "events", PartitionFilter.ALL);
    // Typed order: 2 before 10 (not text order), the null default partition last; "02" was stored as 2.
    assertThat(all).extracting(Partition::values).containsExactly(List.of("2", "eu"), List.of("2", "us"),
        List.of("10", "eu"), Arrays.asList(null, "eu"));
    assertThat(all.get(0).databaseName()).isEqualTo("db");
    assertThat(all.get(0).tableName()).isEqualTo("events");
    assertThat(all.get(0).location()).isEqualTo("/data/events/02/eu");
    assertThat(all.get(0).creationTime()).isNotNull();

    assertThatThrownBy(() -> store.addPartitions("db", "events", List.of(partition(t, List.of("10", "eu"))), false))
        .isInstanceOfSatisfying(CatalogException.class, e -> {
          assertThat(e.code()).isEqualTo(Code.ALREADY_EXISTS);
          assertThat(e.object()).isEqualTo("db.events year=10/region=eu");
        });
    assertThat(store.addPartitions("db", "events",
        List.of(partition(t, List.of("10", "eu")), partition(t, List.of("11", "eu"))), true)).isEqualTo(1);
    assertThatThrownBy(() -> store.addPartitions("db", "events", List.of(partition(t, List.of("x", "eu"))), false))
        .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(Code.INVALID_INPUT));
    assertThatThrownBy(() -> store.addPartitions("db", "events", List.of(partition(t, List.of("1"))), false))
        .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(Code.INVALID_INPUT));
    assertThat(store.countPartitions("db", "events")).isEqualTo(5); // failed calls added nothing

    assertThat(store.dropPartitions("db", "events", List.of(List.of("10", "eu"), List.of("002", "us")), false)).isEqualTo(2);
    assertThatThrownBy(() -> store.dropPartitions("db", "events", List.of(List.of("10", "eu")), false))
        .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(Code.NOT_FOUND));
    assertThat(store.dropPartitions("db", "events", List.of(List.of("10", "eu")), true)).isZero();
    assertThat(store.countPartitions("db", "events")).isEqualTo(3);
    assertThatThrownBy(() -> store.countPartitions("db", "nothere"))
        .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.object()).isEqualTo("db.nothere"));

    assertThatThrownBy(() -> store.updateTable(new Table(t.name(), t.databaseName(), null, null, null, null,
        t.storageDescriptor(), List.of(Column.of("year", "int")), null, null)))
        .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(Code.INVALID_INPUT));
  }

  @Test
  void contentSurvivesCloseAndReopenAsGlueJson() throws Exception {
    store.createDatabase(new Database("db", "desc", null, Map.of(), null), false);
    Table t = table("db", "events", List.of(Column.of("dt", "date")));
    store.createTable(t, false);
    store.addPartitions("db", "events", List.of(partition(t, List.of("2024-01-31"))), false);
    Table before = store.getTable("db", "events").orElseThrow();
    store.close();

    store = SqliteCatalogStore.open(file);
    assertThat(store.getTable("db", "events")).contains(before);
    assertThat(store.getDatabase("db").orElseThrow().description()).isEqualTo("desc");
    assertThat(store.listPartitions("db", "events", PartitionFilter.ALL)).extracting(Partition::values)
        .containsExactly(List.of("2024-01-31"));

    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = raw.createStatement()) {
      try (ResultSet version = statement.executeQuery("PRAGMA user_version")) {
        assertThat(version.getInt(1)).isEqualTo(SqliteSchema.CURRENT_VERSION);
      }
      try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
        assertThat(mode.getString(1)).isEqualToIgnoringCase("wal");
      }
      try (ResultSet json = statement.executeQuery("SELECT json FROM tables")) {
        assertThat(json.getString(1)).contains("\"StorageDescriptor\"", "\"PartitionKeys\"", "\"Columns\"",
            "\"Name\":\"events\"", "\"TableType\":\"EXTERNAL_TABLE\"", "\"CreateTime\":\"");
      }
      try (ResultSet json = statement.executeQuery("SELECT json FROM partitions")) {
        assertThat(json.getString(1)).contains("\"Values\":[\"2024-01-31\"]", "\"Location\":\"/data/events/2024-01-31\"");
      }
    }
  }

  @Test
  void readersSeeCommittedStateWhileAWriteTransactionIsOpen() throws Exception {
    store.createDatabase(Database.named("db"), false);
    Table t = table("db", "t", List.of(Column.of("n", "int")));
    store.createTable(t, false);
    CountDownLatch insideTransaction = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    store.beforeCommit = () -> {
      insideTransaction.countDown();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    List<Partition> many = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      many.add(partition(t, List.of(Integer.toString(i))));
    }
    CompletableFuture<Integer> writer = CompletableFuture.supplyAsync(() -> store.addPartitions("db", "t", many, false));
    assertThat(insideTransaction.await(30, TimeUnit.SECONDS)).isTrue();

    // The write holds its transaction open; readers on other threads are not blocked and see the old state.
    CompletableFuture<Long> reader = CompletableFuture.supplyAsync(() -> store.countPartitions("db", "t"));
    assertThat(reader.get(10, TimeUnit.SECONDS)).isZero();
    assertThat(store.listTables("db")).hasSize(1);
    assertThat(writer).isNotDone();

    release.countDown();
    assertThat(writer.get(30, TimeUnit.SECONDS)).isEqualTo(500);
    store.beforeCommit = () -> {};
    assertThat(store.countPartitions("db", "t")).isEqualTo(500);
  }

  @Test
  void aFailedWriteRollsBackEverything() {
    store.createDatabase(Database.named("db"), false);
    Table t = table("db", "t", List.of(Column.of("n", "int")));
    store.createTable(t, false);
    assertThatThrownBy(() -> store.addPartitions("db", "t",
        List.of(partition(t, List.of("1")), partition(t, List.of("2")), partition(t, List.of("1"))), false))
        .isInstanceOf(CatalogException.class);
    assertThat(store.countPartitions("db", "t")).isZero();
  }

  @Test
  void aClosedStoreRefusesWork() {
    store.close();
    assertThatThrownBy(() -> store.listDatabases())
        .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(Code.STORE_FAILURE));
  }
}
