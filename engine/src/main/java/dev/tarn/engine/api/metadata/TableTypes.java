package dev.tarn.engine.api.metadata;

import dev.tarn.catalog.model.Table;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The table types metadata reports (JDBC's TABLE_TYPE, Flight SQL's table_type): a Glue table's type mapped to
 * EXTERNAL TABLE, TABLE or VIEW, and SYSTEM TABLE for the engine's own tables.
 */
public final class TableTypes {
  private TableTypes() {}

  public static final String EXTERNAL_TABLE = "EXTERNAL TABLE";
  public static final String SYSTEM_TABLE = "SYSTEM TABLE";
  public static final String TABLE = "TABLE";
  public static final String VIEW = "VIEW";
  /** Every type, ordered by name, as getTableTypes and GetTableTypes list them. */
  public static final List<String> ALL = List.of(EXTERNAL_TABLE, SYSTEM_TABLE, TABLE, VIEW);

  /** The type of a Glue table: EXTERNAL_TABLE, VIRTUAL_VIEW, or anything else (MANAGED_TABLE) a TABLE. */
  public static String of(Table table) {
    return switch (table.tableType()) {
      case Table.VIRTUAL_VIEW -> VIEW;
      case Table.EXTERNAL_TABLE -> EXTERNAL_TABLE;
      default -> TABLE;
    };
  }

  /**
   * Which types a request for {@code requested} (any case; null or empty: every type) selects. An external table
   * is a table: BI tools that ask only for the standard TABLE and VIEW (SchemaCrawler's default, many reporting
   * tools) must still see the warehouse. Asking for EXTERNAL TABLE alone still gives only external tables.
   */
  public static Predicate<String> selection(Collection<String> requested) {
    if (requested == null || requested.isEmpty()) {
      return type -> true;
    }
    Set<String> wanted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    wanted.addAll(requested);
    if (wanted.contains(TABLE)) {
      wanted.add(EXTERNAL_TABLE);
    }
    return wanted::contains;
  }
}
