package dev.tarn.engine.parquet.predicate;

import java.util.List;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Stage 2: whether a column chunk's min/max/null-count statistics (or one page's, from the column index) allow a
 * value in a domain. Only parquet-java's trusted min_value/max_value reach here: its footer converter drops the
 * deprecated min/max whenever the column's sort order is not signed (strings, binary) or the writer is known to
 * have written them wrong. Text maxima may be truncated, so they bound only up to their prefix successor.
 */
public final class StatisticsFilter {

  private StatisticsFilter() {}

  /** Whether the chunk may hold a row satisfying {@code domain}; true whenever the statistics cannot tell. */
  public static boolean mayMatch(ColumnChunkMetaData chunk, PrimitiveType type, ColumnDomain domain) {
    Statistics<?> statistics = chunk.getStatistics();
    if (statistics == null || statistics.isEmpty()) {
      return !domain.isNone();
    }
    boolean nullsKnown = statistics.isNumNullsSet();
    if (nullsKnown && statistics.getNumNulls() == chunk.getValueCount()) {
      return domain.nullAllowed();
    }
    if (domain.nullAllowed() && (!nullsKnown || statistics.getNumNulls() > 0)) {
      return true;
    }
    if (!statistics.hasNonNullValue()) {
      return !domain.isNone();
    }
    return boundsMayMatch(type, statistics.getMinBytes(), statistics.getMaxBytes(), domain);
  }

  /** Whether some non-null value within the PLAIN-encoded bounds {@code [min, max]} of {@code type} is admitted. */
  public static boolean boundsMayMatch(PrimitiveType type, byte[] minBytes, byte[] maxBytes, ColumnDomain domain) {
    if (domain.ranges().isEmpty()) {
      return false;
    }
    Comparable<Object> min = DomainValues.fromPlain(type, minBytes);
    Comparable<Object> max = DomainValues.fromPlain(type, maxBytes);
    if (min == null || max == null || !comparableWith(min, domain.ranges())) {
      return true;
    }
    boolean maxExclusive = false;
    if ((Object) max instanceof ByteKey) {
      // A writer may store a shorter max; every value it stood for starts with it, so the prefix successor bounds them.
      max = successor(max);
      maxExclusive = true;
    }
    return domain.overlaps(min, max, maxExclusive);
  }

  /**
   * Whether the statistics show that {@code domain} admits every non-null value of the chunk: then no dictionary
   * or bloom filter can rule the chunk out, and reading them would be wasted bytes.
   */
  public static boolean admitsEveryValue(ColumnChunkMetaData chunk, PrimitiveType type, ColumnDomain domain) {
    Statistics<?> statistics = chunk.getStatistics();
    if (statistics == null || statistics.isEmpty() || !statistics.hasNonNullValue()) {
      return false;
    }
    Comparable<Object> min = DomainValues.fromPlain(type, statistics.getMinBytes());
    Comparable<Object> max = DomainValues.fromPlain(type, statistics.getMaxBytes());
    if (min == null || max == null || !comparableWith(min, domain.ranges())) {
      return false;
    }
    boolean maxExclusive = false;
    if ((Object) max instanceof ByteKey) {
      max = successor(max);
      maxExclusive = true;
    }
    return domain.containsAll(min, max, maxExclusive);
  }

  @SuppressWarnings("unchecked")
  private static Comparable<Object> successor(Object key) {
    return (Comparable<Object>) (Object) ((ByteKey) key).prefixSuccessor();
  }

  private static boolean comparableWith(Object value, List<ColumnDomain.Range> ranges) {
    for (ColumnDomain.Range range : ranges) {
      if ((range.low() != null && !DomainValues.comparable(value, range.low()))
          || (range.high() != null && !DomainValues.comparable(value, range.high()))) {
        return false;
      }
    }
    return true;
  }
}
