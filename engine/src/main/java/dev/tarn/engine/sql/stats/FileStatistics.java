package dev.tarn.engine.sql.stats;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * What one Parquet file's footer says about its rows and top-level columns, summed over its row groups: null
 * counts, the value range of numeric columns (integers, dates as days, decimals as their SQL value, floating
 * point) and an upper bound on the number of distinct values. The bound of a row group is 1 when its minimum
 * equals its maximum, else, for a column whose values are spaced at least {@code step} apart (1 for integers and
 * dates, 10^-scale for decimals), {@code (max - min) / step + 1}, else unknown; the file's bound is the sum over
 * row groups capped by the file's own range and by its non-null count.
 */
record FileStatistics(long rowCount, Map<String, Column> columns) {

  static final FileStatistics EMPTY = new FileStatistics(0, Map.of());

  /**
   * One column of one file. {@code minimum}/{@code maximum} are null when unknown (or the column is not
   * numeric); {@code distinctBound} is null when no footer statistic bounds the distinct values.
   */
  record Column(long nonNullCount, long nullCount, Double minimum, Double maximum, Double distinctBound) {}

  /** Summarizes a footer; column names are lower-cased, as SQL (case-insensitively) refers to them. */
  static FileStatistics of(ParquetMetadata footer) {
    long rows = 0;
    Map<String, Accumulator> accumulators = new HashMap<>();
    for (Type field : footer.getFileMetaData().getSchema().getFields()) {
      if (field.isPrimitive()) {
        accumulators.putIfAbsent(field.getName().toLowerCase(Locale.ROOT), new Accumulator(field.asPrimitiveType()));
      }
    }
    for (BlockMetaData block : footer.getBlocks()) {
      rows += block.getRowCount();
      for (ColumnChunkMetaData chunk : block.getColumns()) {
        String[] path = chunk.getPath().toArray();
        Accumulator accumulator = path.length == 1 ? accumulators.get(path[0].toLowerCase(Locale.ROOT)) : null;
        if (accumulator != null) {
          accumulator.add(chunk);
        }
      }
    }
    Map<String, Column> columns = new HashMap<>();
    accumulators.forEach((name, accumulator) -> columns.put(name, accumulator.column()));
    return new FileStatistics(rows, Map.copyOf(columns));
  }

  /** Sums one column's row groups. */
  private static final class Accumulator {
    private final NumericDomain domain;
    private long nonNull;
    private long nulls;
    private Double minimum;
    private Double maximum;
    private boolean rangeKnown = true;
    private double distinctBound;
    private boolean distinctBoundKnown = true;

    Accumulator(PrimitiveType type) {
      this.domain = NumericDomain.of(type);
    }

    void add(ColumnChunkMetaData chunk) {
      Statistics<?> statistics = chunk.getStatistics();
      boolean nullsKnown = statistics != null && statistics.isNumNullsSet();
      long chunkNulls = nullsKnown ? statistics.getNumNulls() : 0;
      long chunkNonNull = Math.max(0, chunk.getValueCount() - chunkNulls);
      nonNull += chunkNonNull;
      nulls += chunkNulls;
      if (chunkNonNull == 0) {
        return;
      }
      boolean hasRange = statistics != null && statistics.hasNonNullValue();
      if (hasRange && statistics.genericGetMin().equals(statistics.genericGetMax())) {
        distinctBound += 1;
      } else if (hasRange && domain != null && domain.step() > 0) {
        double low = domain.value(statistics.genericGetMin());
        double high = domain.value(statistics.genericGetMax());
        distinctBound += Math.min(chunkNonNull, Math.floor((high - low) / domain.step() + 0.5) + 1);
      } else {
        distinctBoundKnown = false;
      }
      Double low = hasRange && domain != null ? domain.value(statistics.genericGetMin()) : null;
      Double high = hasRange && domain != null ? domain.value(statistics.genericGetMax()) : null;
      if (low == null || high == null || low.isNaN() || high.isNaN()) {
        rangeKnown = false;
        return;
      }
      minimum = minimum == null ? low : Math.min(minimum, low);
      maximum = maximum == null ? high : Math.max(maximum, high);
    }

    Column column() {
      boolean hasRange = rangeKnown && minimum != null;
      Double bound = null;
      if (nonNull == 0) {
        bound = 0.0;
      } else if (distinctBoundKnown) {
        bound = Math.min(distinctBound, nonNull);
        if (hasRange && domain.step() > 0) {
          bound = Math.min(bound, Math.floor((maximum - minimum) / domain.step() + 0.5) + 1);
        }
      }
      return new Column(nonNull, nulls, hasRange ? minimum : null, hasRange ? maximum : null, bound);
    }
  }

  /**
   * How a Parquet statistic maps to a SQL number: the value's scale and the smallest distance between two
   * distinct values (0 for floating point). Null for types whose statistics Tarn does not interpret.
   */
  record NumericDomain(int scale, double step) {

    static NumericDomain of(PrimitiveType type) {
      LogicalTypeAnnotation annotation = type.getLogicalTypeAnnotation();
      return switch (type.getPrimitiveTypeName()) {
        case INT32, INT64 -> {
          if (annotation == null || annotation instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
            yield new NumericDomain(0, 1);
          }
          if (annotation instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation integer && integer.isSigned()) {
            yield new NumericDomain(0, 1);
          }
          if (annotation instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal) {
            yield new NumericDomain(decimal.getScale(), BigDecimal.ONE.movePointLeft(decimal.getScale()).doubleValue());
          }
          yield null;
        }
        case FLOAT, DOUBLE -> annotation == null ? new NumericDomain(0, 0) : null;
        default -> null;
      };
    }

    /** The SQL value of a statistic of this domain (Integer, Long, Float or Double). */
    double value(Object statistic) {
      double raw = ((Number) statistic).doubleValue();
      return scale == 0 ? raw : raw / Math.pow(10, scale);
    }
  }
}
