package dev.tarn.catalog.store;

import dev.tarn.catalog.model.Database;
import dev.tarn.catalog.model.Partition;
import dev.tarn.catalog.model.Table;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A {@link CatalogStore} that keeps the answers of its delegate's reads until the delegate's
 * {@link CatalogStore#changeToken() change token} moves, so planning a query does not read and parse the same table
 * and partition definitions from disk again (validation asks for a table several times, pruning lists its
 * partitions). Every read first asks for the token (one cheap call); a write, here or by another process sharing the
 * store, changes it and empties the cache. Answers are immutable model records and unmodifiable lists, so they are
 * shared as they are.
 *
 * <p>A read that races with a write may cache its answer under the token seen before the write; the next read sees
 * the new token and drops it, so no stale answer is ever returned after a write has committed.
 */
public final class CachingCatalogStore implements CatalogStore {

  /** More entries than this (many tables or partition filters) and the cache starts over: a bound, not an LRU. */
  private static final int MAX_ENTRIES = 4096;
  /** Partition lists longer than this are not kept: they cost memory, and reading them is not the slow part. */
  private static final int MAX_CACHED_PARTITIONS = 100_000;

  private final CatalogStore delegate;
  private final Map<Object, Object> entries = new HashMap<>();
  private long token;
  private boolean valid;

  public CachingCatalogStore(CatalogStore delegate) {
    this.delegate = delegate;
  }

  private record TableKey(String database, String table) {}

  private record TablesKey(String database) {}

  private record DatabaseKey(String database) {}

  private record PartitionsKey(String database, String table, PartitionFilter filter) {}

  private record CountKey(String database, String table) {}

  private enum Singleton { DATABASES, ALL_TABLES }

  private <T> T cached(Object key, Supplier<T> load) {
    return cached(key, load, value -> true);
  }

  /** The delegate's answer for {@code key}, from the cache while the change token stays; kept if {@code worth}. */
  @SuppressWarnings("unchecked")
  private <T> T cached(Object key, Supplier<T> load, Predicate<T> worth) {
    long current = delegate.changeToken();
    synchronized (entries) {
      if (!valid || current != token) {
        entries.clear();
        token = current;
        valid = true;
      }
      Object value = entries.get(key);
      if (value != null) {
        return (T) value;
      }
    }
    T value = load.get();
    synchronized (entries) {
      if (valid && token == current && worth.test(value)) {
        if (entries.size() >= MAX_ENTRIES) {
          entries.clear();
        }
        entries.put(key, value);
      }
    }
    return value;
  }

  /** Runs a write on the delegate, then empties the cache (also when the write failed: it may have half-happened). */
  private <T> T written(Supplier<T> write) {
    try {
      return write.get();
    } finally {
      invalidate();
    }
  }

  private void invalidate() {
    synchronized (entries) {
      entries.clear();
      valid = false;
    }
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  @Override
  public List<Database> listDatabases() {
    return cached(Singleton.DATABASES, () -> List.copyOf(delegate.listDatabases()));
  }

  @Override
  public Optional<Database> getDatabase(String name) {
    return cached(new DatabaseKey(lower(name)), () -> delegate.getDatabase(name));
  }

  @Override
  public List<Table> listTables(String database) {
    return cached(new TablesKey(lower(database)), () -> List.copyOf(delegate.listTables(database)));
  }

  @Override
  public List<Table> listAllTables() {
    return cached(Singleton.ALL_TABLES, () -> List.copyOf(delegate.listAllTables()));
  }

  @Override
  public Optional<Table> getTable(String database, String table) {
    return cached(new TableKey(lower(database), lower(table)), () -> delegate.getTable(database, table));
  }

  @Override
  public List<Partition> listPartitions(String database, String table, PartitionFilter filter) {
    PartitionsKey key = new PartitionsKey(lower(database), lower(table), filter == null ? PartitionFilter.ALL : filter);
    return cached(key, () -> List.copyOf(delegate.listPartitions(database, table, filter)),
        partitions -> partitions.size() <= MAX_CACHED_PARTITIONS);
  }

  @Override
  public long countPartitions(String database, String table) {
    return cached(new CountKey(lower(database), lower(table)), () -> delegate.countPartitions(database, table));
  }

  @Override
  public long changeToken() {
    return delegate.changeToken();
  }

  @Override
  public boolean createDatabase(Database database, boolean ifNotExists) {
    return written(() -> delegate.createDatabase(database, ifNotExists));
  }

  @Override
  public boolean dropDatabase(String name, boolean ifExists, boolean cascade) {
    return written(() -> delegate.dropDatabase(name, ifExists, cascade));
  }

  @Override
  public boolean createTable(Table table, boolean ifNotExists) {
    return written(() -> delegate.createTable(table, ifNotExists));
  }

  @Override
  public void updateTable(Table table) {
    written(() -> {
      delegate.updateTable(table);
      return null;
    });
  }

  @Override
  public boolean dropTable(String database, String table, boolean ifExists) {
    return written(() -> delegate.dropTable(database, table, ifExists));
  }

  @Override
  public int addPartitions(String database, String table, List<Partition> partitions, boolean ifNotExists) {
    return written(() -> delegate.addPartitions(database, table, partitions, ifNotExists));
  }

  @Override
  public int dropPartitions(String database, String table, List<List<String>> partitionValues, boolean ifExists) {
    return written(() -> delegate.dropPartitions(database, table, partitionValues, ifExists));
  }

  @Override
  public void close() {
    invalidate();
    delegate.close();
  }
}
