package dev.tarn.engine.exec.aggregate;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.vector.SqlTypes;
import dev.tarn.engine.exec.vector.Vectors;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Exact SUM or AVG of decimals. Short decimals add unscaled longs and move a group's running total into a
 * BigInteger only when a long would overflow; AVG rounds HALF_UP to the result scale. A sum beyond 38 digits
 * fails with NUMERIC_OVERFLOW.
 */
final class DecimalSumAccumulator implements Accumulator {
  private static final BigInteger LIMIT = BigInteger.TEN.pow(38);
  private static final long[] POWERS_OF_TEN = new long[19];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
  }

  private final boolean average;
  private long[] sums = new long[16];
  private BigInteger[] spilled = new BigInteger[16];
  private long[] counts = new long[16];
  private int scale = -1;

  DecimalSumAccumulator(boolean average) {
    this.average = average;
  }

  @Override
  public void add(FieldVector argument, int[] groupIds, int rowCount, int groupCount) {
    sums = Accumulators.grow(sums, groupCount);
    spilled = Accumulators.grow(spilled, groupCount);
    counts = Accumulators.grow(counts, groupCount);
    scale = SqlTypes.scale(argument.getField().getType());
    ArrowBuf validity = argument.getValidityBuffer();
    // The long path whenever this batch's values fit in longs, whatever precision the type declares: the low
    // words are read in place, no per-batch copy.
    boolean shortDecimal = Vectors.decimalsFitInLongs((DecimalVector) argument, rowCount);
    ArrowBuf data = argument.getDataBuffer();
    for (int i = 0; i < rowCount; i++) {
      if (BitVectorHelper.get(validity, i) == 0) {
        continue;
      }
      int group = groupIds[i];
      counts[group]++;
      if (shortDecimal) {
        long value = data.getLong(i * 16L);
        long sum = sums[group] + value;
        // Overflow iff both operands have the same sign and the sum's sign differs.
        if (((sums[group] ^ sum) & (value ^ sum)) < 0) {
          spill(group, BigInteger.valueOf(value));
        } else {
          sums[group] = sum;
        }
      } else {
        spill(group, ((DecimalVector) argument).getObject(i).unscaledValue());
      }
    }
  }

  private void spill(int group, BigInteger value) {
    BigInteger total = spilled[group] == null ? BigInteger.ZERO : spilled[group];
    spilled[group] = total.add(BigInteger.valueOf(sums[group])).add(value);
    sums[group] = 0;
  }

  /**
   * Adds the other state's long sums like values (spilling on overflow) and its BigInteger parts exactly, so the
   * total, and the average's rounding, are those of one accumulator fed every value.
   */
  @Override
  public void merge(Accumulator other, int[] groupMap, int otherGroupCount, int groupCount) {
    DecimalSumAccumulator partial = (DecimalSumAccumulator) other;
    sums = Accumulators.grow(sums, groupCount);
    spilled = Accumulators.grow(spilled, groupCount);
    counts = Accumulators.grow(counts, groupCount);
    long[] partialSums = Accumulators.grow(partial.sums, otherGroupCount);
    BigInteger[] partialSpilled = Accumulators.grow(partial.spilled, otherGroupCount);
    long[] partialCounts = Accumulators.grow(partial.counts, otherGroupCount);
    if (scale < 0) {
      scale = partial.scale;
    }
    for (int group = 0; group < otherGroupCount; group++) {
      if (partialCounts[group] == 0) {
        continue;
      }
      int target = groupMap[group];
      counts[target] += partialCounts[group];
      long sum = sums[target] + partialSums[group];
      if (((sums[target] ^ sum) & (partialSums[group] ^ sum)) < 0) {
        spill(target, BigInteger.valueOf(partialSums[group]));
      } else {
        sums[target] = sum;
      }
      if (partialSpilled[group] != null) {
        spill(target, partialSpilled[group]);
      }
    }
  }

  /**
   * The unscaled result for a long {@code total} at scale + {@code digits}: the sum, or the average rounded HALF_UP
   * as {@link BigDecimal#divide} would; Long.MIN_VALUE when a long cannot hold it (the BigDecimal path then does).
   */
  private long scaledResult(long total, long count, int digits) {
    long factor = POWERS_OF_TEN[digits];
    long high = Math.multiplyHigh(total, factor);
    long scaled = total * factor;
    if (high != scaled >> 63 || scaled == Long.MIN_VALUE) {
      return Long.MIN_VALUE;
    }
    if (!average) {
      return scaled;
    }
    long quotient = scaled / count;
    long remainder = Math.abs(scaled % count);
    // HALF_UP: away from zero when the remainder is at least half the divisor (written so nothing overflows).
    if (remainder >= count - remainder) {
      quotient += scaled < 0 ? -1 : 1;
    }
    return quotient;
  }

  @Override
  public FieldVector result(Field field, int groupCount, BufferAllocator allocator) {
    sums = Accumulators.grow(sums, groupCount);
    spilled = Accumulators.grow(spilled, groupCount);
    counts = Accumulators.grow(counts, groupCount);
    DecimalVector result = (DecimalVector) Vectors.allocate(field, groupCount, allocator);
    try {
      int resultScale = SqlTypes.scale(field.getType());
      int precision = SqlTypes.precision(field.getType());
      ArrowBuf data = result.getDataBuffer();
      ArrowBuf validity = result.getValidityBuffer();
      for (int group = 0; group < groupCount; group++) {
        if (counts[group] == 0) {
          continue;
        }
        if (spilled[group] == null && resultScale >= scale && resultScale - scale <= 18) {
          // The usual case, a total that never left its long: exact long arithmetic, no BigDecimal per group.
          long unscaled = scaledResult(sums[group], counts[group], resultScale - scale);
          if (unscaled != Long.MIN_VALUE && (precision > 18 || Math.abs(unscaled) < POWERS_OF_TEN[precision])) {
            data.setLong(group * 16L, unscaled);
            data.setLong(group * 16L + 8, unscaled >> 63);
            BitVectorHelper.setBit(validity, group);
            continue;
          }
        }
        BigInteger total = BigInteger.valueOf(sums[group]);
        if (spilled[group] != null) {
          total = total.add(spilled[group]);
        }
        if (total.abs().compareTo(LIMIT) >= 0) {
          throw new TarnException(ErrorCode.NUMERIC_OVERFLOW, average ? "avg" : "sum",
              "decimal(38) overflow in " + (average ? "avg" : "sum"));
        }
        BigDecimal value = new BigDecimal(total, scale);
        value = average ? value.divide(BigDecimal.valueOf(counts[group]), resultScale, RoundingMode.HALF_UP)
            : value.setScale(resultScale, RoundingMode.HALF_UP);
        result.set(group, value);
      }
      result.setValueCount(groupCount);
      return result;
    } catch (RuntimeException e) {
      result.close();
      throw e;
    }
  }
}
