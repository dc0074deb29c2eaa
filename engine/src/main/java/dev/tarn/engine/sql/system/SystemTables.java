package dev.tarn.engine.sql.system;

import dev.tarn.catalog.types.HiveType;
import dev.tarn.engine.sql.TypeMapping;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * The engine's own tables and their columns (Hive type names, as catalog tables declare theirs). The schema is
 * called {@code system}, as in Trino; a catalog database of that name would be hidden, so DDL refuses it.
 */
public final class SystemTables {
  private SystemTables() {}

  /** The schema holding the system tables. */
  public static final String SCHEMA = "system";
  /** {@code system.queries}: the running and recent queries of the warehouse. */
  public static final String QUERIES = "queries";

  private static final Map<String, List<Column>> TABLES = new LinkedHashMap<>();

  /** One column: its name and Hive type. */
  public record Column(String name, String type) {
    public Field field() {
      return new Field(name, FieldType.nullable(TypeMapping.toArrowType(HiveType.parse(type))), null);
    }
  }

  static {
    TABLES.put(QUERIES, List.of(
        new Column("query_id", "string"), new Column("state", "string"), new Column("query", "string"),
        new Column("started", "timestamp"), new Column("ended", "timestamp"), new Column("rows", "bigint"),
        new Column("bytes_scanned", "bigint"), new Column("partitions_scanned", "bigint"),
        new Column("partitions_total", "bigint"), new Column("files_scanned", "bigint"),
        new Column("files_total", "bigint"), new Column("row_groups_scanned", "bigint"),
        new Column("row_groups_total", "bigint"), new Column("pages_skipped", "bigint"),
        new Column("elapsed_millis", "bigint"), new Column("error_code", "string"), new Column("error", "string")));
  }

  /** The names of the system tables. */
  public static List<String> names() {
    return List.copyOf(TABLES.keySet());
  }

  /** The columns of system table {@code name}, or null if there is none. */
  public static List<Column> columns(String name) {
    return TABLES.get(name);
  }

  /** The Arrow fields of system table {@code name}. */
  public static List<Field> fields(String name) {
    return TABLES.get(name).stream().map(Column::field).toList();
  }
}
