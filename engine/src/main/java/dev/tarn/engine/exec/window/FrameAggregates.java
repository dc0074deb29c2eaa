package dev.tarn.engine.exec.window;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.vector.SqlTypes;
import dev.tarn.engine.exec.vector.Vectors;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * COUNT, SUM and AVG over each row's frame, with the hash aggregate's result types (sum of integers: BIGINT;
 * sum of decimal(p,s): decimal(38,s); avg of decimals keeps the result scale, rounded half away from zero; avg
 * of integers or floats: DOUBLE). NULL arguments are skipped; an aggregate over no values is NULL (COUNT: 0).
 * Frames only move forwards within a partition, so sums slide: rows leaving the frame are subtracted and rows
 * entering are added, O(rows) per partition. Integer and decimal sums are exact (a long that moves into a
 * BigInteger on overflow); a result beyond BIGINT or decimal(38) fails with NUMERIC_OVERFLOW.
 */
final class FrameAggregates {
  private static final BigInteger DECIMAL_LIMIT = BigInteger.TEN.pow(38);

  private FrameAggregates() {}

  /** COUNT(*) when {@code argument} is null, else COUNT(argument): non-NULL values in each frame. */
  static FieldVector count(FieldVector argument, FrameBounds frames, Field field, BufferAllocator allocator) {
    int rowCount = frames.start().length;
    int[] prefix = new int[rowCount + 1];
    for (int i = 0; i < rowCount; i++) {
      boolean counted = argument == null || BitVectorHelper.get(argument.getValidityBuffer(), i) != 0;
      prefix[i + 1] = prefix[i] + (counted ? 1 : 0);
    }
    long[] counts = new long[rowCount];
    for (int i = 0; i < rowCount; i++) {
      int start = frames.start()[i];
      int end = frames.end()[i];
      counts[i] = end > start ? prefix[end] - prefix[start] : 0;
    }
    FieldVector result = Vectors.allocate(field, rowCount, allocator);
    Vectors.writeLongs(result, counts, rowCount);
    Vectors.setAllValid(result.getValidityBuffer(), rowCount);
    result.setValueCount(rowCount);
    return result;
  }

  /** SUM ({@code average} false) or AVG of {@code argument} over each row's frame. */
  static FieldVector sumOrAverage(FieldVector argument, FrameBounds frames, WindowLayout layout, boolean average,
      Field field, BufferAllocator allocator) {
    ArrowType type = argument.getField().getType();
    if (SqlTypes.isFloating(type)) {
      return floatingSum(argument, frames, layout, average, field, allocator);
    }
    if (SqlTypes.isInteger(type) || SqlTypes.isDecimal(type)) {
      return exactSum(argument, frames, layout, average, field, allocator);
    }
    throw TarnException.notSupported((average ? "avg" : "sum") + "(" + SqlTypes.name(type) + ") over a window");
  }

  private static FieldVector exactSum(FieldVector argument, FrameBounds frames, WindowLayout layout,
      boolean average, Field field, BufferAllocator allocator) {
    int rowCount = layout.rowCount();
    ArrowType type = argument.getField().getType();
    boolean decimal = SqlTypes.isDecimal(type);
    long[] values = decimal ? Vectors.readDecimalLongsIfSmall((DecimalVector) argument, rowCount)
        : Vectors.readLongs(argument, rowCount);
    BigInteger[] wide = values == null ? wideValues((DecimalVector) argument, rowCount) : null;
    boolean[] valid = validity(argument, rowCount);
    ExactSum sum = new ExactSum();
    FieldVector result = Vectors.allocate(field, rowCount, allocator);
    try {
      int inputScale = decimal ? SqlTypes.scale(type) : 0;
      int resultScale = SqlTypes.isDecimal(field.getType()) ? SqlTypes.scale(field.getType()) : 0;
      int currentStart = 0;
      int currentEnd = 0;
      for (int i = 0; i < rowCount; i++) {
        int start = frames.start()[i];
        int end = frames.end()[i];
        if (end <= start) {
          continue;
        }
        if (i == layout.partitionStart(i) || start >= currentEnd || start < currentStart || end < currentEnd) {
          sum.reset();
          currentStart = start;
          currentEnd = start;
        }
        for (; currentStart < start; currentStart++) {
          if (valid[currentStart]) {
            sum.add(values, wide, currentStart, -1);
          }
        }
        for (; currentEnd < end; currentEnd++) {
          if (valid[currentEnd]) {
            sum.add(values, wide, currentEnd, 1);
          }
        }
        if (sum.count > 0) {
          write(result, i, sum, average, decimal, inputScale, resultScale);
        }
      }
      result.setValueCount(rowCount);
      return result;
    } catch (RuntimeException e) {
      result.close();
      throw e;
    }
  }

  private static void write(FieldVector result, int row, ExactSum sum, boolean average, boolean decimal,
      int inputScale, int resultScale) {
    String function = average ? "avg" : "sum";
    if (SqlTypes.isFloating(result.getField().getType())) {
      double total = sum.spilled == null ? sum.total : sum.exact().doubleValue();
      ((Float8Vector) result).set(row, average ? total / sum.count : total);
      return;
    }
    if (!decimal) {
      if (sum.spilled != null && sum.exact().bitLength() > 63) {
        throw new TarnException(ErrorCode.NUMERIC_OVERFLOW, function, "bigint overflow in " + function);
      }
      long total = sum.spilled == null ? sum.total : sum.exact().longValue();
      ((BigIntVector) result).set(row, total);
      return;
    }
    DecimalVector decimals = (DecimalVector) result;
    if (sum.spilled == null && inputScale == resultScale) {
      long value = average ? divideHalfUp(sum.total, sum.count) : sum.total;
      decimals.getDataBuffer().setLong(row * 16L, value);
      decimals.getDataBuffer().setLong(row * 16L + 8, value >> 63);
      BitVectorHelper.setBit(decimals.getValidityBuffer(), row);
      return;
    }
    BigInteger total = sum.exact();
    if (total.abs().compareTo(DECIMAL_LIMIT) >= 0) {
      throw new TarnException(ErrorCode.NUMERIC_OVERFLOW, function, "decimal(38) overflow in " + function);
    }
    BigDecimal value = new BigDecimal(total, inputScale);
    value = average ? value.divide(BigDecimal.valueOf(sum.count), resultScale, RoundingMode.HALF_UP)
        : value.setScale(resultScale, RoundingMode.HALF_UP);
    decimals.set(row, value);
  }

  /** {@code total / count} rounded half away from zero. */
  static long divideHalfUp(long total, long count) {
    long quotient = total / count;
    long remainder = Math.abs(total % count);
    // remainder < count, so doubling it cannot overflow for any realistic count.
    return remainder * 2 >= count ? quotient + Long.signum(total) : quotient;
  }

  private static FieldVector floatingSum(FieldVector argument, FrameBounds frames, WindowLayout layout,
      boolean average, Field field, BufferAllocator allocator) {
    int rowCount = layout.rowCount();
    double[] values = Vectors.readDoubles(argument, rowCount);
    boolean[] valid = validity(argument, rowCount);
    FloatingSum sum = new FloatingSum();
    double[] results = new double[rowCount];
    boolean[] present = new boolean[rowCount];
    int currentStart = 0;
    int currentEnd = 0;
    for (int i = 0; i < rowCount; i++) {
      int start = frames.start()[i];
      int end = frames.end()[i];
      if (end <= start) {
        continue;
      }
      if (i == layout.partitionStart(i) || start >= currentEnd || start < currentStart || end < currentEnd) {
        sum.reset();
        currentStart = start;
        currentEnd = start;
      }
      for (; currentStart < start; currentStart++) {
        if (valid[currentStart]) {
          sum.add(values[currentStart], -1);
        }
      }
      for (; currentEnd < end; currentEnd++) {
        if (valid[currentEnd]) {
          sum.add(values[currentEnd], 1);
        }
      }
      if (sum.count > 0) {
        present[i] = true;
        results[i] = average ? sum.value() / sum.count : sum.value();
      }
    }
    FieldVector result = Vectors.allocate(field, rowCount, allocator);
    Vectors.writeDoubles(result, results, rowCount);
    for (int i = 0; i < rowCount; i++) {
      BitVectorHelper.setValidityBit(result.getValidityBuffer(), i, present[i] ? 1 : 0);
    }
    result.setValueCount(rowCount);
    return result;
  }

  private static boolean[] validity(FieldVector vector, int rowCount) {
    boolean[] valid = new boolean[rowCount];
    for (int i = 0; i < rowCount; i++) {
      valid[i] = BitVectorHelper.get(vector.getValidityBuffer(), i) != 0;
    }
    return valid;
  }

  /** Only for decimals beyond 18 digits, where values cannot be longs. */
  private static BigInteger[] wideValues(DecimalVector vector, int rowCount) {
    BigInteger[] values = new BigInteger[rowCount];
    for (int i = 0; i < rowCount; i++) {
      if (!vector.isNull(i)) {
        values[i] = vector.getObject(i).unscaledValue();
      }
    }
    return values;
  }

  /** A running exact sum of unscaled longs: a long total, moved into {@code spilled} when it would overflow. */
  private static final class ExactSum {
    long total;
    BigInteger spilled;
    long count;

    void reset() {
      total = 0;
      spilled = null;
      count = 0;
    }

    /** Adds ({@code sign} 1) or subtracts ({@code sign} -1) value {@code row}. */
    void add(long[] values, BigInteger[] wide, int row, int sign) {
      count += sign;
      if (wide != null) {
        BigInteger value = sign > 0 ? wide[row] : wide[row].negate();
        spilled = spilled == null ? value : spilled.add(value);
        return;
      }
      long value = values[row];
      long next = sign > 0 ? total + value : total - value;
      boolean overflow = sign > 0 ? ((total ^ next) & (value ^ next)) < 0 : ((total ^ value) & (total ^ next)) < 0;
      if (overflow) {
        BigInteger moved = BigInteger.valueOf(total).add(BigInteger.valueOf(sign).multiply(BigInteger.valueOf(value)));
        spilled = spilled == null ? moved : spilled.add(moved);
        total = 0;
      } else {
        total = next;
      }
    }

    BigInteger exact() {
      BigInteger sum = BigInteger.valueOf(total);
      return spilled == null ? sum : sum.add(spilled);
    }
  }

  /** A sliding sum of finite doubles with NaN and infinities counted apart, so removing them is exact. */
  private static final class FloatingSum {
    double finite;
    long count;
    long notANumber;
    long positiveInfinity;
    long negativeInfinity;

    void reset() {
      finite = 0;
      count = 0;
      notANumber = 0;
      positiveInfinity = 0;
      negativeInfinity = 0;
    }

    void add(double value, int sign) {
      count += sign;
      if (Double.isNaN(value)) {
        notANumber += sign;
      } else if (value == Double.POSITIVE_INFINITY) {
        positiveInfinity += sign;
      } else if (value == Double.NEGATIVE_INFINITY) {
        negativeInfinity += sign;
      } else {
        finite += sign * value;
      }
      if (count == 0) {
        // An empty frame sums to exactly zero again, shedding rounding left by earlier subtractions.
        finite = 0;
      }
    }

    double value() {
      if (notANumber > 0 || (positiveInfinity > 0 && negativeInfinity > 0)) {
        return Double.NaN;
      }
      return positiveInfinity > 0 ? Double.POSITIVE_INFINITY : negativeInfinity > 0 ? Double.NEGATIVE_INFINITY
          : finite;
    }
  }
}

