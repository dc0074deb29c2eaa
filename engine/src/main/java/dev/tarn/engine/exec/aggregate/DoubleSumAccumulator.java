package dev.tarn.engine.exec.aggregate;

import dev.tarn.engine.exec.vector.Vectors;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/** SUM of floats, or AVG of integers or floats, in double precision; NULL for a group without values. */
final class DoubleSumAccumulator implements Accumulator {
  private final boolean average;
  private double[] sums = new double[16];
  private long[] counts = new long[16];

  DoubleSumAccumulator(boolean average) {
    this.average = average;
  }

  @Override
  public void add(FieldVector argument, int[] groupIds, int rowCount, int groupCount) {
    sums = Accumulators.grow(sums, groupCount);
    counts = Accumulators.grow(counts, groupCount);
    double[] values = Vectors.readDoubles(argument, rowCount);
    ArrowBuf validity = argument.getValidityBuffer();
    for (int i = 0; i < rowCount; i++) {
      if (BitVectorHelper.get(validity, i) != 0) {
        sums[groupIds[i]] += values[i];
        counts[groupIds[i]]++;
      }
    }
  }

  @Override
  public void merge(Accumulator other, int[] groupMap, int otherGroupCount, int groupCount) {
    DoubleSumAccumulator partial = (DoubleSumAccumulator) other;
    sums = Accumulators.grow(sums, groupCount);
    counts = Accumulators.grow(counts, groupCount);
    double[] partialSums = Accumulators.grow(partial.sums, otherGroupCount);
    long[] partialCounts = Accumulators.grow(partial.counts, otherGroupCount);
    for (int group = 0; group < otherGroupCount; group++) {
      sums[groupMap[group]] += partialSums[group];
      counts[groupMap[group]] += partialCounts[group];
    }
  }

  @Override
  public FieldVector result(Field field, int groupCount, BufferAllocator allocator) {
    sums = Accumulators.grow(sums, groupCount);
    counts = Accumulators.grow(counts, groupCount);
    boolean[] present = new boolean[groupCount];
    double[] results = new double[groupCount];
    for (int group = 0; group < groupCount; group++) {
      present[group] = counts[group] > 0;
      results[group] = average && present[group] ? sums[group] / counts[group] : sums[group];
    }
    return Accumulators.fromDoubles(field, results, present, groupCount, allocator);
  }
}
