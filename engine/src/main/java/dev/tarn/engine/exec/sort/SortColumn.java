package dev.tarn.engine.exec.sort;

import dev.tarn.engine.exec.vector.SqlTypes;
import dev.tarn.engine.exec.vector.Vectors;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * One sort key's values across all buffered rows, copied into primitive arrays so comparisons during sorting
 * read plain arrays: longs (integers, booleans, dates, timestamps, short decimals), doubles (NaN last, as
 * Double.compare), 128-bit decimals as high/low words, strings as one byte array with offsets (byte order).
 */
abstract class SortColumn {
  protected boolean[] nulls = new boolean[64];
  protected int size;

  static SortColumn create(ArrowType type) {
    if (SqlTypes.isLongBacked(type) || SqlTypes.isShortDecimal(type)) {
      return new LongColumn();
    }
    if (SqlTypes.isFloating(type)) {
      return new DoubleColumn();
    }
    if (SqlTypes.isDecimal(type)) {
      return new WideDecimalColumn();
    }
    if (SqlTypes.isString(type)) {
      return new StringColumn();
    }
    if (SqlTypes.isNull(type)) {
      return new NullColumn();
    }
    throw new IllegalArgumentException("Cannot sort by " + type);
  }

  /** Appends the first {@code rowCount} values of {@code vector}. */
  final void append(FieldVector vector, int rowCount) {
    nulls = Arrays.copyOf(nulls, Math.max(nulls.length, size + rowCount));
    if (vector instanceof NullVector) {
      Arrays.fill(nulls, size, size + rowCount, true);
    } else {
      ArrowBuf validity = vector.getValidityBuffer();
      for (int i = 0; i < rowCount; i++) {
        nulls[size + i] = BitVectorHelper.get(validity, i) == 0;
      }
    }
    appendValues(vector, rowCount);
    size += rowCount;
  }

  final boolean isNull(int row) {
    return nulls[row];
  }

  protected abstract void appendValues(FieldVector vector, int rowCount);

  /** Compares the non-NULL values of rows {@code left} and {@code right}. */
  abstract int compare(int left, int right);

  /** Compares the non-NULL value of row {@code left} with row {@code right} of {@code other}, a column of this kind. */
  abstract int compare(int left, SortColumn other, int right);

  private static final class LongColumn extends SortColumn {
    private long[] values = new long[64];

    @Override
    protected void appendValues(FieldVector vector, int rowCount) {
      values = Arrays.copyOf(values, Math.max(values.length, size + rowCount));
      System.arraycopy(Vectors.readLongs(vector, rowCount), 0, values, size, rowCount);
    }

    @Override
    int compare(int left, int right) {
      return Long.compare(values[left], values[right]);
    }

    @Override
    int compare(int left, SortColumn other, int right) {
      return Long.compare(values[left], ((LongColumn) other).values[right]);
    }
  }

  private static final class DoubleColumn extends SortColumn {
    private double[] values = new double[64];

    @Override
    protected void appendValues(FieldVector vector, int rowCount) {
      values = Arrays.copyOf(values, Math.max(values.length, size + rowCount));
      System.arraycopy(Vectors.readDoubles(vector, rowCount), 0, values, size, rowCount);
    }

    @Override
    int compare(int left, int right) {
      // + 0.0 makes -0.0 and 0.0 equal, as SQL does.
      return Double.compare(values[left] + 0.0, values[right] + 0.0);
    }

    @Override
    int compare(int left, SortColumn other, int right) {
      return Double.compare(values[left] + 0.0, ((DoubleColumn) other).values[right] + 0.0);
    }
  }

  private static final class WideDecimalColumn extends SortColumn {
    private long[] high = new long[64];
    private long[] low = new long[64];

    @Override
    protected void appendValues(FieldVector vector, int rowCount) {
      high = Arrays.copyOf(high, Math.max(high.length, size + rowCount));
      low = Arrays.copyOf(low, Math.max(low.length, size + rowCount));
      ArrowBuf data = vector.getDataBuffer();
      for (int i = 0; i < rowCount; i++) {
        low[size + i] = data.getLong(i * 16L);
        high[size + i] = data.getLong(i * 16L + 8);
      }
    }

    @Override
    int compare(int left, int right) {
      int sign = Long.compare(high[left], high[right]);
      return sign != 0 ? sign : Long.compareUnsigned(low[left], low[right]);
    }

    @Override
    int compare(int left, SortColumn other, int right) {
      WideDecimalColumn that = (WideDecimalColumn) other;
      int sign = Long.compare(high[left], that.high[right]);
      return sign != 0 ? sign : Long.compareUnsigned(low[left], that.low[right]);
    }
  }

  private static final class StringColumn extends SortColumn {
    private byte[] bytes = new byte[1024];
    private int[] offsets = new int[65];

    @Override
    protected void appendValues(FieldVector vector, int rowCount) {
      VarCharVector strings = (VarCharVector) vector;
      ArrowBuf sourceOffsets = strings.getOffsetBuffer();
      int first = sourceOffsets.getInt(0);
      int length = sourceOffsets.getInt(rowCount * 4L) - first;
      int base = offsets[size];
      if (base + length > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, base + length));
      }
      strings.getDataBuffer().getBytes(first, bytes, base, length);
      offsets = Arrays.copyOf(offsets, Math.max(offsets.length, size + rowCount + 1));
      for (int i = 1; i <= rowCount; i++) {
        offsets[size + i] = base + sourceOffsets.getInt(i * 4L) - first;
      }
    }

    @Override
    int compare(int left, int right) {
      return Arrays.compareUnsigned(bytes, offsets[left], offsets[left + 1], bytes, offsets[right],
          offsets[right + 1]);
    }

    @Override
    int compare(int left, SortColumn other, int right) {
      StringColumn that = (StringColumn) other;
      return Arrays.compareUnsigned(bytes, offsets[left], offsets[left + 1], that.bytes, that.offsets[right],
          that.offsets[right + 1]);
    }
  }

  private static final class NullColumn extends SortColumn {
    @Override
    protected void appendValues(FieldVector vector, int rowCount) {}

    @Override
    int compare(int left, int right) {
      return 0;
    }

    @Override
    int compare(int left, SortColumn other, int right) {
      return 0;
    }
  }
}
