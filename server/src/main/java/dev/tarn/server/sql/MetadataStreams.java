package dev.tarn.server.sql;

import dev.tarn.catalog.model.Column;
import dev.tarn.catalog.model.Database;
import dev.tarn.catalog.model.Table;
import dev.tarn.catalog.store.CatalogException;
import dev.tarn.catalog.store.CatalogStore;
import dev.tarn.catalog.types.HiveType;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.sql.TypeMapping;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
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
 * Flight SQL's catalog commands answered from the catalog store in bulk (one {@code listAllTables} per request),
 * with the same catalog ({@value #CATALOG}), schemas (databases) and table types as the JDBC driver's embedded
 * metadata. Keys do not exist in Tarn: those commands answer empty streams.
 */
final class MetadataStreams {

  /** The one catalog that holds Tarn's databases, as the JDBC driver names it. */
  static final String CATALOG = "tarn";
  static final List<String> TABLE_TYPES = List.of("EXTERNAL TABLE", "TABLE", "VIEW");

  private final CatalogStore catalog;
  private final BufferAllocator allocator;

  MetadataStreams(CatalogStore catalog, BufferAllocator allocator) {
    this.catalog = catalog;
    this.allocator = allocator;
  }

  void catalogs(ServerStreamListener listener) {
    VectorRows.send(Schemas.GET_CATALOGS_SCHEMA, List.<Object[]>of(new Object[] {CATALOG}), listener, allocator);
  }

  void tableTypes(ServerStreamListener listener) {
    List<Object[]> rows = TABLE_TYPES.stream().map(type -> new Object[] {type}).toList();
    VectorRows.send(Schemas.GET_TABLE_TYPES_SCHEMA, rows, listener, allocator);
  }

  void schemas(CommandGetDbSchemas command, ServerStreamListener listener) {
    List<Object[]> rows = new ArrayList<>();
    if (matchesCatalog(command.hasCatalog() ? command.getCatalog() : null)) {
      NamePattern schemas = NamePattern.of(command.hasDbSchemaFilterPattern() ? command.getDbSchemaFilterPattern()
          : null);
      for (Database database : catalog.listDatabases()) {
        if (schemas.matches(database.name())) {
          rows.add(new Object[] {CATALOG, database.name()});
        }
      }
    }
    VectorRows.send(Schemas.GET_SCHEMAS_SCHEMA, rows, listener, allocator);
  }

  void tables(CommandGetTables command, ServerStreamListener listener) {
    boolean includeSchema = command.getIncludeSchema();
    List<Object[]> rows = new ArrayList<>();
    if (matchesCatalog(command.hasCatalog() ? command.getCatalog() : null)) {
      NamePattern schemas = NamePattern.of(command.hasDbSchemaFilterPattern() ? command.getDbSchemaFilterPattern()
          : null);
      NamePattern tables = NamePattern.of(command.hasTableNameFilterPattern() ? command.getTableNameFilterPattern()
          : null);
      Set<String> types = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
      types.addAll(command.getTableTypesList());
      for (Table table : catalog.listAllTables()) {
        String type = tableType(table);
        if (schemas.matches(table.databaseName()) && tables.matches(table.name())
            && (types.isEmpty() || types.contains(type))) {
          rows.add(includeSchema
              ? new Object[] {CATALOG, table.databaseName(), table.name(), type, schemaOf(table).serializeAsMessage()}
              : new Object[] {CATALOG, table.databaseName(), table.name(), type});
        }
      }
    }
    rows.sort(Comparator.comparing((Object[] row) -> (String) row[3])
        .thenComparing(row -> (String) row[1]).thenComparing(row -> (String) row[2]));
    VectorRows.send(includeSchema ? Schemas.GET_TABLES_SCHEMA : Schemas.GET_TABLES_SCHEMA_NO_SCHEMA, rows, listener,
        allocator);
  }

  /** An empty answer with the command's columns (keys: Tarn has none). */
  void empty(Schema schema, ServerStreamListener listener) {
    VectorRows.send(schema, List.of(), listener, allocator);
  }

  /** The JDBC table type of a Glue table type, as the embedded driver reports it. */
  static String tableType(Table table) {
    return switch (table.tableType()) {
      case Table.VIRTUAL_VIEW -> "VIEW";
      case Table.EXTERNAL_TABLE -> "EXTERNAL TABLE";
      default -> "TABLE";
    };
  }

  private static boolean matchesCatalog(String name) {
    return name == null || name.equalsIgnoreCase(CATALOG);
  }

  /**
   * The table's columns (data columns, then partition keys) as Arrow fields with Flight SQL's column metadata
   * (catalog, schema, table, type name, precision, scale), which clients turn into getColumns rows.
   */
  static Schema schemaOf(Table table) {
    List<Field> fields = new ArrayList<>();
    for (Column column : table.allColumns()) {
      FlightSqlColumnMetadata.Builder metadata = new FlightSqlColumnMetadata.Builder()
          .catalogName(CATALOG).schemaName(table.databaseName()).tableName(table.name())
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
  private static ArrowType arrowType(Column column) {
    try {
      return TypeMapping.toArrowType(HiveType.parse(column.type()));
    } catch (CatalogException | TarnException unsupported) {
      return ArrowType.Null.INSTANCE;
    }
  }
}
