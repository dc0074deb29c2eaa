package dev.tarn.engine.sql.system;

import dev.tarn.catalog.types.HiveType;
import dev.tarn.engine.sql.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * The engine's own tables and their columns (Hive type names, as catalog tables declare theirs), in two schemas:
 * {@code system} (the engine's state, as in Trino) and {@code information_schema} (the catalog, with Trino's and
 * Athena's column names). A catalog database of either name would be hidden, so DDL refuses both. JDBC metadata
 * lists these tables as SYSTEM TABLEs from this one definition.
 */
public final class SystemTables {
  private SystemTables() {}

  /** The name of Tarn's one catalog, as {@code information_schema} and JDBC report it. */
  public static final String CATALOG = "tarn";
  /** The schema holding the engine's tables. */
  public static final String SCHEMA = "system";
  /** {@code system.queries}: the running and recent queries of the warehouse. */
  public static final String QUERIES = "queries";
  /** The schema describing the catalog in SQL. */
  public static final String INFORMATION_SCHEMA = "information_schema";
  public static final String SCHEMATA = "schemata";
  public static final String TABLES = "tables";
  public static final String COLUMNS = "columns";
  public static final String VIEWS = "views";

  /** One column: its name and Hive type. */
  public record Column(String name, String type) {
    public Field field() {
      return new Field(name, FieldType.nullable(TypeMapping.toArrowType(HiveType.parse(type))), null);
    }
  }

  /** One system table: where it lives, its columns in order, and what it holds. */
  public record Definition(String schema, String name, List<Column> columns, String description) {
    public Definition {
      columns = List.copyOf(columns);
    }

    /** {@code schema.name}, as plan nodes and system table sources name the table. */
    public String qualifiedName() {
      return schema + "." + name;
    }

    /** The Arrow fields of the columns, in order. */
    public List<Field> fields() {
      return columns.stream().map(Column::field).toList();
    }
  }

  private static final List<Definition> DEFINITIONS = List.of(
      new Definition(SCHEMA, QUERIES, List.of(
          new Column("query_id", "string"), new Column("state", "string"), new Column("query", "string"),
          new Column("started", "timestamp"), new Column("ended", "timestamp"), new Column("rows", "bigint"),
          new Column("bytes_scanned", "bigint"), new Column("partitions_scanned", "bigint"),
          new Column("partitions_total", "bigint"), new Column("files_scanned", "bigint"),
          new Column("files_total", "bigint"), new Column("row_groups_scanned", "bigint"),
          new Column("row_groups_total", "bigint"), new Column("pages_skipped", "bigint"),
          new Column("elapsed_millis", "bigint"), new Column("error_code", "string"), new Column("error", "string")),
          "The running and recent queries of the warehouse"),
      new Definition(INFORMATION_SCHEMA, COLUMNS, List.of(
          new Column("table_catalog", "string"), new Column("table_schema", "string"),
          new Column("table_name", "string"), new Column("column_name", "string"),
          new Column("ordinal_position", "bigint"), new Column("column_default", "string"),
          new Column("is_nullable", "string"), new Column("data_type", "string"), new Column("comment", "string"),
          new Column("extra_info", "string")),
          "The columns of every table, partition keys last"),
      new Definition(INFORMATION_SCHEMA, SCHEMATA, List.of(
          new Column("catalog_name", "string"), new Column("schema_name", "string")),
          "The schemas (databases) of the catalog"),
      new Definition(INFORMATION_SCHEMA, TABLES, List.of(
          new Column("table_catalog", "string"), new Column("table_schema", "string"),
          new Column("table_name", "string"), new Column("table_type", "string"),
          new Column("table_comment", "string")),
          "The tables and views of every schema"),
      new Definition(INFORMATION_SCHEMA, VIEWS, List.of(
          new Column("table_catalog", "string"), new Column("table_schema", "string"),
          new Column("table_name", "string"), new Column("view_definition", "string")),
          "The views of every schema, with their SQL"));

  /** Every system table, ordered by schema and name. */
  public static List<Definition> all() {
    return DEFINITIONS;
  }

  /** The schemas that hold system tables, ordered by name. */
  public static List<String> schemas() {
    return List.of(INFORMATION_SCHEMA, SCHEMA);
  }

  /** Whether {@code name} (any case) is a schema of system tables, which no catalog database may take. */
  public static boolean isSystemSchema(String name) {
    return schemas().contains(name.toLowerCase(Locale.ROOT));
  }

  /** The system tables of {@code schema}, ordered by name. */
  public static List<Definition> inSchema(String schema) {
    List<Definition> tables = new ArrayList<>();
    for (Definition definition : DEFINITIONS) {
      if (definition.schema().equals(schema)) {
        tables.add(definition);
      }
    }
    return tables;
  }

  /** The system table of a qualified name ({@code system.queries}), if there is one. */
  public static Optional<Definition> find(String qualifiedName) {
    return DEFINITIONS.stream().filter(definition -> definition.qualifiedName().equals(qualifiedName)).findFirst();
  }
}
