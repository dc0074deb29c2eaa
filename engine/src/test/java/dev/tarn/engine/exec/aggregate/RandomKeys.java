package dev.tarn.engine.exec.aggregate;

import dev.tarn.engine.exec.vector.SqlTypes;
import dev.tarn.engine.exec.vector.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Random key columns for the hash table tests: values from a small domain (many duplicates), a large one (many
 * groups, forcing resizes), negatives and each type's extremes, with NULLs at a chosen rate.
 */
public final class RandomKeys {
  private RandomKeys() {}

  /** A random value of {@code type}, as the long the fixed-width tables read; {@code wide}: any 64-bit value. */
  public static long value(Random random, ArrowType type, boolean wide) {
    long value = switch (random.nextInt(6)) {
      case 0 -> random.nextInt(7) - 3;
      case 1 -> Long.MIN_VALUE;
      case 2 -> Long.MAX_VALUE;
      case 3, 4 -> wide ? random.nextLong() : random.nextInt(20_000) - 10_000;
      default -> random.nextInt(100);
    };
    return narrow(type, value);
  }

  /** {@code value} cut to what a column of {@code type} can hold, keeping the extremes extreme. */
  public static long narrow(ArrowType type, long value) {
    if (type instanceof ArrowType.Bool) {
      return value & 1;
    }
    if (SqlTypes.isDecimal(type)) {
      long limit = 999_999_999_999_999L;
      return Math.max(-limit, Math.min(limit, value));
    }
    int bits = type instanceof ArrowType.Int integer ? integer.getBitWidth() : type instanceof ArrowType.Date ? 32 : 64;
    return Math.max(SqlTypes.minimum(bits), Math.min(SqlTypes.maximum(bits), value));
  }

  /** A vector of {@code field} holding {@code values}, NULL where {@code nulls[i]}. */
  public static FieldVector vector(Field field, long[] values, boolean[] nulls, BufferAllocator allocator) {
    FieldVector vector = Vectors.allocate(field, values.length, allocator);
    Vectors.writeLongs(vector, values, values.length);
    for (int i = 0; i < values.length; i++) {
      BitVectorHelper.setValidityBit(vector.getValidityBuffer(), i, nulls[i] ? 0 : 1);
    }
    vector.setValueCount(values.length);
    return vector;
  }

  /** A batch of random key columns of {@code fields}. */
  public static List<FieldVector> batch(Random random, List<Field> fields, int rows, double nullRate, boolean wide,
      BufferAllocator allocator) {
    List<FieldVector> columns = new ArrayList<>();
    for (Field field : fields) {
      long[] values = new long[rows];
      boolean[] nulls = new boolean[rows];
      for (int i = 0; i < rows; i++) {
        values[i] = value(random, field.getType(), wide);
        nulls[i] = random.nextDouble() < nullRate;
      }
      columns.add(vector(field, values, nulls, allocator));
    }
    return columns;
  }
}
