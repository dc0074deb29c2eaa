package dev.tarn.engine.sql.stats;

/**
 * Estimates about one column of a table, for the optimizer: the number of nulls, the value range of a numeric or
 * date column (dates as days since the epoch, decimals as their SQL value), and the number of distinct non-null
 * values. {@code minimum}, {@code maximum} and {@code distinctCount} are null when unknown. These are estimates
 * (the distinct count is an upper bound from footer ranges), never facts a rewrite may rely on.
 */
public record ColumnStatistics(double nullCount, Double minimum, Double maximum, Double distinctCount) {

  /** Nothing known beyond the null count. */
  public static ColumnStatistics unknown(double nullCount) {
    return new ColumnStatistics(nullCount, null, null, null);
  }

  public boolean hasRange() {
    return minimum != null && maximum != null;
  }
}
