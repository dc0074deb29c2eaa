package dev.tarn.engine.exec.aggregate;

import dev.tarn.engine.exec.vector.SqlTypes;
import dev.tarn.engine.exec.vector.Vectors;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * VAR_SAMP, VAR_POP, STDDEV_SAMP and STDDEV_POP of numbers, in double precision with Welford's online update
 * over values shifted by the group's first value: the shift is exact for values of similar magnitude, so a
 * small spread around a large mean (1e9 +- 6) keeps its digits instead of drowning in the mean's rounding. NULL for a group without values; the sample forms are also
 * NULL for a group of one value. A decimal result field gets the value rounded half up to its scale.
 */
final class VarianceAccumulator implements Accumulator {
  private final boolean sample;
  private final boolean squareRoot;
  private long[] counts = new long[16];
  private double[] shifts = new double[16];
  private double[] means = new double[16];
  private double[] squaredDeviations = new double[16];

  /** {@code sample}: divide by n - 1 (else n); {@code squareRoot}: the standard deviation (else the variance). */
  VarianceAccumulator(boolean sample, boolean squareRoot) {
    this.sample = sample;
    this.squareRoot = squareRoot;
  }

  @Override
  public void add(FieldVector argument, int[] groupIds, int rowCount, int groupCount) {
    counts = Accumulators.grow(counts, groupCount);
    shifts = Accumulators.grow(shifts, groupCount);
    means = Accumulators.grow(means, groupCount);
    squaredDeviations = Accumulators.grow(squaredDeviations, groupCount);
    double[] values = readValues(argument, rowCount);
    ArrowBuf validity = argument.getValidityBuffer();
    for (int i = 0; i < rowCount; i++) {
      if (BitVectorHelper.get(validity, i) == 0) {
        continue;
      }
      int group = groupIds[i];
      long count = ++counts[group];
      if (count == 1) {
        shifts[group] = values[i];
      }
      double shifted = values[i] - shifts[group];
      double delta = shifted - means[group];
      means[group] += delta / count;
      squaredDeviations[group] += delta * (shifted - means[group]);
    }
  }

  private static double[] readValues(FieldVector argument, int rowCount) {
    if (!SqlTypes.isDecimal(argument.getField().getType())) {
      return Vectors.readDoubles(argument, rowCount);
    }
    DecimalVector decimals = (DecimalVector) argument;
    double scale = Math.pow(10, SqlTypes.scale(argument.getField().getType()));
    long[] unscaled = Vectors.readDecimalLongsIfSmall(decimals, rowCount);
    double[] values = new double[rowCount];
    for (int i = 0; i < rowCount; i++) {
      if (unscaled != null) {
        values[i] = unscaled[i] / scale;
      } else if (!decimals.isNull(i)) {
        values[i] = decimals.getObject(i).doubleValue();
      }
    }
    return values;
  }

  /**
   * Chan et al.'s pairwise update: the other state's mean is moved onto this group's shift (exact for values of
   * similar magnitude, like the shift itself), then counts, means and squared deviations combine.
   */
  @Override
  public void merge(Accumulator other, int[] groupMap, int otherGroupCount, int groupCount) {
    VarianceAccumulator partial = (VarianceAccumulator) other;
    counts = Accumulators.grow(counts, groupCount);
    shifts = Accumulators.grow(shifts, groupCount);
    means = Accumulators.grow(means, groupCount);
    squaredDeviations = Accumulators.grow(squaredDeviations, groupCount);
    long[] partialCounts = Accumulators.grow(partial.counts, otherGroupCount);
    double[] partialShifts = Accumulators.grow(partial.shifts, otherGroupCount);
    double[] partialMeans = Accumulators.grow(partial.means, otherGroupCount);
    double[] partialDeviations = Accumulators.grow(partial.squaredDeviations, otherGroupCount);
    for (int group = 0; group < otherGroupCount; group++) {
      long otherCount = partialCounts[group];
      if (otherCount == 0) {
        continue;
      }
      int target = groupMap[group];
      long count = counts[target];
      if (count == 0) {
        counts[target] = otherCount;
        shifts[target] = partialShifts[group];
        means[target] = partialMeans[group];
        squaredDeviations[target] = partialDeviations[group];
        continue;
      }
      double otherMean = partialMeans[group] + (partialShifts[group] - shifts[target]);
      long total = count + otherCount;
      double delta = otherMean - means[target];
      means[target] += delta * otherCount / total;
      squaredDeviations[target] += partialDeviations[group] + delta * delta * ((double) count * otherCount / total);
      counts[target] = total;
    }
  }

  @Override
  public FieldVector result(Field field, int groupCount, BufferAllocator allocator) {
    counts = Accumulators.grow(counts, groupCount);
    squaredDeviations = Accumulators.grow(squaredDeviations, groupCount);
    boolean[] present = new boolean[groupCount];
    double[] results = new double[groupCount];
    for (int group = 0; group < groupCount; group++) {
      long divisor = sample ? counts[group] - 1 : counts[group];
      present[group] = divisor > 0;
      if (present[group]) {
        double variance = squaredDeviations[group] / divisor;
        results[group] = squareRoot ? Math.sqrt(variance) : variance;
      }
    }
    if (!SqlTypes.isDecimal(field.getType())) {
      return Accumulators.fromDoubles(field, results, present, groupCount, allocator);
    }
    // Calcite types the variance family of a decimal like AVG (the argument's decimal type).
    FieldVector result = Vectors.allocate(field, groupCount, allocator);
    int scale = SqlTypes.scale(field.getType());
    for (int group = 0; group < groupCount; group++) {
      if (present[group]) {
        Vectors.setValue(result, group, BigDecimal.valueOf(results[group]).setScale(scale, RoundingMode.HALF_UP));
      }
    }
    result.setValueCount(groupCount);
    return result;
  }
}
