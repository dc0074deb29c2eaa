package dev.tarn.cli;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The names the shell completes, read from {@link DatabaseMetaData} in bulk (all databases and tables in one call
 * each, the columns of a database in one call when first needed) and kept until {@link #invalidate()}, which the
 * shell calls after DDL and {@code USE}. Metadata failures give no names rather than errors: completion must never
 * disturb typing. Names are matched case-insensitively, as Tarn resolves them.
 */
final class CompletionCatalog {

  private final Connection connection;
  private List<String> databases;
  /** Lower-cased database name to its tables. */
  private Map<String, List<String>> tables;
  /** Lower-cased database name to its tables' columns (lower-cased table name to column names, in order). */
  private final Map<String, Map<String, List<String>>> columns = new HashMap<>();
  private List<String> functions;

  CompletionCatalog(Connection connection) {
    this.connection = connection;
  }

  /** Forgets every name, so that the next completion reads the catalog again. */
  void invalidate() {
    databases = null;
    tables = null;
    columns.clear();
  }

  /** The current database, or null if the connection cannot tell. */
  String currentDatabase() {
    try {
      return connection.getSchema();
    } catch (SQLException e) {
      return null;
    }
  }

  List<String> databases() {
    if (databases == null) {
      List<String> names = new ArrayList<>();
      try (ResultSet rows = connection.getMetaData().getSchemas()) {
        while (rows.next()) {
          names.add(rows.getString("TABLE_SCHEM"));
        }
      } catch (SQLException e) {
        return List.of();
      }
      databases = names;
    }
    return databases;
  }

  /** The tables and views of {@code database} (any case), or none. */
  List<String> tables(String database) {
    if (database == null) {
      return List.of();
    }
    if (tables == null) {
      Map<String, List<String>> byDatabase = new HashMap<>();
      try (ResultSet rows = connection.getMetaData().getTables(null, null, "%", null)) {
        while (rows.next()) {
          byDatabase.computeIfAbsent(key(rows.getString("TABLE_SCHEM")), ignored -> new ArrayList<>())
              .add(rows.getString("TABLE_NAME"));
        }
      } catch (SQLException e) {
        return List.of();
      }
      tables = byDatabase;
    }
    return tables.getOrDefault(key(database), List.of());
  }

  /** The columns of {@code database.table} (any case), in table order, or none. */
  List<String> columns(String database, String table) {
    return columnsOf(database).getOrDefault(key(table), List.of());
  }

  /** Every column name of every table of {@code database}, each once, sorted. */
  List<String> allColumns(String database) {
    TreeSet<String> names = new TreeSet<>();
    columnsOf(database).values().forEach(names::addAll);
    return new ArrayList<>(names);
  }

  /** The functions the driver lists (lower case, each once), or none. */
  List<String> functions() {
    if (functions == null) {
      TreeSet<String> names = new TreeSet<>();
      try (ResultSet rows = connection.getMetaData().getFunctions(null, null, "%")) {
        while (rows.next()) {
          names.add(rows.getString("FUNCTION_NAME").toLowerCase(Locale.ROOT));
        }
      } catch (SQLException | RuntimeException e) {
        // A driver without getFunctions: complete keywords and names only.
      }
      functions = new ArrayList<>(names);
    }
    return functions;
  }

  private Map<String, List<String>> columnsOf(String database) {
    if (database == null) {
      return Map.of();
    }
    Map<String, List<String>> cached = columns.get(key(database));
    if (cached != null) {
      return cached;
    }
    Map<String, List<String>> byTable = new LinkedHashMap<>();
    try {
      DatabaseMetaData metadata = connection.getMetaData();
      try (ResultSet rows = metadata.getColumns(null, escape(database, metadata.getSearchStringEscape()), "%", "%")) {
        while (rows.next()) {
          if (rows.getString("TABLE_SCHEM").equalsIgnoreCase(database)) {
            byTable.computeIfAbsent(key(rows.getString("TABLE_NAME")), ignored -> new ArrayList<>())
                .add(rows.getString("COLUMN_NAME"));
          }
        }
      }
    } catch (SQLException e) {
      return Map.of();
    }
    columns.put(key(database), byTable);
    return byTable;
  }

  /** {@code name} as a metadata pattern matching only itself. */
  private static String escape(String name, String escape) {
    if (escape == null || escape.isEmpty()) {
      return name;
    }
    return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
  }

  private static String key(String name) {
    return name == null ? "" : name.toLowerCase(Locale.ROOT);
  }
}
