package dev.tarn.engine.sql.partition;

import dev.tarn.catalog.model.Database;
import dev.tarn.catalog.model.Partition;
import dev.tarn.catalog.model.Table;
import dev.tarn.catalog.store.CatalogStore;
import dev.tarn.catalog.store.PartitionFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A real catalog store that also records the partition filters it is asked to evaluate (a fake, not a mock). */
final class RecordingCatalogStore implements CatalogStore {
  private final CatalogStore delegate;
  final List<PartitionFilter> filters = new ArrayList<>();

  RecordingCatalogStore(CatalogStore delegate) {
    this.delegate = delegate;
  }

  @Override public List<Database> listDatabases() { return delegate.listDatabases(); }
  @Override public Optional<Database> getDatabase(String name) { return delegate.getDatabase(name); }
  @Override public boolean createDatabase(Database database, boolean ifNotExists) { return delegate.createDatabase(database, ifNotExists); }
  @Override public boolean dropDatabase(String name, boolean ifExists, boolean cascade) { return delegate.dropDatabase(name, ifExists, cascade); }
  @Override public List<Table> listTables(String database) { return delegate.listTables(database); }
  @Override public List<Table> listAllTables() { return delegate.listAllTables(); }
  @Override public Optional<Table> getTable(String database, String table) { return delegate.getTable(database, table); }
  @Override public boolean createTable(Table table, boolean ifNotExists) { return delegate.createTable(table, ifNotExists); }
  @Override public void updateTable(Table table) { delegate.updateTable(table); }
  @Override public boolean dropTable(String database, String table, boolean ifExists) { return delegate.dropTable(database, table, ifExists); }
  @Override public int addPartitions(String database, String table, List<Partition> partitions, boolean ifNotExists) { return delegate.addPartitions(database, table, partitions, ifNotExists); }
  @Override public int dropPartitions(String database, String table, List<List<String>> values, boolean ifExists) { return delegate.dropPartitions(database, table, values, ifExists); }
  @Override public long countPartitions(String database, String table) { return delegate.countPartitions(database, table); }
  @Override public long changeToken() { return delegate.changeToken(); }
  @Override public void close() { delegate.close(); }

  @Override
  public List<Partition> listPartitions(String database, String table, PartitionFilter filter) {
    filters.add(filter);
    return delegate.listPartitions(database, table, filter);
  }
}
