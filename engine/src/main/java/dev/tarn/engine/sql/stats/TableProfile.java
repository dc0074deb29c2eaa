package dev.tarn.engine.sql.stats;

import java.util.Locale;
import java.util.Map;

/**
 * A table's row count and per-column estimates, as the optimizer sees them. Columns are keyed by lower-cased
 * name; a column absent from the map has no statistics.
 */
public record TableProfile(double rowCount, Map<String, ColumnStatistics> columns) {

  public TableProfile {
    columns = Map.copyOf(columns);
  }

  /** The statistics of column {@code name}, or null when none are known. */
  public ColumnStatistics column(String name) {
    return columns.get(name.toLowerCase(Locale.ROOT));
  }
}
