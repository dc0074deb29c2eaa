package dev.tarn.jdbc;

import dev.tarn.catalog.model.Database;
import dev.tarn.catalog.model.Partition;
import dev.tarn.catalog.model.Table;
import dev.tarn.catalog.store.CatalogStore;
import dev.tarn.catalog.store.PartitionFilter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** An in-memory catalog that answers only the bulk calls metadata may use and counts them. */
public final class FakeCatalogStore implements CatalogStore {

  private final List<Database> databases = new ArrayList<>();
  private final List<Table> tables = new ArrayList<>();
  private long changeTokens;
  int listAllTablesCalls;
  int listDatabasesCalls;

  public FakeCatalogStore add(Database database) {
    databases.add(database);
    databases.sort(Comparator.comparing(Database::name));
    return this;
  }

  public FakeCatalogStore add(Table table) {
    tables.add(table);
    tables.sort(Comparator.comparing(Table::databaseName).thenComparing(Table::name));
    return this;
  }

  @Override
  public List<Database> listDatabases() {
    listDatabasesCalls++;
    return List.copyOf(databases);
  }

  @Override
  public List<Table> listAllTables() {
    listAllTablesCalls++;
    return List.copyOf(tables);
  }

  private static UnsupportedOperationException perObjectCall() {
    return new UnsupportedOperationException("metadata must use the bulk calls");
  }

  @Override public Optional<Database> getDatabase(String name) { throw perObjectCall(); }
  @Override public boolean createDatabase(Database database, boolean ifNotExists) { throw perObjectCall(); }
  @Override public boolean dropDatabase(String name, boolean ifExists, boolean cascade) { throw perObjectCall(); }
  @Override public List<Table> listTables(String database) { throw perObjectCall(); }
  @Override public Optional<Table> getTable(String database, String table) { throw perObjectCall(); }
  @Override public boolean createTable(Table table, boolean ifNotExists) { throw perObjectCall(); }
  @Override public void updateTable(Table table) { throw perObjectCall(); }
  @Override public boolean dropTable(String database, String table, boolean ifExists) { throw perObjectCall(); }
  @Override public int addPartitions(String database, String table, List<Partition> partitions, boolean ifNotExists) { throw perObjectCall(); }
  @Override public int dropPartitions(String database, String table, List<List<String>> values, boolean ifExists) { throw perObjectCall(); }
  @Override public List<Partition> listPartitions(String database, String table, PartitionFilter filter) { throw perObjectCall(); }
  @Override public long countPartitions(String database, String table) { throw perObjectCall(); }
  /** Never the same twice: no caching layer may hide a call from the counts. */
  @Override public long changeToken() { return ++changeTokens; }
  @Override public void close() { }
}
