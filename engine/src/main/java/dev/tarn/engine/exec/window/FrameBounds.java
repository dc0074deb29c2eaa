package dev.tarn.engine.exec.window;

import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.vector.SqlTypes;
import dev.tarn.engine.exec.vector.Vectors;
import dev.tarn.engine.plan.SortKey;
import dev.tarn.engine.plan.WindowNode.Bound;
import dev.tarn.engine.plan.WindowNode.BoundKind;
import dev.tarn.engine.plan.WindowNode.Frame;
import dev.tarn.engine.plan.WindowNode.FrameUnit;
import java.math.BigDecimal;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Each row's frame as positions {@code [start, end)} in sorted order, clamped to its partition (empty when
 * {@code start >= end}). Within a partition both bounds never move backwards, which the sliding evaluators rely on.
 * RANGE with offsets needs exactly one order key of an integer, decimal or floating type; a row whose key is NULL
 * gets its NULL peers as the offset bound, as in PostgreSQL and DuckDB.
 */
public record FrameBounds(int[] start, int[] end) {

  /** The frames of every row of {@code layout}; {@code orderKey}/{@code orderValues} only matter for RANGE offsets. */
  public static FrameBounds compute(WindowLayout layout, Frame frame, SortKey orderKey, FieldVector orderValues) {
    int rowCount = layout.rowCount();
    int[] start = new int[rowCount];
    int[] end = new int[rowCount];
    RangeSearch range = needsRangeSearch(frame) ? RangeSearch.create(orderKey, orderValues, frame) : null;
    for (int i = 0; i < rowCount; i++) {
      start[i] = position(layout, frame, frame.lower(), range, i, true);
      end[i] = position(layout, frame, frame.upper(), range, i, false);
    }
    return new FrameBounds(start, end);
  }

  private static boolean needsRangeSearch(Frame frame) {
    return frame.unit() == FrameUnit.RANGE && (hasOffset(frame.lower()) || hasOffset(frame.upper()));
  }

  private static boolean hasOffset(Bound bound) {
    return bound.kind() == BoundKind.PRECEDING || bound.kind() == BoundKind.FOLLOWING;
  }

  /** The first position ({@code lower}) or one past the last position of row {@code i}'s frame. */
  private static int position(WindowLayout layout, Frame frame, Bound bound, RangeSearch range, int i,
      boolean lower) {
    int first = layout.partitionStart(i);
    int last = layout.partitionEnd(i);
    long position = switch (bound.kind()) {
      case UNBOUNDED_PRECEDING -> first;
      case UNBOUNDED_FOLLOWING -> last;
      case CURRENT_ROW -> frame.unit() == FrameUnit.ROWS ? (lower ? i : i + 1)
          : (lower ? layout.peerStart(i) : layout.peerEnd(i));
      case PRECEDING, FOLLOWING -> frame.unit() == FrameUnit.ROWS
          ? rowsOffset(bound, i, lower) : range.position(layout, bound, i, lower);
    };
    return (int) Math.max(first, Math.min(last, position));
  }

  private static long rowsOffset(Bound bound, int i, boolean lower) {
    long offset = ((Number) bound.offset()).longValue();
    long target = bound.kind() == BoundKind.PRECEDING ? i - offset : i + offset;
    return lower ? target : target + 1;
  }

  /** Binary search of the single order key's values for RANGE offset bounds. */
  private static final class RangeSearch {
    private final boolean ascending;
    private final long[] longs;
    private final double[] doubles;
    private final boolean[] nulls;
    private final long lowerLongOffset;
    private final long upperLongOffset;
    private final double lowerDoubleOffset;
    private final double upperDoubleOffset;

    private RangeSearch(SortKey key, FieldVector values, Frame frame) {
      ArrowType type = values.getField().getType();
      int count = values.getValueCount();
      this.ascending = key.ascending();
      this.nulls = new boolean[count];
      for (int i = 0; i < count; i++) {
        nulls[i] = BitVectorHelper.get(values.getValidityBuffer(), i) == 0;
      }
      if (SqlTypes.isFloating(type)) {
        this.longs = null;
        this.doubles = Vectors.readDoubles(values, count);
        this.lowerDoubleOffset = doubleOffset(frame.lower());
        this.upperDoubleOffset = doubleOffset(frame.upper());
        this.lowerLongOffset = 0;
        this.upperLongOffset = 0;
      } else {
        this.doubles = null;
        this.longs = Vectors.readLongs(values, count);
        int scale = SqlTypes.isDecimal(type) ? SqlTypes.scale(type) : 0;
        this.lowerLongOffset = longOffset(frame.lower(), scale);
        this.upperLongOffset = longOffset(frame.upper(), scale);
        this.lowerDoubleOffset = 0;
        this.upperDoubleOffset = 0;
      }
    }

    static RangeSearch create(SortKey key, FieldVector values, Frame frame) {
      ArrowType type = values == null ? null : values.getField().getType();
      boolean numeric = type != null && (SqlTypes.isInteger(type) || SqlTypes.isFloating(type)
          || SqlTypes.isShortDecimal(type));
      if (key == null || !numeric) {
        throw TarnException.notSupported("RANGE frame with an offset over an ORDER BY key of type "
            + (type == null ? "none" : SqlTypes.name(type)));
      }
      return new RangeSearch(key, values, frame);
    }

    private static double doubleOffset(Bound bound) {
      return hasOffset(bound) ? ((Number) bound.offset()).doubleValue() : 0;
    }

    private static long longOffset(Bound bound, int scale) {
      if (!hasOffset(bound)) {
        return 0;
      }
      BigDecimal offset = bound.offset() instanceof BigDecimal decimal ? decimal
          : BigDecimal.valueOf(((Number) bound.offset()).doubleValue());
      try {
        return offset.setScale(scale).unscaledValue().longValueExact();
      } catch (ArithmeticException e) {
        throw TarnException.notSupported("RANGE offset " + offset + " not exact at the ORDER BY key's scale "
            + scale);
      }
    }

    long position(WindowLayout layout, Bound bound, int i, boolean lower) {
      if (nulls[i]) {
        return lower ? layout.peerStart(i) : layout.peerEnd(i);
      }
      // Search only the partition's non-NULL keys: they are contiguous because NULLs sort first or last.
      int from = layout.partitionStart(i);
      int to = layout.partitionEnd(i);
      while (from < to && nulls[from]) {
        from++;
      }
      while (to > from && nulls[to - 1]) {
        to--;
      }
      // PRECEDING means towards the start of the sort order: smaller values ascending, larger descending.
      int towardsEnd = bound.kind() == BoundKind.FOLLOWING ? 1 : -1;
      int sign = ascending ? towardsEnd : -towardsEnd;
      // The first position whose key lies at or after (lower) / strictly after (upper) the target value.
      int low = from;
      int high = to;
      while (low < high) {
        int middle = (low + high) >>> 1;
        int order = compareToTarget(middle, i, sign, lower ? lowerLongOffset : upperLongOffset,
            lower ? lowerDoubleOffset : upperDoubleOffset);
        boolean before = ascending ? (lower ? order < 0 : order <= 0) : (lower ? order > 0 : order >= 0);
        if (before) {
          low = middle + 1;
        } else {
          high = middle;
        }
      }
      return low;
    }

    /** The sign of {@code key[p] - (key[i] + sign * offset)}, exact even where the sum overflows a long. */
    private int compareToTarget(int p, int i, int sign, long longOffset, double doubleOffset) {
      if (doubles != null) {
        return Double.compare(doubles[p] + 0.0, doubles[i] + sign * doubleOffset + 0.0);
      }
      long key = longs[p];
      long value = longs[i];
      long difference = key - value;
      if (((key ^ value) & (key ^ difference)) < 0) {
        // |key - value| exceeds every long offset, so its sign decides.
        return key > value ? 1 : -1;
      }
      return Long.compare(difference, sign * longOffset);
    }
  }
}
