package dev.tarn.engine.api;

import dev.tarn.catalog.model.Column;
import dev.tarn.catalog.model.Database;
import dev.tarn.catalog.model.Table;
import dev.tarn.catalog.store.CatalogStore;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.sql.system.SystemTables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The contents of {@code information_schema} (schemata, tables, columns, views), with the column names and
 * values Trino and Athena give them, built column by column into Arrow vectors from one bulk call to the catalog
 * ({@code listDatabases} or {@code listAllTables}) plus the engine's own tables. Filters, joins and sorts over
 * them are Tarn's ordinary operators. Partition keys follow the data columns, marked {@code partition key} in
 * {@code extra_info} as Athena marks them. Rows are ordered by schema, table and ordinal position.
 */
final class InformationSchema {

  static final String BASE_TABLE = "BASE TABLE";
  static final String VIEW = "VIEW";
  static final String PARTITION_KEY = "partition key";

  private final CatalogStore catalog;

  InformationSchema(CatalogStore catalog) {
    this.catalog = catalog;
  }

  /** The contents of {@code information_schema.<table>} as one batch of {@code fields}. */
  Batch read(String table, List<Field> fields, BufferAllocator allocator) {
    return switch (table) {
      case SystemTables.SCHEMATA -> schemata(fields, allocator);
      case SystemTables.TABLES -> tables(fields, allocator);
      case SystemTables.COLUMNS -> columns(fields, allocator);
      case SystemTables.VIEWS -> views(fields, allocator);
      default -> throw TarnException.notSupported("system table information_schema." + table);
    };
  }

  /** A table or view as information_schema shows it: a catalog table or one of the engine's own. */
  private record Relation(String schema, String name, boolean view, String comment, List<Column> dataColumns,
      List<Column> partitionKeys) {

    int columnCount() {
      return dataColumns.size() + partitionKeys.size();
    }
  }

  private Batch schemata(List<Field> fields, BufferAllocator allocator) {
    List<String> schemas = new ArrayList<>(SystemTables.schemas());
    for (Database database : catalog.listDatabases()) {
      if (!SystemTables.isSystemSchema(database.name())) {
        schemas.add(database.name());
      }
    }
    schemas.sort(Comparator.naturalOrder());
    try (SystemTableBuilder builder = new SystemTableBuilder(fields, schemas.size(), allocator)) {
      for (int row = 0; row < schemas.size(); row++) {
        builder.set(0, row, SystemTables.CATALOG);
        builder.set(1, row, schemas.get(row));
      }
      return builder.build(schemas.size());
    }
  }

  private Batch tables(List<Field> fields, BufferAllocator allocator) {
    List<Relation> relations = relations();
    try (SystemTableBuilder builder = new SystemTableBuilder(fields, relations.size(), allocator)) {
      for (int row = 0; row < relations.size(); row++) {
        Relation relation = relations.get(row);
        setName(builder, row, relation);
        builder.set(3, row, relation.view() ? VIEW : BASE_TABLE);
        builder.set(4, row, relation.comment());
      }
      return builder.build(relations.size());
    }
  }

  private Batch columns(List<Field> fields, BufferAllocator allocator) {
    List<Relation> relations = relations();
    int rows = relations.stream().mapToInt(Relation::columnCount).sum();
    try (SystemTableBuilder builder = new SystemTableBuilder(fields, rows, allocator)) {
      int row = 0;
      for (Relation relation : relations) {
        long ordinal = 1;
        for (Column column : relation.dataColumns()) {
          setColumn(builder, row++, relation, column, ordinal++, null);
        }
        for (Column column : relation.partitionKeys()) {
          setColumn(builder, row++, relation, column, ordinal++, PARTITION_KEY);
        }
      }
      return builder.build(rows);
    }
  }

  private Batch views(List<Field> fields, BufferAllocator allocator) {
    List<Relation> views = relations().stream().filter(Relation::view).toList();
    try (SystemTableBuilder builder = new SystemTableBuilder(fields, views.size(), allocator)) {
      for (int row = 0; row < views.size(); row++) {
        setName(builder, row, views.get(row));
        // The catalog keeps no view text yet (Tarn's DDL cannot create views); NULL rather than an invented one.
        builder.set(3, row, null);
      }
      return builder.build(views.size());
    }
  }

  private static void setName(SystemTableBuilder builder, int row, Relation relation) {
    builder.set(0, row, SystemTables.CATALOG);
    builder.set(1, row, relation.schema());
    builder.set(2, row, relation.name());
  }

  private static void setColumn(SystemTableBuilder builder, int row, Relation relation, Column column, long ordinal,
      String extraInfo) {
    setName(builder, row, relation);
    builder.set(3, row, column.name());
    builder.set(4, row, ordinal);
    builder.set(5, row, null);
    builder.set(6, row, "YES");
    builder.set(7, row, SqlTypeNames.of(column.type()));
    builder.set(8, row, column.comment());
    builder.set(9, row, extraInfo);
  }

  /** Every catalog table (one bulk call) and every system table, ordered by schema and name. */
  private List<Relation> relations() {
    List<Relation> relations = new ArrayList<>();
    for (Table table : catalog.listAllTables()) {
      if (!SystemTables.isSystemSchema(table.databaseName())) {
        relations.add(new Relation(table.databaseName(), table.name(), Table.VIRTUAL_VIEW.equals(table.tableType()),
            table.description(), table.storageDescriptor().columns(), table.partitionKeys()));
      }
    }
    for (SystemTables.Definition definition : SystemTables.all()) {
      List<Column> columns = definition.columns().stream()
          .map(column -> Column.of(column.name(), column.type())).toList();
      relations.add(new Relation(definition.schema(), definition.name(), false, definition.description(), columns,
          List.of()));
    }
    relations.sort(Comparator.comparing(Relation::schema).thenComparing(Relation::name));
    return relations;
  }
}
