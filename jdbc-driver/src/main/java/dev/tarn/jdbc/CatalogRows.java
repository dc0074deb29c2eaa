package dev.tarn.jdbc;

import dev.tarn.catalog.model.Column;
import dev.tarn.catalog.model.Database;
import dev.tarn.catalog.model.Table;
import dev.tarn.catalog.store.CatalogException;
import dev.tarn.catalog.store.CatalogStore;
import dev.tarn.catalog.types.HiveType;
import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rows of the catalog-backed metadata result sets (schemas, tables, columns), each answered from one bulk
 * call to the {@link CatalogStore} ({@code listDatabases} or {@code listAllTables}), never one call per table,
 * so that a tool browsing a warehouse of thousands of tables costs one query to the store.
 */
final class CatalogRows {

  static final String EXTERNAL_TABLE = "EXTERNAL TABLE";
  static final String TABLE = "TABLE";
  static final String VIEW = "VIEW";
  static final List<String> TABLE_TYPES = List.of(EXTERNAL_TABLE, TABLE, VIEW);

  private final CatalogStore catalog;

  CatalogRows(CatalogStore catalog) {
    this.catalog = catalog;
  }

  /** TABLE_SCHEM, TABLE_CATALOG: one row per database, ordered by name. */
  List<Object[]> schemas(String catalogName, String schemaPattern) {
    List<Object[]> rows = new ArrayList<>();
    if (!matchesCatalog(catalogName)) {
      return rows;
    }
    NamePattern schemas = NamePattern.of(schemaPattern);
    for (Database database : catalog.listDatabases()) {
      if (schemas.matches(database.name())) {
        rows.add(new Object[] {database.name(), TarnDriver.CATALOG});
      }
    }
    return rows;
  }

  /** The ten standard columns of getTables, ordered by TABLE_TYPE, TABLE_SCHEM and TABLE_NAME. */
  List<Object[]> tables(String catalogName, String schemaPattern, String tablePattern, String[] types) {
    List<Object[]> rows = new ArrayList<>();
    if (!matchesCatalog(catalogName)) {
      return rows;
    }
    Set<String> wantedTypes = null;
    if (types != null) {
      wantedTypes = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
      wantedTypes.addAll(List.of(types));
    }
    NamePattern schemas = NamePattern.of(schemaPattern);
    NamePattern tables = NamePattern.of(tablePattern);
    for (Table table : catalog.listAllTables()) {
      String type = tableType(table);
      if (schemas.matches(table.databaseName()) && tables.matches(table.name())
          && (wantedTypes == null || wantedTypes.contains(type))) {
        rows.add(new Object[] {TarnDriver.CATALOG, table.databaseName(), table.name(), type,
            table.description(), null, null, null, null, null});
      }
    }
    rows.sort(Comparator.comparing((Object[] row) -> (String) row[3])
        .thenComparing(row -> (String) row[1]).thenComparing(row -> (String) row[2]));
    return rows;
  }

  /**
   * The 24 standard columns of getColumns: data columns, then partition keys (as SQL sees them), ordered by
   * schema, table and ordinal position.
   */
  List<Object[]> columns(String catalogName, String schemaPattern, String tablePattern, String columnPattern) {
    List<Object[]> rows = new ArrayList<>();
    if (!matchesCatalog(catalogName)) {
      return rows;
    }
    NamePattern schemas = NamePattern.of(schemaPattern);
    NamePattern tables = NamePattern.of(tablePattern);
    NamePattern columns = NamePattern.of(columnPattern);
    for (Table table : catalog.listAllTables()) {
      if (!schemas.matches(table.databaseName()) || !tables.matches(table.name())) {
        continue;
      }
      int dataColumns = table.storageDescriptor().columns().size();
      List<Column> all = table.allColumns();
      for (int index = 0; index < all.size(); index++) {
        Column column = all.get(index);
        if (columns.matches(column.name())) {
          String remarks = column.comment() != null ? column.comment() : index >= dataColumns ? "Partition key" : null;
          rows.add(columnRow(table, column, index + 1, remarks));
        }
      }
    }
    return rows;
  }

  private static Object[] columnRow(Table table, Column column, int ordinal, String remarks) {
    SqlType type = sqlTypeOf(column);
    boolean text = type.jdbcType() == Types.VARCHAR || type.jdbcType() == Types.CHAR;
    boolean hasDigits = type.jdbcType() == Types.DECIMAL || type.jdbcType() == Types.TIMESTAMP
        || type.isNumeric();
    return new Object[] {
        TarnDriver.CATALOG, table.databaseName(), table.name(), column.name(),
        type.jdbcType(), type.name(), type.precision(), null,
        hasDigits ? (Object) type.scale() : null,
        type.isNumeric() ? (Object) 10 : null,
        DatabaseMetaData.columnNullable, remarks, null,
        null, null,
        // A character may take up to 4 bytes in UTF-8.
        text ? (Object) (type.precision() == JdbcTypes.UNBOUNDED ? JdbcTypes.UNBOUNDED : type.precision() * 4) : null,
        ordinal, "YES",
        null, null, null, null,
        "NO", "NO"};
  }

  /** The JDBC type of a catalog column; a type the catalog cannot parse is reported as OTHER, not an error. */
  static SqlType sqlTypeOf(Column column) {
    try {
      return JdbcTypes.fromHive(HiveType.parse(column.type()));
    } catch (CatalogException unparseable) {
      return new SqlType(Types.OTHER, column.type().toUpperCase(Locale.ROOT), 0, 0, JdbcTypes.UNBOUNDED,
          "java.lang.Object", false);
    }
  }

  /** The JDBC table type of a Glue table type: EXTERNAL_TABLE, MANAGED_TABLE, VIRTUAL_VIEW. */
  static String tableType(Table table) {
    return switch (table.tableType()) {
      case Table.VIRTUAL_VIEW -> VIEW;
      case Table.EXTERNAL_TABLE -> EXTERNAL_TABLE;
      default -> TABLE;
    };
  }

  /** Whether a catalog argument selects Tarn's one catalog: null (any) or its name. */
  static boolean matchesCatalog(String catalogName) {
    return catalogName == null || catalogName.equalsIgnoreCase(TarnDriver.CATALOG);
  }
}
