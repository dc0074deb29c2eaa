package dev.tarn.engine.exec.aggregate;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.vector.Vectors;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/** SUM of integers into a BIGINT; overflow fails with NUMERIC_OVERFLOW; NULL for a group without values. */
final class LongSumAccumulator implements Accumulator {
  private long[] sums = new long[16];
  private boolean[] present = new boolean[16];

  @Override
  public void add(FieldVector argument, int[] groupIds, int rowCount, int groupCount) {
    sums = Accumulators.grow(sums, groupCount);
    present = Accumulators.grow(present, groupCount);
    long[] values = Vectors.readLongs(argument, rowCount);
    ArrowBuf validity = argument.getValidityBuffer();
    try {
      for (int i = 0; i < rowCount; i++) {
        if (BitVectorHelper.get(validity, i) != 0) {
          int group = groupIds[i];
          sums[group] = Math.addExact(sums[group], values[i]);
          present[group] = true;
        }
      }
    } catch (ArithmeticException e) {
      throw new TarnException(ErrorCode.NUMERIC_OVERFLOW, "sum", "bigint overflow in sum");
    }
  }

  @Override
  public void merge(Accumulator other, int[] groupMap, int otherGroupCount, int groupCount) {
    LongSumAccumulator partial = (LongSumAccumulator) other;
    sums = Accumulators.grow(sums, groupCount);
    present = Accumulators.grow(present, groupCount);
    long[] partialSums = Accumulators.grow(partial.sums, otherGroupCount);
    boolean[] partialPresent = Accumulators.grow(partial.present, otherGroupCount);
    try {
      for (int group = 0; group < otherGroupCount; group++) {
        if (partialPresent[group]) {
          int target = groupMap[group];
          sums[target] = Math.addExact(sums[target], partialSums[group]);
          present[target] = true;
        }
      }
    } catch (ArithmeticException e) {
      throw new TarnException(ErrorCode.NUMERIC_OVERFLOW, "sum", "bigint overflow in sum");
    }
  }

  @Override
  public FieldVector result(Field field, int groupCount, BufferAllocator allocator) {
    sums = Accumulators.grow(sums, groupCount);
    present = Accumulators.grow(present, groupCount);
    return Accumulators.fromLongs(field, sums, present, groupCount, allocator);
  }
}
