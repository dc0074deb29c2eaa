package dev.tarn.engine.exec.aggregate;

import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Reusable scratch holding the key columns of one batch as longs, column by column, read straight from the Arrow
 * buffers at each type's width. A NULL reads as 0 with its column's bit set in the row's null mask, so equal keys
 * have equal (values, mask). One per caller: the arrays grow to the largest batch and are reused after that.
 */
public final class FixedKeys {
  /** Mask bit of a row whose value no inserted key can equal (a wide decimal beyond the long range). */
  static final long UNMATCHABLE = 1L << 63;

  long[][] values = new long[0][];
  /** Per row, bit i set when column i is NULL; only meaningful when {@link #anyMask}. */
  long[] masks = new long[0];
  /** Whether some row has a non-zero mask (otherwise {@link #masks} is stale and must not be read). */
  boolean anyMask;

  /**
   * Reads rows {@code 0..rowCount)} of {@code columns}, keys of {@code kinds} (see {@link GroupTables}).
   * A string of at most 8 bytes is packed into its long (little-endian, zero-padded) with its length in the row's
   * mask (4 bits at {@code 32 + 4k} for the k-th string column), so equal strings and only they read equal. A
   * longer one cannot: with {@code strict} (inserting) the load fails and returns false; otherwise (finding) its
   * row is marked {@link #UNMATCHABLE}, as no inserted key is that long.
   */
  boolean load(List<FieldVector> columns, int[] kinds, int rowCount, boolean strict) {
    int columnCount = columns.size();
    if (values.length < columnCount) {
      values = Arrays.copyOf(values, columnCount);
    }
    if (masks.length < rowCount) {
      masks = new long[Math.max(rowCount, masks.length * 2)];
    }
    anyMask = false;
    int strings = 0;
    for (int c = 0; c < columnCount; c++) {
      if (values[c] == null || values[c].length < rowCount) {
        values[c] = new long[Math.max(rowCount, values[c] == null ? 0 : values[c].length * 2)];
      }
      FieldVector column = columns.get(c);
      long[] out = values[c];
      long keep = -1L;
      // Mask bits are placed by the table's key kinds, whatever vector class a batch brings.
      int shift = 32 + 4 * strings;
      strings += kinds[c] == GroupTables.STRING ? 1 : 0;
      if (column instanceof NullVector) {
        // A NULL-typed batch column under a typed key (a NULL literal): all NULL, as the typed column's NULLs.
        startMasks(rowCount);
        for (int row = 0; row < rowCount; row++) {
          out[row] = 0;
          masks[row] |= 1L << c;
        }
        continue;
      }
      if (column instanceof VarCharVector text) {
        if (!readStrings(text, rowCount, out, shift, strict)) {
          return false;
        }
        keep = ~(0xFL << shift);
      } else {
        readColumn(column, rowCount, out);
      }
      if (column.getNullCount() > 0) {
        startMasks(rowCount);
        ArrowBuf validity = column.getValidityBuffer();
        for (int row = 0; row < rowCount; row++) {
          long valid = BitVectorHelper.get(validity, row);
          // Branch-free: a NULL's value (and string length) becomes 0 and its bit is set, whatever its slot held.
          out[row] &= -valid;
          masks[row] = (masks[row] & (keep | -valid)) | (valid ^ 1) << c;
        }
      }
    }
    return true;
  }

  private boolean readStrings(VarCharVector column, int rowCount, long[] out, int shift, boolean strict) {
    startMasks(rowCount);
    ArrowBuf offsets = column.getOffsetBuffer();
    ArrowBuf data = column.getDataBuffer();
    ArrowBuf validity = column.getValidityBuffer();
    long capacity = data.capacity();
    for (int row = 0; row < rowCount; row++) {
      int start = offsets.getInt(row * 4L);
      int length = offsets.getInt(row * 4L + 4) - start;
      if (length > 8) {
        out[row] = 0;
        if (BitVectorHelper.get(validity, row) != 0) {
          if (strict) {
            return false;
          }
          masks[row] |= UNMATCHABLE;
        }
        continue;
      }
      long packed;
      if (start + 8L <= capacity) {
        packed = length == 8 ? data.getLong(start) : data.getLong(start) & ((1L << (length * 8)) - 1);
      } else {
        packed = 0;
        for (int i = length - 1; i >= 0; i--) {
          packed = packed << 8 | (data.getByte(start + i) & 0xFF);
        }
      }
      out[row] = packed;
      masks[row] |= (long) length << shift;
    }
    return true;
  }

  private void startMasks(int rowCount) {
    if (!anyMask) {
      Arrays.fill(masks, 0, rowCount, 0L);
      anyMask = true;
    }
  }

  /** One loop per physical width, so the JIT sees a plain load per row. */
  private void readColumn(FieldVector column, int rowCount, long[] out) {
    ArrowType type = column.getField().getType();
    ArrowBuf data = column.getDataBuffer();
    switch (type.getTypeID()) {
      case Bool -> {
        for (int row = 0; row < rowCount; row++) {
          out[row] = BitVectorHelper.get(data, row);
        }
      }
      case Decimal -> readDecimals(data, column.getValidityBuffer(), rowCount, out);
      default -> {
        int bits = type instanceof ArrowType.Int integer ? integer.getBitWidth()
            : type instanceof ArrowType.Date ? 32 : 64;
        switch (bits) {
          case 8 -> {
            for (int row = 0; row < rowCount; row++) {
              out[row] = data.getByte(row);
            }
          }
          case 16 -> {
            for (int row = 0; row < rowCount; row++) {
              out[row] = data.getShort(row * 2L);
            }
          }
          case 32 -> {
            for (int row = 0; row < rowCount; row++) {
              out[row] = data.getInt(row * 4L);
            }
          }
          default -> {
            for (int row = 0; row < rowCount; row++) {
              out[row] = data.getLong(row * 8L);
            }
          }
        }
      }
    }
  }

  /**
   * The low 8 bytes of each 128-bit value: the whole value whenever the high 8 are its sign extension. A value
   * beyond the long range (only in a wide-decimal probe column; inserted keys are short decimals) cannot equal any
   * inserted key, so its row is marked {@link #UNMATCHABLE}.
   */
  private void readDecimals(ArrowBuf data, ArrowBuf validity, int rowCount, long[] out) {
    for (int row = 0; row < rowCount; row++) {
      long low = data.getLong(row * 16L);
      out[row] = low;
      if (data.getLong(row * 16L + 8) != low >> 63 && BitVectorHelper.get(validity, row) != 0) {
        startMasks(rowCount);
        masks[row] |= UNMATCHABLE;
      }
    }
  }
}
