package dev.tarn.engine.sql.stats;

import dev.tarn.catalog.model.Column;
import dev.tarn.catalog.types.HiveType;
import java.util.Locale;

/**
 * Combines one data column's per-file summaries into table-wide estimates. The distinct count is the sum of the
 * files' bounds, capped by the non-null count and, for integers, dates and decimals, by the number of values the
 * table-wide range can hold; it is unknown as soon as one file with values has no bound. A file without the
 * column reads it as NULL.
 */
final class DataColumnCombiner {

  private final String name;
  private final double step;
  private double nonNull;
  private double nulls;
  private Double minimum;
  private Double maximum;
  private boolean rangeKnown = true;
  private double distinctBound;
  private boolean distinctKnown = true;

  DataColumnCombiner(Column column) {
    this.name = column.name().toLowerCase(Locale.ROOT);
    this.step = step(HiveType.parse(column.type()));
  }

  String name() {
    return name;
  }

  void add(FileStatistics file) {
    FileStatistics.Column column = file.columns().get(name);
    if (column == null) {
      nulls += file.rowCount();
      return;
    }
    nonNull += column.nonNullCount();
    nulls += column.nullCount();
    if (column.nonNullCount() == 0) {
      return;
    }
    if (column.distinctBound() == null) {
      distinctKnown = false;
    } else {
      distinctBound += column.distinctBound();
    }
    if (column.minimum() == null || column.maximum() == null) {
      rangeKnown = false;
    } else {
      minimum = minimum == null ? column.minimum() : Math.min(minimum, column.minimum());
      maximum = maximum == null ? column.maximum() : Math.max(maximum, column.maximum());
    }
  }

  ColumnStatistics statistics() {
    if (nonNull == 0) {
      return new ColumnStatistics(nulls, null, null, 0.0);
    }
    boolean hasRange = rangeKnown && minimum != null;
    Double distinct = null;
    if (distinctKnown) {
      distinct = Math.min(distinctBound, nonNull);
      if (hasRange && step > 0) {
        distinct = Math.min(distinct, Math.floor((maximum - minimum) / step + 0.5) + 1);
      }
    }
    return new ColumnStatistics(nulls, hasRange ? minimum : null, hasRange ? maximum : null, distinct);
  }

  /** The smallest distance between two values of the type, or 0 when there is none (floating point, text). */
  static double step(HiveType type) {
    return switch (type.kind()) {
      case TINYINT, SMALLINT, INT, BIGINT, DATE -> 1;
      case DECIMAL -> Math.pow(10, -type.scale());
      default -> 0;
    };
  }
}
