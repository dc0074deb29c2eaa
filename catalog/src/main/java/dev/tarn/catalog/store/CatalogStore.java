package dev.tarn.catalog.store;

import dev.tarn.catalog.model.Database;
import dev.tarn.catalog.model.Partition;
import dev.tarn.catalog.model.Table;
import java.util.List;
import java.util.Optional;

/**
 * Persistent, transactional storage of databases, tables and partitions. Implementations: the embedded
 * {@code SqliteCatalogStore}; a shared store (PostgreSQL) can follow behind the same contract.
 * Names are compared in lower case. Every method is atomic and safe to call from many threads.
 * Failures are {@link CatalogException}s with an error code and the object they concern.
 */
public interface CatalogStore extends AutoCloseable {

  /** All databases, ordered by name. */
  List<Database> listDatabases();

  /** The database, if it exists. */
  Optional<Database> getDatabase(String name);

  /** Creates the database; fails with ALREADY_EXISTS unless {@code ifNotExists}. Returns whether it was created. */
  boolean createDatabase(Database database, boolean ifNotExists);

  /** Drops an empty database (or, with {@code cascade}, it and its tables); fails with NOT_FOUND unless {@code ifExists}. */
  boolean dropDatabase(String name, boolean ifExists, boolean cascade);

  /** The tables of a database, ordered by name; fails with NOT_FOUND if the database does not exist. */
  List<Table> listTables(String database);

  /** All tables of all databases, ordered by database and name: one call for bulk metadata. */
  List<Table> listAllTables();

  /** The table, if it exists. */
  Optional<Table> getTable(String database, String table);

  /** Creates the table; fails with ALREADY_EXISTS unless {@code ifNotExists}. Returns whether it was created. */
  boolean createTable(Table table, boolean ifNotExists);

  /** Replaces the definition of an existing table (columns, parameters, location), keeping its partitions. */
  void updateTable(Table table);

  /** Drops the table and its partitions (never the data); fails with NOT_FOUND unless {@code ifExists}. */
  boolean dropTable(String database, String table, boolean ifExists);

  /**
   * Adds partitions in one transaction. Partitions whose values already exist are skipped when
   * {@code ifNotExists}, otherwise the whole call fails with ALREADY_EXISTS. Returns the number added.
   */
  int addPartitions(String database, String table, List<Partition> partitions, boolean ifNotExists);

  /** Drops the partitions with these value lists; returns the number dropped. Fails with NOT_FOUND unless {@code ifExists}. */
  int dropPartitions(String database, String table, List<List<String>> partitionValues, boolean ifExists);

  /**
   * The partitions of a table that may satisfy {@code filter}, ordered by their values. The filter is evaluated
   * by the store (indexed), so a selective filter does not load every partition. The result is a superset-free
   * answer for the conditions the filter holds: every returned partition satisfies it.
   */
  List<Partition> listPartitions(String database, String table, PartitionFilter filter);

  /** The number of partitions of a table. */
  long countPartitions(String database, String table);

  /**
   * A value that differs from every earlier answer once a write has been committed to the store, by this process or
   * another; equal answers mean nothing changed in between. {@link CachingCatalogStore} trusts what it holds only
   * while this stays the same. A store that cannot tell returns a new value on every call, which disables caching.
   */
  long changeToken();

  @Override
  void close();
}
