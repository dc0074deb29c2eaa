package dev.tarn.engine.api.metadata;

import dev.tarn.catalog.model.Column;
import dev.tarn.catalog.model.Database;
import dev.tarn.catalog.model.Table;
import dev.tarn.catalog.store.CatalogStore;
import dev.tarn.engine.sql.system.SystemTables;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The schemas and tables every metadata surface reports (JDBC's DatabaseMetaData, Flight SQL's catalog commands,
 * {@code information_schema}), so that all of them agree: the catalog's databases and tables, answered from one
 * bulk call to the {@link CatalogStore} ({@code listDatabases} or {@code listAllTables}), never one call per table,
 * plus the engine's own tables ({@link SystemTables}) as SYSTEM TABLEs in their schemas. A catalog database named
 * like a system schema is hidden from SQL, so it is hidden here too.
 */
public final class Relations {

  /** The name of Tarn's one catalog, which holds every schema. */
  public static final String CATALOG = SystemTables.CATALOG;

  private static final Comparator<Relation> BY_NAME = Comparator.comparing(Relation::schema)
      .thenComparing(Relation::name);
  private static final Comparator<Relation> BY_TYPE_AND_NAME = Comparator.comparing(Relation::type)
      .thenComparing(BY_NAME);

  private final CatalogStore catalog;

  public Relations(CatalogStore catalog) {
    this.catalog = catalog;
  }

  /** Whether a catalog argument selects Tarn's one catalog: null (any) or its name in any case. */
  public static boolean isCatalog(String catalogName) {
    return catalogName == null || catalogName.equalsIgnoreCase(CATALOG);
  }

  /** The names of the schemas (databases and system schemas) that match {@code schemaPattern}, ordered by name. */
  public List<String> schemas(String schemaPattern) {
    NamePattern schemas = NamePattern.of(schemaPattern);
    TreeSet<String> names = new TreeSet<>(SystemTables.schemas());
    for (Database database : catalog.listDatabases()) {
      names.add(database.name());
    }
    return names.stream().filter(schemas::matches).toList();
  }

  /** Every relation, ordered by schema and name. */
  public List<Relation> all() {
    return matching(null, null);
  }

  /** The relations whose schema and name match the patterns, ordered by schema and name (as getColumns orders). */
  public List<Relation> matching(String schemaPattern, String tablePattern) {
    NamePattern schemas = NamePattern.of(schemaPattern);
    NamePattern tables = NamePattern.of(tablePattern);
    List<Relation> relations = new ArrayList<>();
    for (Table table : catalog.listAllTables()) {
      if (!SystemTables.isSystemSchema(table.databaseName()) && schemas.matches(table.databaseName())
          && tables.matches(table.name())) {
        relations.add(of(table));
      }
    }
    for (SystemTables.Definition definition : SystemTables.all()) {
      if (schemas.matches(definition.schema()) && tables.matches(definition.name())) {
        relations.add(of(definition));
      }
    }
    relations.sort(BY_NAME);
    return relations;
  }

  /**
   * The relations whose schema and name match and whose type is one of {@code types} (null or empty: any; see
   * {@link TableTypes#selection}), ordered by type, schema and name (as getTables orders).
   */
  public List<Relation> tables(String schemaPattern, String tablePattern, Collection<String> types) {
    Predicate<String> selected = TableTypes.selection(types);
    List<Relation> relations = new ArrayList<>();
    for (Relation relation : matching(schemaPattern, tablePattern)) {
      if (selected.test(relation.type())) {
        relations.add(relation);
      }
    }
    relations.sort(BY_TYPE_AND_NAME);
    return relations;
  }

  private static Relation of(Table table) {
    List<RelationColumn> columns = new ArrayList<>();
    for (Column column : table.storageDescriptor().columns()) {
      columns.add(new RelationColumn(column.name(), column.type(), column.comment(), columns.size() + 1, false));
    }
    for (Column column : table.partitionKeys()) {
      columns.add(new RelationColumn(column.name(), column.type(), column.comment(), columns.size() + 1, true));
    }
    return new Relation(table.databaseName(), table.name(), TableTypes.of(table), table.description(), columns);
  }

  private static Relation of(SystemTables.Definition definition) {
    List<RelationColumn> columns = new ArrayList<>();
    for (SystemTables.Column column : definition.columns()) {
      columns.add(new RelationColumn(column.name(), column.type(), null, columns.size() + 1, false));
    }
    return new Relation(definition.schema(), definition.name(), TableTypes.SYSTEM_TABLE, definition.description(),
        columns);
  }
}
