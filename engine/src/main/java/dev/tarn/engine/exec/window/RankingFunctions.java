package dev.tarn.engine.exec.window;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.vector.SqlTypes;
import dev.tarn.engine.exec.vector.Vectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST and NTILE: computed from partition and peer-group
 * positions alone, one pass of plain int arithmetic per function. Never NULL.
 */
final class RankingFunctions {
  private RankingFunctions() {}

  static boolean handles(String function) {
    return switch (function) {
      case "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile" -> true;
      default -> false;
    };
  }

  /** {@code function}'s value for every row; {@code buckets} is NTILE's argument (else ignored). */
  static FieldVector evaluate(String function, WindowLayout layout, long buckets, Field field,
      BufferAllocator allocator) {
    int rowCount = layout.rowCount();
    return switch (function) {
      case "row_number" -> longs(field, rowNumbers(layout), allocator);
      case "rank" -> longs(field, ranks(layout), allocator);
      case "dense_rank" -> longs(field, denseRanks(layout), allocator);
      case "ntile" -> longs(field, tiles(layout, buckets), allocator);
      case "percent_rank" -> {
        double[] values = new double[rowCount];
        for (int i = 0; i < rowCount; i++) {
          int size = layout.partitionEnd(i) - layout.partitionStart(i);
          values[i] = size == 1 ? 0 : (double) (layout.peerStart(i) - layout.partitionStart(i)) / (size - 1);
        }
        yield doubles(field, values, allocator);
      }
      case "cume_dist" -> {
        double[] values = new double[rowCount];
        for (int i = 0; i < rowCount; i++) {
          int size = layout.partitionEnd(i) - layout.partitionStart(i);
          values[i] = (double) (layout.peerEnd(i) - layout.partitionStart(i)) / size;
        }
        yield doubles(field, values, allocator);
      }
      default -> throw TarnException.notSupported("window function " + function);
    };
  }

  static long[] rowNumbers(WindowLayout layout) {
    long[] values = new long[layout.rowCount()];
    for (int i = 0; i < values.length; i++) {
      values[i] = i - layout.partitionStart(i) + 1;
    }
    return values;
  }

  static long[] ranks(WindowLayout layout) {
    long[] values = new long[layout.rowCount()];
    for (int i = 0; i < values.length; i++) {
      values[i] = layout.peerStart(i) - layout.partitionStart(i) + 1;
    }
    return values;
  }

  static long[] denseRanks(WindowLayout layout) {
    long[] values = new long[layout.rowCount()];
    for (int i = 0; i < values.length; i++) {
      if (i == layout.partitionStart(i)) {
        values[i] = 1;
      } else {
        values[i] = values[i - 1] + (i == layout.peerStart(i) ? 1 : 0);
      }
    }
    return values;
  }

  /** NTILE: the first {@code size % buckets} buckets get one row more than the others. */
  static long[] tiles(WindowLayout layout, long buckets) {
    if (buckets <= 0) {
      throw new TarnException(ErrorCode.INVALID_ARGUMENT, "ntile", "NTILE needs a positive bucket count, not "
          + buckets);
    }
    long[] values = new long[layout.rowCount()];
    for (int i = 0; i < values.length; i++) {
      long size = layout.partitionEnd(i) - layout.partitionStart(i);
      long row = i - layout.partitionStart(i);
      long small = size / buckets;
      long larger = size % buckets;
      long inLarger = larger * (small + 1);
      values[i] = row < inLarger ? row / (small + 1) + 1 : larger + (row - inLarger) / small + 1;
    }
    return values;
  }

  private static FieldVector longs(Field field, long[] values, BufferAllocator allocator) {
    if (SqlTypes.isFloating(field.getType())) {
      double[] converted = new double[values.length];
      for (int i = 0; i < values.length; i++) {
        converted[i] = values[i];
      }
      return doubles(field, converted, allocator);
    }
    FieldVector vector = Vectors.allocate(field, values.length, allocator);
    Vectors.writeLongs(vector, values, values.length);
    Vectors.setAllValid(vector.getValidityBuffer(), values.length);
    vector.setValueCount(values.length);
    return vector;
  }

  private static FieldVector doubles(Field field, double[] values, BufferAllocator allocator) {
    FieldVector vector = Vectors.allocate(field, values.length, allocator);
    Vectors.writeDoubles(vector, values, values.length);
    Vectors.setAllValid(vector.getValidityBuffer(), values.length);
    vector.setValueCount(values.length);
    return vector;
  }
}
