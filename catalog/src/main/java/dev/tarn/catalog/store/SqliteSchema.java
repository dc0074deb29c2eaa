package dev.tarn.catalog.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The SQLite schema of the embedded catalog, versioned with {@code PRAGMA user_version}. Each object keeps its
 * full Glue JSON; the other columns exist only to find objects by name or by partition value with an index.
 */
final class SqliteSchema {

  /** The version this code writes; older files are migrated step by step in {@link #migrate}. */
  static final int CURRENT_VERSION = 1;

  private static final List<String> VERSION_1 = List.of(
      "CREATE TABLE databases (name TEXT PRIMARY KEY, json TEXT NOT NULL)",
      "CREATE TABLE tables (table_id INTEGER PRIMARY KEY, database_name TEXT NOT NULL REFERENCES databases(name),"
          + " name TEXT NOT NULL, json TEXT NOT NULL, UNIQUE (database_name, name))",
      // values_key is the JSON array of the values: it makes "one partition per value list" a constraint.
      "CREATE TABLE partitions (partition_id INTEGER PRIMARY KEY, table_id INTEGER NOT NULL REFERENCES tables(table_id),"
          + " values_key TEXT NOT NULL, json TEXT NOT NULL, UNIQUE (table_id, values_key))",
      // value has no declared type on purpose: no column affinity, so integral keys stay INTEGER and compare
      // numerically while string and date keys stay TEXT (ISO dates order correctly as text).
      "CREATE TABLE partition_values (partition_id INTEGER NOT NULL, key_index INTEGER NOT NULL, table_id INTEGER NOT NULL,"
          + " value, PRIMARY KEY (partition_id, key_index)) WITHOUT ROWID",
      // WITHOUT ROWID appends the primary key to this index, so filter subqueries are answered from the index alone.
      "CREATE INDEX partition_values_by_value ON partition_values (table_id, key_index, value)");

  private SqliteSchema() {}

  /** Brings the file at the connection to {@link #CURRENT_VERSION}; fails on files written by a newer Tarn. */
  static void migrate(Connection connection) throws SQLException {
    int version;
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("PRAGMA user_version")) {
      version = result.next() ? result.getInt(1) : 0;
    }
    if (version > CURRENT_VERSION) {
      throw new CatalogException(CatalogException.Code.STORE_FAILURE, null,
          "Catalog file has schema version " + version + ", newer than this Tarn's " + CURRENT_VERSION);
    }
    if (version == CURRENT_VERSION) {
      return;
    }
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      if (version < 1) {
        for (String ddl : VERSION_1) {
          statement.executeUpdate(ddl);
        }
      }
      statement.executeUpdate("PRAGMA user_version = " + CURRENT_VERSION);
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }
}
