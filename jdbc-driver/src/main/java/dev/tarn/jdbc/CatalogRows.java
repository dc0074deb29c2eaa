package dev.tarn.jdbc;

import dev.tarn.catalog.model.Column;
import dev.tarn.catalog.model.Database;
import dev.tarn.catalog.model.Table;
import dev.tarn.catalog.store.CatalogStore;
import dev.tarn.engine.sql.system.SystemTables;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rows of the catalog-backed metadata result sets (schemas, tables, columns), each answered from one bulk
 * call to the {@link CatalogStore} ({@code listDatabases} or {@code listAllTables}), never one call per table,
 * so that a tool browsing a warehouse of thousands of tables costs one query to the store. The engine's own tables
 * ({@code system.*}, {@code information_schema.*}) are added from their definitions as SYSTEM TABLEs.
 */
final class CatalogRows {

  static final String EXTERNAL_TABLE = "EXTERNAL TABLE";
  static final String SYSTEM_TABLE = "SYSTEM TABLE";
  static final String TABLE = "TABLE";
  static final String VIEW = "VIEW";
  /** Ordered by name, as getTableTypes orders them. */
  static final List<String> TABLE_TYPES = List.of(EXTERNAL_TABLE, SYSTEM_TABLE, TABLE, VIEW);
  static final String PARTITION_KEY = "Partition key";

  private static final Comparator<Relation> BY_NAME = Comparator.comparing(Relation::schema)
      .thenComparing(Relation::name);

  private final CatalogStore catalog;

  CatalogRows(CatalogStore catalog) {
    this.catalog = catalog;
  }

  /** A table as metadata shows it: a catalog table or one of the engine's own. */
  private record Relation(String schema, String name, String type, String remarks, List<Column> dataColumns,
      List<Column> partitionKeys) {

    static Relation of(Table table) {
      return new Relation(table.databaseName(), table.name(), tableType(table), table.description(),
          table.storageDescriptor().columns(), table.partitionKeys());
    }

    static Relation of(SystemTables.Definition definition) {
      List<Column> columns = definition.columns().stream()
          .map(column -> Column.of(column.name(), column.type())).toList();
      return new Relation(definition.schema(), definition.name(), SYSTEM_TABLE, definition.description(), columns,
          List.of());
    }
  }

  /** TABLE_SCHEM, TABLE_CATALOG: one row per database and system schema, ordered by name. */
  List<Object[]> schemas(String catalogName, String schemaPattern) {
    List<Object[]> rows = new ArrayList<>();
    if (!matchesCatalog(catalogName)) {
      return rows;
    }
    NamePattern schemas = NamePattern.of(schemaPattern);
    Set<String> names = new TreeSet<>(SystemTables.schemas());
    for (Database database : catalog.listDatabases()) {
      names.add(database.name());
    }
    for (String name : names) {
      if (schemas.matches(name)) {
        rows.add(new Object[] {name, TarnDriver.CATALOG});
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
      // An external table is a table: BI tools that ask only for the standard TABLE and VIEW (SchemaCrawler's
      // default, many reporting tools) must still see the warehouse. Asking for EXTERNAL TABLE alone still works.
      if (wantedTypes.contains(TABLE)) {
        wantedTypes.add(EXTERNAL_TABLE);
      }
    }
    for (Relation relation : relations(schemaPattern, tablePattern)) {
      if (wantedTypes == null || wantedTypes.contains(relation.type())) {
        rows.add(new Object[] {TarnDriver.CATALOG, relation.schema(), relation.name(), relation.type(),
            relation.remarks(), null, null, null, null, null});
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
    NamePattern columns = NamePattern.of(columnPattern);
    // A catalog has few distinct type names and many columns: each name is parsed once per call.
    Map<String, SqlType> types = new HashMap<>();
    for (Relation relation : relations(schemaPattern, tablePattern)) {
      int ordinal = 1;
      for (Column column : relation.dataColumns()) {
        if (columns.matches(column.name())) {
          rows.add(columnRow(relation, column, types.computeIfAbsent(column.type(), JdbcTypes::fromCatalog), ordinal,
              column.comment()));
        }
        ordinal++;
      }
      for (Column column : relation.partitionKeys()) {
        if (columns.matches(column.name())) {
          rows.add(columnRow(relation, column, types.computeIfAbsent(column.type(), JdbcTypes::fromCatalog), ordinal,
              column.comment() != null ? column.comment() : PARTITION_KEY));
        }
        ordinal++;
      }
    }
    return rows;
  }

  /** The catalog's tables (one bulk call) and the system tables whose names match, ordered by schema and name. */
  private List<Relation> relations(String schemaPattern, String tablePattern) {
    NamePattern schemas = NamePattern.of(schemaPattern);
    NamePattern tables = NamePattern.of(tablePattern);
    List<Relation> relations = new ArrayList<>();
    for (Table table : catalog.listAllTables()) {
      // A database named like a system schema is hidden from SQL, so it is hidden here too.
      if (!SystemTables.isSystemSchema(table.databaseName()) && schemas.matches(table.databaseName())
          && tables.matches(table.name())) {
        relations.add(Relation.of(table));
      }
    }
    for (SystemTables.Definition definition : SystemTables.all()) {
      if (schemas.matches(definition.schema()) && tables.matches(definition.name())) {
        relations.add(Relation.of(definition));
      }
    }
    relations.sort(BY_NAME);
    return relations;
  }

  private static Object[] columnRow(Relation relation, Column column, SqlType type, int ordinal, String remarks) {
    return new Object[] {
        TarnDriver.CATALOG, relation.schema(), relation.name(), column.name(),
        type.jdbcType(), type.name(), JdbcTypes.columnSize(type), null, JdbcTypes.decimalDigits(type),
        JdbcTypes.radix(type),
        // Lake files give no guarantees, and a partition key is NULL in Hive's default partition.
        DatabaseMetaData.columnNullable, remarks, null,
        null, null,
        JdbcTypes.octetLength(type),
        ordinal, "YES",
        null, null, null, null,
        "NO", "NO"};
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
