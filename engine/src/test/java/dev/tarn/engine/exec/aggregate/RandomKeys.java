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

  /** A string of at most 8 UTF-8 bytes (with NUL and multi-byte characters), or with {@code long} maybe longer. */
  public static String string(Random random, boolean longer) {
    String[] pool = {"", "a", "b", "ab", "a\0", "\0", "1-URGENT", "12345678", "\u00e9", "\u00e9\u00e9", "REG AIR"};
    if (longer && random.nextInt(40) == 0) {
      return "Customer#" + random.nextInt(1000);
    }
    if (random.nextBoolean()) {
      return pool[random.nextInt(pool.length)];
    }
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(9); i > 0; i--) {
      text.append((char) ('0' + random.nextInt(40)));
    }
    return text.toString();
  }

  /** A batch of random key columns of {@code fields}; {@code longStrings}: VARCHAR ones may exceed 8 bytes. */
  public static List<FieldVector> batch(Random random, List<Field> fields, int rows, double nullRate, boolean wide,
      boolean longStrings, BufferAllocator allocator) {
    List<FieldVector> columns = new ArrayList<>();
    for (Field field : fields) {
      if (SqlTypes.isString(field.getType())) {
        List<Object> strings = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
          strings.add(random.nextDouble() < nullRate ? null : string(random, longStrings));
        }
        columns.add(Vectors.fromValues(field, strings, allocator));
        continue;
      }
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
