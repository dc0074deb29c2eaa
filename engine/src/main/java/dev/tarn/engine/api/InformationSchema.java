package dev.tarn.engine.api;

import dev.tarn.catalog.store.CatalogStore;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.api.metadata.Relation;
import dev.tarn.engine.api.metadata.RelationColumn;
import dev.tarn.engine.api.metadata.Relations;
import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.sql.system.SystemTables;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The contents of {@code information_schema} (schemata, tables, columns, views), with the column names and
 * values Trino and Athena give them, built column by column into Arrow vectors from the same {@link Relations} the
 * JDBC driver and the Flight SQL server report (one bulk call to the catalog plus the engine's own tables), so SQL
 * and metadata agree. Filters, joins and sorts over them are Tarn's ordinary operators. Partition keys follow the data columns, marked {@code partition key} in
 * {@code extra_info} as Athena marks them. Rows are ordered by schema, table and ordinal position.
 */
final class InformationSchema {

  static final String BASE_TABLE = "BASE TABLE";
  static final String VIEW = "VIEW";
  static final String PARTITION_KEY = "partition key";

  private final Relations listing;

  InformationSchema(CatalogStore catalog) {
    this.listing = new Relations(catalog);
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

  private Batch schemata(List<Field> fields, BufferAllocator allocator) {
    List<String> schemas = listing.schemas(null);
    try (SystemTableBuilder builder = new SystemTableBuilder(fields, schemas.size(), allocator)) {
      for (int row = 0; row < schemas.size(); row++) {
        builder.set(0, row, SystemTables.CATALOG);
        builder.set(1, row, schemas.get(row));
      }
      return builder.build(schemas.size());
    }
  }

  private Batch tables(List<Field> fields, BufferAllocator allocator) {
    List<Relation> relations = listing.all();
    try (SystemTableBuilder builder = new SystemTableBuilder(fields, relations.size(), allocator)) {
      for (int row = 0; row < relations.size(); row++) {
        Relation relation = relations.get(row);
        setName(builder, row, relation);
        builder.set(3, row, relation.isView() ? VIEW : BASE_TABLE);
        builder.set(4, row, relation.remarks());
      }
      return builder.build(relations.size());
    }
  }

  private Batch columns(List<Field> fields, BufferAllocator allocator) {
    List<Relation> relations = listing.all();
    int rows = relations.stream().mapToInt(relation -> relation.columns().size()).sum();
    try (SystemTableBuilder builder = new SystemTableBuilder(fields, rows, allocator)) {
      int row = 0;
      for (Relation relation : relations) {
        for (RelationColumn column : relation.columns()) {
          setColumn(builder, row++, relation, column);
        }
      }
      return builder.build(rows);
    }
  }

  private Batch views(List<Field> fields, BufferAllocator allocator) {
    List<Relation> views = listing.all().stream().filter(Relation::isView).toList();
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

  private static void setColumn(SystemTableBuilder builder, int row, Relation relation, RelationColumn column) {
    setName(builder, row, relation);
    builder.set(3, row, column.name());
    builder.set(4, row, (long) column.ordinal());
    builder.set(5, row, null);
    builder.set(6, row, "YES");
    builder.set(7, row, SqlTypeNames.of(column.type()));
    builder.set(8, row, column.comment());
    builder.set(9, row, column.partitionKey() ? PARTITION_KEY : null);
  }
}
