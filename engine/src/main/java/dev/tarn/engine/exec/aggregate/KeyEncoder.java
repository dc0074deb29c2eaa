package dev.tarn.engine.exec.aggregate;

import dev.tarn.engine.exec.vector.SqlTypes;
import dev.tarn.engine.exec.vector.Vectors;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Encodes the key columns of a batch into one byte string per row, written column at a time, so that grouping
 * can hash and compare whole keys as byte ranges without per-row objects. Per column: a null byte, then 8 bytes
 * for integers, booleans, dates, timestamps and floats (as normalized bits: -0.0 is 0.0, one NaN), 16 for
 * decimals, or a 4-byte length and the UTF-8 bytes for strings. NULL keys encode equal to each other.
 */
public final class KeyEncoder {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  /** The encoded keys of one batch: row i is {@code bytes[offsets[i]..offsets[i+1])}. */
  public record EncodedKeys(byte[] bytes, int[] offsets) {}

  private KeyEncoder() {}

  /** Encodes {@code rowCount} rows of {@code columns}, preceded by {@code prefix[i]} (4 bytes) when not null. */
  public static EncodedKeys encode(List<FieldVector> columns, int[] prefix, int rowCount) {
    int[] offsets = new int[rowCount + 1];
    int fixedWidth = prefix == null ? 0 : 4;
    for (FieldVector column : columns) {
      fixedWidth += 1 + width(column.getField().getType());
    }
    for (int i = 0; i < rowCount; i++) {
      offsets[i + 1] = fixedWidth;
    }
    for (FieldVector column : columns) {
      if (column instanceof VarCharVector strings) {
        ArrowBuf stringOffsets = strings.getOffsetBuffer();
        for (int i = 0; i < rowCount; i++) {
          offsets[i + 1] += stringOffsets.getInt(i * 4L + 4) - stringOffsets.getInt(i * 4L);
        }
      }
    }
    for (int i = 0; i < rowCount; i++) {
      offsets[i + 1] += offsets[i];
    }
    byte[] bytes = new byte[offsets[rowCount]];
    int[] cursor = java.util.Arrays.copyOf(offsets, rowCount);
    if (prefix != null) {
      for (int i = 0; i < rowCount; i++) {
        INTS.set(bytes, cursor[i], prefix[i]);
        cursor[i] += 4;
      }
    }
    for (FieldVector column : columns) {
      encodeColumn(column, rowCount, bytes, cursor);
    }
    return new EncodedKeys(bytes, offsets);
  }

  /** Encoded value bytes after the null byte (strings: the length field only). */
  private static int width(ArrowType type) {
    if (SqlTypes.isString(type)) {
      return 4;
    }
    return SqlTypes.isDecimal(type) ? 16 : SqlTypes.isNull(type) ? 0 : 8;
  }

  private static void encodeColumn(FieldVector column, int rowCount, byte[] bytes, int[] cursor) {
    if (column instanceof NullVector) {
      for (int i = 0; i < rowCount; i++) {
        bytes[cursor[i]++] = 1;
      }
      return;
    }
    ArrowBuf validity = column.getValidityBuffer();
    ArrowType type = column.getField().getType();
    if (column instanceof VarCharVector strings) {
      ArrowBuf offsets = strings.getOffsetBuffer();
      ArrowBuf data = strings.getDataBuffer();
      for (int i = 0; i < rowCount; i++) {
        int position = cursor[i];
        int start = offsets.getInt(i * 4L);
        int length = offsets.getInt(i * 4L + 4) - start;
        boolean isNull = BitVectorHelper.get(validity, i) == 0;
        bytes[position] = (byte) (isNull ? 1 : 0);
        // A NULL row's offsets span zero bytes, so its encoding is the same for every NULL.
        INTS.set(bytes, position + 1, length);
        data.getBytes(start, bytes, position + 5, length);
        cursor[i] = position + 5 + length;
      }
    } else if (SqlTypes.isDecimal(type)) {
      ArrowBuf data = column.getDataBuffer();
      for (int i = 0; i < rowCount; i++) {
        int position = cursor[i];
        if (BitVectorHelper.get(validity, i) == 0) {
          bytes[position] = 1;
        } else {
          LONGS.set(bytes, position + 1, data.getLong(i * 16L));
          LONGS.set(bytes, position + 9, data.getLong(i * 16L + 8));
        }
        cursor[i] = position + 17;
      }
    } else {
      long[] values;
      if (SqlTypes.isFloating(type)) {
        double[] doubles = Vectors.readDoubles(column, rowCount);
        values = new long[rowCount];
        for (int i = 0; i < rowCount; i++) {
          values[i] = Double.doubleToLongBits(doubles[i] + 0.0);
        }
      } else {
        values = Vectors.readLongs(column, rowCount);
      }
      for (int i = 0; i < rowCount; i++) {
        int position = cursor[i];
        if (BitVectorHelper.get(validity, i) == 0) {
          bytes[position] = 1;
        } else {
          LONGS.set(bytes, position + 1, values[i]);
        }
        cursor[i] = position + 9;
      }
    }
  }

  /** A 64-bit hash of {@code bytes[from..to)}. */
  public static long hash(byte[] bytes, int from, int to) {
    long hash = 0x9E3779B97F4A7C15L ^ (to - from);
    int position = from;
    for (; position + 8 <= to; position += 8) {
      hash = Long.rotateLeft(hash ^ ((long) LONGS.get(bytes, position) * 0xC2B2AE3D27D4EB4FL), 31) * 0x9E3779B97F4A7C15L;
    }
    for (; position < to; position++) {
      hash = (hash ^ bytes[position]) * 0x100000001B3L;
    }
    hash ^= hash >>> 33;
    hash *= 0xFF51AFD7ED558CCDL;
    return hash ^ (hash >>> 33);
  }
}
