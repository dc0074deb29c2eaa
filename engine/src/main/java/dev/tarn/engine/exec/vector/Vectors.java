package dev.tarn.engine.exec.vector;

import dev.tarn.engine.exec.Batch;
import java.util.ArrayList;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Vector helpers shared by kernels and operators: allocation, constants, zero-copy sharing and slicing, and bulk reads/writes of values as primitive arrays. Java values follow the conventions
 * of {@link dev.tarn.engine.plan.expr.Literal}.
 */
public final class Vectors {
  private Vectors() {}

  /** A new, empty, nullable vector of {@code type} with room for {@code capacity} values (all NULL). */
  public static FieldVector allocate(String name, ArrowType type, int capacity, BufferAllocator allocator) {
    return allocate(new Field(name, FieldType.nullable(type), null), capacity, allocator);
  }

  /** A new vector of {@code field} with room for {@code capacity} values, all NULL until set. */
  public static FieldVector allocate(Field field, int capacity, BufferAllocator allocator) {
    FieldVector vector = field.createVector(allocator);
    try {
      if (!(vector instanceof NullVector)) {
        vector.setInitialCapacity(Math.max(capacity, 1));
        vector.allocateNew();
      }
      return vector;
    } catch (RuntimeException e) {
      vector.close();
      throw e;
    }
  }

  /** A vector of {@code rowCount} copies of {@code value} (a Literal-convention Java value, or null). */
  public static FieldVector constant(Field field, Object value, int rowCount, BufferAllocator allocator) {
    FieldVector vector = allocate(field, rowCount, allocator);
    try {
      if (value != null && rowCount > 0 && !(vector instanceof NullVector)) {
        if (vector instanceof VarCharVector strings) {
          byte[] bytes = ((String) value).getBytes(StandardCharsets.UTF_8);
          for (int row = 0; row < rowCount; row++) {
            strings.setSafe(row, bytes);
          }
        } else if (vector instanceof BitVector bits) {
          boolean bit = (Boolean) value;
          for (int row = 0; row < rowCount; row++) {
            bits.set(row, bit ? 1 : 0);
          }
        } else {
          setValue(vector, 0, value);
          fillFixedWidth((BaseFixedWidthVector) vector, rowCount);
        }
      }
      vector.setValueCount(rowCount);
      return vector;
    } catch (RuntimeException e) {
      vector.close();
      throw e;
    }
  }

  /** A vector holding {@code values} (Literal-convention Java values, null for NULL) in order. */
  public static FieldVector fromValues(Field field, List<?> values, BufferAllocator allocator) {
    FieldVector vector = allocate(field, values.size(), allocator);
    try {
      for (int row = 0; row < values.size(); row++) {
        setValue(vector, row, values.get(row));
      }
      vector.setValueCount(values.size());
      return vector;
    } catch (RuntimeException e) {
      vector.close();
      throw e;
    }
  }

  /** Copies row 0's value (and validity) into rows 1..rowCount-1. */
  private static void fillFixedWidth(BaseFixedWidthVector vector, int rowCount) {
    int width = vector.getTypeWidth();
    ArrowBuf data = vector.getDataBuffer();
    for (int row = 1; row < rowCount; row++) {
      data.setBytes((long) row * width, data, 0, width);
    }
    setAllValid(vector.getValidityBuffer(), rowCount);
  }

  /** Marks the first {@code count} bits of a validity buffer as valid. */
  public static void setAllValid(ArrowBuf validity, int count) {
    int fullBytes = count / 8;
    for (int i = 0; i < fullBytes; i++) {
      validity.setByte(i, 0xFF);
    }
    for (int bit = fullBytes * 8; bit < count; bit++) {
      BitVectorHelper.setBit(validity, bit);
    }
  }

  /** Sets one value (Literal conventions; null sets NULL); the vector must have room for {@code index}. */
  public static void setValue(FieldVector vector, int index, Object value) {
    if (vector instanceof NullVector) {
      return;
    }
    if (value == null) {
      if (vector instanceof VarCharVector strings) {
        strings.setNull(index);
      } else {
        ((BaseFixedWidthVector) vector).setNull(index);
      }
      return;
    }
    if (vector instanceof BitVector v) {
      v.setSafe(index, (Boolean) value ? 1 : 0);
    } else if (vector instanceof TinyIntVector v) {
      v.setSafe(index, (byte) ((Long) value).longValue());
    } else if (vector instanceof SmallIntVector v) {
      v.setSafe(index, (short) ((Long) value).longValue());
    } else if (vector instanceof IntVector v) {
      v.setSafe(index, (int) ((Long) value).longValue());
    } else if (vector instanceof BigIntVector v) {
      v.setSafe(index, (Long) value);
    } else if (vector instanceof Float4Vector v) {
      v.setSafe(index, (float) ((Double) value).doubleValue());
    } else if (vector instanceof Float8Vector v) {
      v.setSafe(index, (Double) value);
    } else if (vector instanceof DecimalVector v) {
      v.setSafe(index, ((BigDecimal) value).setScale(v.getScale(), RoundingMode.HALF_UP));
    } else if (vector instanceof VarCharVector v) {
      v.setSafe(index, ((String) value).getBytes(StandardCharsets.UTF_8));
    } else if (vector instanceof DateDayVector v) {
      v.setSafe(index, TimeConversions.toDays((LocalDate) value));
    } else if (vector instanceof TimeStampMicroVector v) {
      v.setSafe(index, TimeConversions.toMicros((LocalDateTime) value));
    } else {
      throw new IllegalArgumentException("Unsupported vector " + vector.getField());
    }
  }

  /** The value at {@code index} as a Literal-convention Java value (null for NULL); for tests and slow paths. */
  public static Object value(FieldVector vector, int index) {
    if (vector instanceof NullVector || vector.isNull(index)) {
      return null;
    }
    if (vector instanceof BitVector v) {
      return v.get(index) == 1;
    } else if (vector instanceof TinyIntVector v) {
      return (long) v.get(index);
    } else if (vector instanceof SmallIntVector v) {
      return (long) v.get(index);
    } else if (vector instanceof IntVector v) {
      return (long) v.get(index);
    } else if (vector instanceof BigIntVector v) {
      return v.get(index);
    } else if (vector instanceof Float4Vector v) {
      return (double) v.get(index);
    } else if (vector instanceof Float8Vector v) {
      return v.get(index);
    } else if (vector instanceof DecimalVector v) {
      return v.getObject(index);
    } else if (vector instanceof VarCharVector v) {
      return new String(v.get(index), StandardCharsets.UTF_8);
    } else if (vector instanceof DateDayVector v) {
      return TimeConversions.fromDays(v.get(index));
    } else if (vector instanceof TimeStampMicroVector v) {
      return TimeConversions.fromMicros(v.get(index));
    }
    throw new IllegalArgumentException("Unsupported vector " + vector.getField());
  }

  /** A zero-copy vector sharing {@code source}'s buffers (reference counted), accounted to {@code allocator}. */
  public static FieldVector share(FieldVector source, BufferAllocator allocator) {
    TransferPair pair = source.getTransferPair(allocator);
    pair.splitAndTransfer(0, source.getValueCount());
    return (FieldVector) pair.getTo();
  }

  /**
   * Rows {@code [start, start + length)} of {@code columns} as a new batch owning its vectors (the sources keep
   * theirs); on failure nothing is left allocated.
   */
  public static Batch sliceBatch(List<FieldVector> columns, int start, int length, BufferAllocator allocator) {
    List<FieldVector> slices = new ArrayList<>(columns.size());
    try {
      for (FieldVector column : columns) {
        slices.add(slice(column, start, length, allocator));
      }
    } catch (RuntimeException e) {
      slices.forEach(FieldVector::close);
      throw e;
    }
    return new Batch(slices, length);
  }

  /** Rows {@code start..start+length)} of {@code source} as a new vector, sharing buffers where alignment allows. */
  public static FieldVector slice(FieldVector source, int start, int length, BufferAllocator allocator) {
    TransferPair pair = source.getTransferPair(allocator);
    pair.splitAndTransfer(start, length);
    return (FieldVector) pair.getTo();
  }

  /** Moves {@code source}'s buffers (zero-copy) into a vector described by {@code field}; {@code source} is left empty. */
  public static FieldVector rename(FieldVector source, Field field, BufferAllocator allocator) {
    if (source.getField().equals(field)) {
      return source;
    }
    TransferPair pair = source.getTransferPair(field, allocator);
    pair.transfer();
    source.close();
    return (FieldVector) pair.getTo();
  }

  /** Reads {@code count} values of a long-backed vector ({@link SqlTypes#isLongBacked}); NULL rows read garbage. */
  public static long[] readLongs(FieldVector vector, int count) {
    long[] values = new long[count];
    ArrowBuf data = vector.getDataBuffer();
    if (vector instanceof BitVector) {
      for (int i = 0; i < count; i++) {
        values[i] = BitVectorHelper.get(data, i);
      }
    } else if (vector instanceof TinyIntVector) {
      for (int i = 0; i < count; i++) {
        values[i] = data.getByte(i);
      }
    } else if (vector instanceof SmallIntVector) {
      for (int i = 0; i < count; i++) {
        values[i] = data.getShort(i * 2L);
      }
    } else if (vector instanceof IntVector || vector instanceof DateDayVector) {
      for (int i = 0; i < count; i++) {
        values[i] = data.getInt(i * 4L);
      }
    } else if (vector instanceof BigIntVector || vector instanceof TimeStampMicroVector) {
      for (int i = 0; i < count; i++) {
        values[i] = data.getLong(i * 8L);
      }
    } else if (vector instanceof DecimalVector) {
      // The low 8 bytes of a little-endian 128-bit value: exact whenever the precision is at most 18.
      for (int i = 0; i < count; i++) {
        values[i] = data.getLong(i * 16L);
      }
    } else {
      throw new IllegalArgumentException("Not a long-backed vector: " + vector.getField());
    }
    return values;
  }

  /**
   * The unscaled values of a decimal vector of any precision as longs, or null when some non-NULL value does not
   * fit in a long. Lets arithmetic and sums take the long path per batch, whatever precision the type declares:
   * a decimal(38,6) expression over TPC-H prices holds only small values.
   */
  public static long[] readDecimalLongsIfSmall(DecimalVector vector, int count) {
    long[] values = new long[count];
    ArrowBuf data = vector.getDataBuffer();
    ArrowBuf validity = vector.getValidityBuffer();
    for (int i = 0; i < count; i++) {
      long low = data.getLong(i * 16L);
      if (data.getLong(i * 16L + 8) != low >> 63 && BitVectorHelper.get(validity, i) != 0) {
        return null;
      }
      values[i] = low;
    }
    return values;
  }

  /**
   * True when every non-NULL value among the first {@code count} of a decimal vector fits in a long (its high word
   * is the sign extension of its low word), so that the low words, read in place, are the unscaled values.
   */
  public static boolean decimalsFitInLongs(DecimalVector vector, int count) {
    ArrowBuf data = vector.getDataBuffer();
    long wide = 0;
    if (vector.getNullCount() == 0) {
      for (int i = 0; i < count; i++) {
        wide |= data.getLong(i * 16L + 8) ^ (data.getLong(i * 16L) >> 63);
      }
      return wide == 0;
    }
    ArrowBuf validity = vector.getValidityBuffer();
    for (int i = 0; i < count; i++) {
      if (BitVectorHelper.get(validity, i) != 0) {
        wide |= data.getLong(i * 16L + 8) ^ (data.getLong(i * 16L) >> 63);
      }
    }
    return wide == 0;
  }

  /** Writes {@code values} into a long-backed or decimal vector's data, narrowing without checks; validity untouched. */
  public static void writeLongs(FieldVector vector, long[] values, int count) {
    ArrowBuf data = vector.getDataBuffer();
    if (vector instanceof BitVector) {
      for (int i = 0; i < count; i++) {
        BitVectorHelper.setValidityBit(data, i, values[i] != 0 ? 1 : 0);
      }
    } else if (vector instanceof TinyIntVector) {
      for (int i = 0; i < count; i++) {
        data.setByte(i, (byte) values[i]);
      }
    } else if (vector instanceof SmallIntVector) {
      for (int i = 0; i < count; i++) {
        data.setShort(i * 2L, (short) values[i]);
      }
    } else if (vector instanceof IntVector || vector instanceof DateDayVector) {
      for (int i = 0; i < count; i++) {
        data.setInt(i * 4L, (int) values[i]);
      }
    } else if (vector instanceof BigIntVector || vector instanceof TimeStampMicroVector) {
      for (int i = 0; i < count; i++) {
        data.setLong(i * 8L, values[i]);
      }
    } else if (vector instanceof DecimalVector) {
      for (int i = 0; i < count; i++) {
        data.setLong(i * 16L, values[i]);
        data.setLong(i * 16L + 8, values[i] >> 63);
      }
    } else {
      throw new IllegalArgumentException("Not a long-backed vector: " + vector.getField());
    }
  }

  /** Reads {@code count} values of a floating-point or integer vector as doubles; NULL rows read garbage. */
  public static double[] readDoubles(FieldVector vector, int count) {
    double[] values = new double[count];
    ArrowBuf data = vector.getDataBuffer();
    if (vector instanceof Float8Vector) {
      for (int i = 0; i < count; i++) {
        values[i] = data.getDouble(i * 8L);
      }
    } else if (vector instanceof Float4Vector) {
      for (int i = 0; i < count; i++) {
        values[i] = data.getFloat(i * 4L);
      }
    } else {
      long[] longs = readLongs(vector, count);
      for (int i = 0; i < count; i++) {
        values[i] = longs[i];
      }
    }
    return values;
  }

  /** Writes {@code values} into a Float4/Float8 vector's data (Float4 rounds to nearest); validity untouched. */
  public static void writeDoubles(FieldVector vector, double[] values, int count) {
    ArrowBuf data = vector.getDataBuffer();
    if (vector instanceof Float8Vector) {
      for (int i = 0; i < count; i++) {
        data.setDouble(i * 8L, values[i]);
      }
    } else if (vector instanceof Float4Vector) {
      for (int i = 0; i < count; i++) {
        data.setFloat(i * 4L, (float) values[i]);
      }
    } else {
      throw new IllegalArgumentException("Not a floating-point vector: " + vector.getField());
    }
  }
}
