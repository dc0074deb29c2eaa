package dev.tarn.catalog.store;

import static dev.tarn.catalog.store.SqlStatements.bind;
import static dev.tarn.catalog.store.SqlStatements.queryJson;
import static dev.tarn.catalog.store.SqlStatements.queryLongs;
import static dev.tarn.catalog.store.SqlStatements.update;

import dev.tarn.catalog.model.Column;
import dev.tarn.catalog.model.Database;
import dev.tarn.catalog.model.GlueJson;
import dev.tarn.catalog.model.Partition;
import dev.tarn.catalog.model.Table;
import dev.tarn.catalog.store.CatalogException.Code;
import dev.tarn.catalog.types.HiveType;
import dev.tarn.catalog.types.PartitionValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The embedded catalog: one SQLite file in WAL mode. Writes go through a single connection under a lock (SQLite
 * allows one writer anyway); reads borrow pooled connections and see the last committed state, so readers never
 * wait for a long write. Each read or write runs in one transaction.
 */
public final class SqliteCatalogStore implements CatalogStore {

  private static final int BUSY_TIMEOUT_MILLIS = 10_000;

  private final String url;
  private final Connection writer;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final ConcurrentLinkedDeque<Connection> idleReaders = new ConcurrentLinkedDeque<>();
  private final Set<Connection> allReaders = ConcurrentHashMap.newKeySet();
  /** A connection of its own for PRAGMA data_version, which moves only for commits made by other connections. */
  private final Connection versionReader;
  private final ReentrantLock versionLock = new ReentrantLock();
  private volatile boolean closed;
  /** Runs inside every write transaction just before it commits; tests use it to hold a transaction open. */
  volatile Runnable beforeCommit = () -> {};

  private SqliteCatalogStore(String url) throws SQLException {
    this.url = url;
    this.writer = connect(true);
    SqliteSchema.migrate(writer);
    this.versionReader = connect(false);
  }

  /** Opens (creating the parent folders and the schema if needed) the catalog stored in {@code dbFile}. */
  public static SqliteCatalogStore open(Path dbFile) {
    try {
      Path absolute = dbFile.toAbsolutePath();
      if (absolute.getParent() != null) {
        Files.createDirectories(absolute.getParent());
      }
      return new SqliteCatalogStore("jdbc:sqlite:" + absolute);
    } catch (IOException e) {
      throw new CatalogException(Code.IO_FAILURE, dbFile.toString(), "Cannot create the catalog folder", e);
    } catch (SQLException e) {
      throw new CatalogException(Code.STORE_FAILURE, dbFile.toString(), "Cannot open the catalog: " + e.getMessage(), e);
    }
  }

  private Connection connect(boolean forWriting) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    // IMMEDIATE takes the write lock at BEGIN, so two processes never deadlock upgrading read locks.
    config.setTransactionMode(forWriting ? SQLiteConfig.TransactionMode.IMMEDIATE : SQLiteConfig.TransactionMode.DEFERRED);
    return config.createConnection(url);
  }

  // ---------------------------------------------------------------- databases

  @Override
  public List<Database> listDatabases() {
    return read(c -> queryJson(c, "SELECT json FROM databases ORDER BY name", List.of(), Database.class));
  }

  @Override
  public Optional<Database> getDatabase(String name) {
    return read(c -> database(c, name));
  }

  @Override
  public boolean createDatabase(Database database, boolean ifNotExists) {
    Database stored = database.createTime() == null
        ? new Database(database.name(), database.description(), database.locationUri(), database.parameters(), Instant.now())
        : database;
    return write(c -> {
      if (database(c, stored.name()).isPresent()) {
        if (ifNotExists) {
          return false;
        }
        throw new CatalogException(Code.ALREADY_EXISTS, stored.name(), "Database already exists");
      }
      update(c, "INSERT INTO databases (name, json) VALUES (?, ?)", stored.name(), GlueJson.write(stored));
      return true;
    });
  }

  @Override
  public boolean dropDatabase(String name, boolean ifExists, boolean cascade) {
    String database = lower(name);
    return write(c -> {
      if (database(c, database).isEmpty()) {
        if (ifExists) {
          return false;
        }
        throw new CatalogException(Code.NOT_FOUND, database, "Database does not exist");
      }
      List<Long> tableIds = queryLongs(c, "SELECT table_id FROM tables WHERE database_name = ?", database);
      if (!tableIds.isEmpty() && !cascade) {
        throw new CatalogException(Code.NOT_EMPTY, database,
            "Database has " + tableIds.size() + " tables; drop them first or use CASCADE");
      }
      for (long tableId : tableIds) {
        deleteTable(c, tableId);
      }
      update(c, "DELETE FROM databases WHERE name = ?", database);
      return true;
    });
  }

  // ---------------------------------------------------------------- tables

  @Override
  public List<Table> listTables(String database) {
    return read(c -> {
      requireDatabase(c, database);
      return queryJson(c, "SELECT json FROM tables WHERE database_name = ? ORDER BY name", List.of(lower(database)),
          Table.class);
    });
  }

  @Override
  public List<Table> listAllTables() {
    return read(c -> queryJson(c, "SELECT json FROM tables ORDER BY database_name, name", List.of(), Table.class));
  }

  @Override
  public Optional<Table> getTable(String database, String table) {
    return read(c -> tableRow(c, database, table).map(TableRow::table));
  }

  @Override
  public boolean createTable(Table table, boolean ifNotExists) {
    validateKeyTypes(table);
    return write(c -> {
      requireDatabase(c, table.databaseName());
      if (tableRow(c, table.databaseName(), table.name()).isPresent()) {
        if (ifNotExists) {
          return false;
        }
        throw new CatalogException(Code.ALREADY_EXISTS, qualified(table.databaseName(), table.name()),
            "Table already exists");
      }
      update(c, "INSERT INTO tables (database_name, name, json) VALUES (?, ?, ?)", table.databaseName(), table.name(),
          GlueJson.write(table));
      return true;
    });
  }

  @Override
  public void updateTable(Table table) {
    validateKeyTypes(table);
    write(c -> {
      TableRow existing = requireTable(c, table.databaseName(), table.name());
      if (!existing.table().partitionKeys().equals(table.partitionKeys()) && countPartitions(c, existing.id()) > 0) {
        throw new CatalogException(Code.INVALID_INPUT, qualified(table.databaseName(), table.name()),
            "Cannot change the partition keys of a table that has partitions");
      }
      update(c, "UPDATE tables SET json = ? WHERE table_id = ?", GlueJson.write(table), existing.id());
      return null;
    });
  }

  @Override
  public boolean dropTable(String database, String table, boolean ifExists) {
    return write(c -> {
      Optional<TableRow> row = tableRow(c, database, table);
      if (row.isEmpty()) {
        if (ifExists) {
          return false;
        }
        throw new CatalogException(Code.NOT_FOUND, qualified(database, table), "Table does not exist");
      }
      deleteTable(c, row.get().id());
      return true;
    });
  }

  // ---------------------------------------------------------------- partitions

  @Override
  public int addPartitions(String database, String table, List<Partition> partitions, boolean ifNotExists) {
    return write(c -> {
      TableRow row = requireTable(c, database, table);
      List<Column> keys = row.table().partitionKeys();
      int added = 0;
      try (PreparedStatement insertPartition = c.prepareStatement(
              "INSERT OR IGNORE INTO partitions (table_id, values_key, json) VALUES (?, ?, ?)");
          PreparedStatement lastId = c.prepareStatement("SELECT last_insert_rowid()");
          PreparedStatement insertValue = c.prepareStatement(
              "INSERT INTO partition_values (partition_id, key_index, table_id, value) VALUES (?, ?, ?, ?)")) {
        for (Partition partition : partitions) {
          List<String> values = canonicalValues(row, partition.values());
          Partition stored = new Partition(values, row.table().databaseName(), row.table().name(),
              partition.creationTime() == null ? Instant.now() : partition.creationTime(),
              partition.storageDescriptor(), partition.parameters());
          bind(insertPartition, row.id(), GlueJson.write(values), GlueJson.write(stored));
          if (insertPartition.executeUpdate() == 0) {
            if (ifNotExists) {
              continue;
            }
            throw new CatalogException(Code.ALREADY_EXISTS, partitionName(row.table(), values), "Partition already exists");
          }
          long partitionId;
          try (ResultSet id = lastId.executeQuery()) {
            id.next();
            partitionId = id.getLong(1);
          }
          for (int k = 0; k < keys.size(); k++) {
            HiveType type = HiveType.parse(keys.get(k).type());
            bind(insertValue, partitionId, (long) k, row.id(),
                PartitionFilterSql.storedValue(type, values.get(k), keys.get(k).name()));
            insertValue.executeUpdate();
          }
          added++;
        }
      }
      return added;
    });
  }

  @Override
  public int dropPartitions(String database, String table, List<List<String>> partitionValues, boolean ifExists) {
    return write(c -> {
      TableRow row = requireTable(c, database, table);
      int dropped = 0;
      for (List<String> rawValues : partitionValues) {
        List<String> values = canonicalValues(row, rawValues);
        List<Long> ids = queryLongs(c, "SELECT partition_id FROM partitions WHERE table_id = ? AND values_key = ?",
            row.id(), GlueJson.write(values));
        if (ids.isEmpty()) {
          if (ifExists) {
            continue;
          }
          throw new CatalogException(Code.NOT_FOUND, partitionName(row.table(), values), "Partition does not exist");
        }
        update(c, "DELETE FROM partition_values WHERE partition_id = ?", ids.get(0));
        update(c, "DELETE FROM partitions WHERE partition_id = ?", ids.get(0));
        dropped++;
      }
      return dropped;
    });
  }

  @Override
  public List<Partition> listPartitions(String database, String table, PartitionFilter filter) {
    return read(c -> {
      TableRow row = requireTable(c, database, table);
      PartitionFilterSql.Condition condition = partitionCondition(row, filter);
      List<Object> parameters = new ArrayList<>();
      parameters.add(row.id());
      parameters.addAll(condition.parameters());
      List<Partition> partitions = queryJson(c, listPartitionsSql(condition), parameters, Partition.class);
      partitions.sort(valueOrder(row.table()));
      return partitions;
    });
  }

  @Override
  public long countPartitions(String database, String table) {
    return read(c -> countPartitions(c, requireTable(c, database, table).id()));
  }

  /** SQLite's {@code EXPLAIN QUERY PLAN} for {@link #listPartitions}, one plan step per line: tests pin index use. */
  String explainListPartitions(String database, String table, PartitionFilter filter) {
    return read(c -> {
      TableRow row = requireTable(c, database, table);
      PartitionFilterSql.Condition condition = partitionCondition(row, filter);
      List<Object> parameters = new ArrayList<>();
      parameters.add(row.id());
      parameters.addAll(condition.parameters());
      StringBuilder plan = new StringBuilder();
      try (PreparedStatement statement = c.prepareStatement("EXPLAIN QUERY PLAN " + listPartitionsSql(condition))) {
        bind(statement, parameters.toArray());
        try (ResultSet result = statement.executeQuery()) {
          while (result.next()) {
            plan.append(result.getString("detail")).append('\n');
          }
        }
      }
      return plan.toString();
    });
  }

  private static String listPartitionsSql(PartitionFilterSql.Condition condition) {
    // With a filter, "+" keeps SQLite from walking every partition of the table by table_id: the filter's
    // value-index lookups then drive the query and only matching partitions are read.
    String tableTerm = condition.sql().equals("1") ? "p.table_id = ?" : "+p.table_id = ?";
    return "SELECT p.json FROM partitions p WHERE " + tableTerm + " AND (" + condition.sql() + ")";
  }

  private static PartitionFilterSql.Condition partitionCondition(TableRow row, PartitionFilter filter) {
    List<HiveType> keyTypes = row.table().partitionKeys().stream().map(k -> HiveType.parse(k.type())).toList();
    return PartitionFilterSql.translate(filter == null ? PartitionFilter.ALL : filter, row.id(), keyTypes);
  }

  /** Typed order of partition values, key by key, with the null (default) partition last. */
  private static Comparator<Partition> valueOrder(Table table) {
    List<HiveType> types = table.partitionKeys().stream().map(k -> HiveType.parse(k.type())).toList();
    return (left, right) -> {
      for (int k = 0; k < types.size(); k++) {
        int order = compareValues(types.get(k), left.values().get(k), right.values().get(k));
        if (order != 0) {
          return order;
        }
      }
      return 0;
    };
  }

  private static int compareValues(HiveType type, String left, String right) {
    if (left == null || right == null) {
      return left == null ? (right == null ? 0 : 1) : -1;
    }
    return switch (type.kind()) {
      case TINYINT, SMALLINT, INT, BIGINT -> Long.compare(Long.parseLong(left), Long.parseLong(right));
      case DECIMAL, FLOAT, DOUBLE -> new java.math.BigDecimal(left).compareTo(new java.math.BigDecimal(right));
      default -> left.compareTo(right);
    };
  }

  // ---------------------------------------------------------------- changes

  /**
   * SQLite's data_version of a connection that never writes: every commit, whether by this store's writer or by
   * another process sharing the file, moves it. Costs one PRAGMA (microseconds, no disk read in WAL mode).
   */
  @Override
  public long changeToken() {
    versionLock.lock();
    try {
      ensureOpen();
      try (PreparedStatement statement = versionReader.prepareStatement("PRAGMA data_version");
          ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    } catch (SQLException e) {
      throw new CatalogException(Code.STORE_FAILURE, null, "Catalog read failed: " + e.getMessage(), e);
    } finally {
      versionLock.unlock();
    }
  }

  // ---------------------------------------------------------------- lifecycle

  @Override
  public void close() {
    writeLock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      for (Connection reader : allReaders) {
        closeQuietly(reader);
      }
      closeQuietly(writer);
      versionLock.lock();
      try {
        closeQuietly(versionReader);
      } finally {
        versionLock.unlock();
      }
    } finally {
      writeLock.unlock();
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // Closing is best effort: the file stays consistent because every write committed or rolled back.
    }
  }

  // ---------------------------------------------------------------- transactions

  @FunctionalInterface
  private interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  private <T> T read(SqlWork<T> work) {
    ensureOpen();
    Connection connection = idleReaders.pollFirst();
    try {
      if (connection == null) {
        connection = connect(false);
        allReaders.add(connection);
      }
      connection.setAutoCommit(false); // one snapshot for all statements of this read
      try {
        return work.run(connection);
      } finally {
        connection.commit();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new CatalogException(Code.STORE_FAILURE, null, "Catalog read failed: " + e.getMessage(), e);
    } finally {
      if (connection != null) {
        if (closed) {
          closeQuietly(connection);
        } else {
          idleReaders.addFirst(connection);
        }
      }
    }
  }

  private <T> T write(SqlWork<T> work) {
    writeLock.lock();
    try {
      ensureOpen();
      writer.setAutoCommit(false);
      try {
        T result = work.run(writer);
        beforeCommit.run();
        writer.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        writer.rollback();
        throw e;
      } finally {
        writer.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new CatalogException(Code.STORE_FAILURE, null, "Catalog write failed: " + e.getMessage(), e);
    } finally {
      writeLock.unlock();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new CatalogException(Code.STORE_FAILURE, null, "Catalog store is closed");
    }
  }

  // ---------------------------------------------------------------- row helpers

  private record TableRow(long id, Table table) {}

  private static Optional<Database> database(Connection c, String name) throws SQLException {
    List<Database> found = queryJson(c, "SELECT json FROM databases WHERE name = ?", List.of(lower(name)), Database.class);
    return found.stream().findFirst();
  }

  private static void requireDatabase(Connection c, String name) throws SQLException {
    if (database(c, name).isEmpty()) {
      throw new CatalogException(Code.NOT_FOUND, lower(name), "Database does not exist");
    }
  }

  private static Optional<TableRow> tableRow(Connection c, String database, String table) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(
        "SELECT table_id, json FROM tables WHERE database_name = ? AND name = ?")) {
      bind(statement, lower(database), lower(table));
      try (ResultSet result = statement.executeQuery()) {
        if (!result.next()) {
          return Optional.empty();
        }
        return Optional.of(new TableRow(result.getLong(1), GlueJson.read(result.getString(2), Table.class)));
      }
    }
  }

  private static TableRow requireTable(Connection c, String database, String table) throws SQLException {
    Optional<TableRow> row = tableRow(c, database, table);
    if (row.isEmpty()) {
      requireDatabase(c, database);
      throw new CatalogException(Code.NOT_FOUND, qualified(database, table), "Table does not exist");
    }
    return row.get();
  }

  private static void deleteTable(Connection c, long tableId) throws SQLException {
    update(c, "DELETE FROM partition_values WHERE table_id = ?", tableId);
    update(c, "DELETE FROM partitions WHERE table_id = ?", tableId);
    update(c, "DELETE FROM tables WHERE table_id = ?", tableId);
  }

  private static long countPartitions(Connection c, long tableId) throws SQLException {
    return queryLongs(c, "SELECT count(*) FROM partitions WHERE table_id = ?", tableId).get(0);
  }

  private static List<String> canonicalValues(TableRow row, List<String> values) {
    List<Column> keys = row.table().partitionKeys();
    if (values.size() != keys.size()) {
      throw new CatalogException(Code.INVALID_INPUT, qualified(row.table().databaseName(), row.table().name()),
          "Partition has " + values.size() + " values but the table has " + keys.size() + " partition keys");
    }
    List<String> canonical = new ArrayList<>(values.size());
    for (int k = 0; k < keys.size(); k++) {
      canonical.add(PartitionValues.normalize(HiveType.parse(keys.get(k).type()), values.get(k), keys.get(k).name()));
    }
    return Collections.unmodifiableList(canonical);
  }

  private static void validateKeyTypes(Table table) {
    for (Column key : table.partitionKeys()) {
      HiveType.parse(key.type()); // fails with INVALID_INPUT naming the type
    }
  }

  private static String partitionName(Table table, List<String> values) {
    return qualified(table.databaseName(), table.name()) + " "
        + PartitionValues.partitionPath(table.partitionKeys().stream().map(Column::name).toList(), values);
  }

  private static String qualified(String database, String table) {
    return lower(database) + "." + lower(table);
  }

  private static String lower(String name) {
    return name == null ? null : name.toLowerCase(Locale.ROOT);
  }
}
