package dev.tarn.server.sql;

import dev.tarn.catalog.store.CatalogException;
import dev.tarn.catalog.store.CatalogStore;
import dev.tarn.catalog.types.HiveType;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.api.metadata.Relation;
import dev.tarn.engine.api.metadata.RelationColumn;
import dev.tarn.engine.api.metadata.Relations;
import dev.tarn.engine.api.metadata.TableTypes;
import dev.tarn.engine.sql.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.flight.sql.FlightSqlColumnMetadata;
import org.apache.arrow.flight.sql.FlightSqlProducer.Schemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetDbSchemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetTables;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Flight SQL's catalog commands answered from the engine's {@link Relations}, so that a Flight SQL client sees the
 * same catalog ({@value #CATALOG}), schemas (databases, {@code information_schema}, {@code system}), tables and
 * table types (SYSTEM TABLE included) as Tarn's own JDBC driver. Keys do not exist in Tarn: those commands answer
 * empty streams.
 */
final class MetadataStreams {

  /** The one catalog that holds Tarn's databases, as the JDBC driver names it. */
  static final String CATALOG = Relations.CATALOG;

  private final Relations relations;
  private final BufferAllocator allocator;

  MetadataStreams(CatalogStore catalog, BufferAllocator allocator) {
    this.relations = new Relations(catalog);
    this.allocator = allocator;
  }

  void catalogs(ServerStreamListener listener) {
    VectorRows.send(Schemas.GET_CATALOGS_SCHEMA, List.<Object[]>of(new Object[] {CATALOG}), listener, allocator);
  }

  void tableTypes(ServerStreamListener listener) {
    List<Object[]> rows = TableTypes.ALL.stream().map(type -> new Object[] {type}).toList();
    VectorRows.send(Schemas.GET_TABLE_TYPES_SCHEMA, rows, listener, allocator);
  }

  void schemas(CommandGetDbSchemas command, ServerStreamListener listener) {
    List<Object[]> rows = new ArrayList<>();
    if (Relations.isCatalog(command.hasCatalog() ? command.getCatalog() : null)) {
      String pattern = command.hasDbSchemaFilterPattern() ? command.getDbSchemaFilterPattern() : null;
      for (String schema : relations.schemas(pattern)) {
        rows.add(new Object[] {CATALOG, schema});
      }
    }
    VectorRows.send(Schemas.GET_SCHEMAS_SCHEMA, rows, listener, allocator);
  }

  void tables(CommandGetTables command, ServerStreamListener listener) {
    boolean includeSchema = command.getIncludeSchema();
    List<Object[]> rows = new ArrayList<>();
    if (Relations.isCatalog(command.hasCatalog() ? command.getCatalog() : null)) {
      String schemaPattern = command.hasDbSchemaFilterPattern() ? command.getDbSchemaFilterPattern() : null;
      String tablePattern = command.hasTableNameFilterPattern() ? command.getTableNameFilterPattern() : null;
      for (Relation relation : relations.tables(schemaPattern, tablePattern, command.getTableTypesList())) {
        rows.add(includeSchema
            ? new Object[] {CATALOG, relation.schema(), relation.name(), relation.type(),
                schemaOf(relation).serializeAsMessage()}
            : new Object[] {CATALOG, relation.schema(), relation.name(), relation.type()});
      }
    }
    VectorRows.send(includeSchema ? Schemas.GET_TABLES_SCHEMA : Schemas.GET_TABLES_SCHEMA_NO_SCHEMA, rows, listener,
        allocator);
  }

  /** An empty answer with the command's columns (keys: Tarn has none). */
  void empty(Schema schema, ServerStreamListener listener) {
    VectorRows.send(schema, List.of(), listener, allocator);
  }

  /**
   * The relation's columns (data columns, then partition keys) as Arrow fields of the types queries return, with
   * Flight SQL's column metadata (catalog, schema, table, type name, precision, scale, remarks), which clients turn
   * into getColumns rows. System tables' columns are declared in Hive types too, so they map the same way.
   */
  static Schema schemaOf(Relation relation) {
    List<Field> fields = new ArrayList<>();
    for (RelationColumn column : relation.columns()) {
      FlightSqlColumnMetadata.Builder metadata = new FlightSqlColumnMetadata.Builder()
          .catalogName(CATALOG).schemaName(relation.schema()).tableName(relation.name())
          .typeName(column.type().toUpperCase(Locale.ROOT)).isAutoIncrement(false).isCaseSensitive(false)
          .isReadOnly(true).isSearchable(true);
      ArrowType type = arrowType(column);
      if (type instanceof ArrowType.Decimal decimal) {
        metadata.precision(decimal.getPrecision()).scale(decimal.getScale());
      }
      if (column.comment() != null) {
        metadata.remarks(column.comment());
      }
      fields.add(new Field(column.name(), new FieldType(true, type, null, metadata.build().getMetadataMap()), null));
    }
    return new Schema(fields);
  }

  /** The Arrow type queries return for a column; NULL for a catalog type Tarn cannot read (its name says which). */
  private static ArrowType arrowType(RelationColumn column) {
    try {
      return TypeMapping.toArrowType(HiveType.parse(column.type()));
    } catch (CatalogException | TarnException unsupported) {
      return ArrowType.Null.INSTANCE;
    }
  }
}
