package dev.tarn.catalog.store;

import static dev.tarn.catalog.store.StoreFixtures.partition;
import static dev.tarn.catalog.store.StoreFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.catalog.model.Column;
import dev.tarn.catalog.model.Database;
import dev.tarn.catalog.model.Partition;
import dev.tarn.catalog.model.Table;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The caching store answers repeated reads without the delegate, and never returns an answer older than the last
 * committed write: its own writes, and writes of another store (another process) sharing the SQLite file.
 */
class CachingCatalogStoreTest {

  private static final Table EVENTS = table("db", "events", List.of(Column.of("day", "string")));

  @TempDir Path folder;
  private CountingStore counting;
  private CachingCatalogStore cache;
  private SqliteCatalogStore otherProcess;

  @BeforeEach
  void open() {
    Path file = folder.resolve("catalog.db");
    counting = new CountingStore(SqliteCatalogStore.open(file));
    cache = new CachingCatalogStore(counting);
    otherProcess = SqliteCatalogStore.open(file);
    cache.createDatabase(Database.named("db"), false);
  }

  @AfterEach
  void close() {
    cache.close();
    otherProcess.close();
  }

  @Test
  void repeatedReadsAreAnsweredFromTheCache() {
    cache.createTable(EVENTS, false);
    cache.addPartitions("db", "events", List.of(partition(EVENTS, List.of("2024-01-01")),
        partition(EVENTS, List.of("2024-01-02"))), false);
    for (int i = 0; i < 5; i++) {
      assertThat(cache.getTable("DB", "Events")).isPresent();
      assertThat(cache.listPartitions("db", "events", PartitionFilter.ALL)).hasSize(2);
      assertThat(cache.listPartitions("db", "events", new PartitionFilter.Compare(0, PartitionFilter.Op.EQ,
          "2024-01-02"))).extracting(Partition::values).containsExactly(List.of("2024-01-02"));
      assertThat(cache.getTable("db", "missing")).isEmpty();
    }
    assertThat(counting.reads).isEqualTo(4);
  }

  @Test
  void ownWritesAreSeenAtOnce() {
    assertThat(cache.getTable("db", "events")).isEmpty();
    cache.createTable(EVENTS, false);
    assertThat(cache.getTable("db", "events")).isPresent();
    assertThat(cache.listPartitions("db", "events", PartitionFilter.ALL)).isEmpty();
    cache.addPartitions("db", "events", List.of(partition(EVENTS, List.of("2024-01-01"))), false);
    assertThat(cache.listPartitions("db", "events", PartitionFilter.ALL)).hasSize(1);
    assertThat(cache.countPartitions("db", "events")).isEqualTo(1);
    cache.dropTable("db", "events", false);
    assertThat(cache.getTable("db", "events")).isEmpty();
    assertThat(cache.listTables("db")).isEmpty();
  }

  @Test
  void writesOfAnotherProcessAreSeenAtOnce() {
    cache.createTable(EVENTS, false);
    assertThat(cache.listPartitions("db", "events", PartitionFilter.ALL)).isEmpty();
    assertThat(cache.listDatabases()).extracting(Database::name).containsExactly("db");

    otherProcess.addPartitions("db", "events", List.of(partition(EVENTS, List.of("2024-01-01"))), false);
    otherProcess.createDatabase(Database.named("other"), false);
    Table stored = otherProcess.getTable("db", "events").orElseThrow();
    otherProcess.updateTable(stored.withParameters(java.util.Map.of("changed", "elsewhere")));

    assertThat(cache.listPartitions("db", "events", PartitionFilter.ALL)).hasSize(1);
    assertThat(cache.listDatabases()).extracting(Database::name).containsExactly("db", "other");
    assertThat(cache.getTable("db", "events").orElseThrow().parameters()).containsEntry("changed", "elsewhere");
  }

  /** Counts the reads that reach the store. */
  private static final class CountingStore implements CatalogStore {
    private final CatalogStore delegate;
    int reads;

    CountingStore(CatalogStore delegate) {
      this.delegate = delegate;
    }

    @Override public List<Database> listDatabases() { reads++; return delegate.listDatabases(); }
    @Override public java.util.Optional<Database> getDatabase(String name) { reads++; return delegate.getDatabase(name); }
    @Override public boolean createDatabase(Database database, boolean ifNotExists) { return delegate.createDatabase(database, ifNotExists); }
    @Override public boolean dropDatabase(String name, boolean ifExists, boolean cascade) { return delegate.dropDatabase(name, ifExists, cascade); }
    @Override public List<Table> listTables(String database) { reads++; return delegate.listTables(database); }
    @Override public List<Table> listAllTables() { reads++; return delegate.listAllTables(); }
    @Override public java.util.Optional<Table> getTable(String database, String table) { reads++; return delegate.getTable(database, table); }
    @Override public boolean createTable(Table table, boolean ifNotExists) { return delegate.createTable(table, ifNotExists); }
    @Override public void updateTable(Table table) { delegate.updateTable(table); }
    @Override public boolean dropTable(String database, String table, boolean ifExists) { return delegate.dropTable(database, table, ifExists); }
    @Override public int addPartitions(String database, String table, List<Partition> partitions, boolean ifNotExists) { return delegate.addPartitions(database, table, partitions, ifNotExists); }
    @Override public int dropPartitions(String database, String table, List<List<String>> values, boolean ifExists) { return delegate.dropPartitions(database, table, values, ifExists); }
    @Override public List<Partition> listPartitions(String database, String table, PartitionFilter filter) { reads++; return delegate.listPartitions(database, table, filter); }
    @Override public long countPartitions(String database, String table) { reads++; return delegate.countPartitions(database, table); }
    @Override public long changeToken() { return delegate.changeToken(); }
    @Override public void close() { delegate.close(); }
  }
}
