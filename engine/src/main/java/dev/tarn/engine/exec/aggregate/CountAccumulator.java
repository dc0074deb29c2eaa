package dev.tarn.engine.exec.aggregate;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.types.pojo.Field;

/** COUNT(*) (no argument: every row) and COUNT(x) (non-NULL rows); never NULL, 0 for an empty group. */
final class CountAccumulator implements Accumulator {
  private long[] counts = new long[16];

  @Override
  public void add(FieldVector argument, int[] groupIds, int rowCount, int groupCount) {
    counts = Accumulators.grow(counts, groupCount);
    if (argument instanceof NullVector) {
      return;
    }
    if (argument == null || argument.getNullCount() == 0) {
      for (int i = 0; i < rowCount; i++) {
        counts[groupIds[i]]++;
      }
      return;
    }
    ArrowBuf validity = argument.getValidityBuffer();
    for (int i = 0; i < rowCount; i++) {
      counts[groupIds[i]] += BitVectorHelper.get(validity, i);
    }
  }

  @Override
  public void merge(Accumulator other, int[] groupMap, int otherGroupCount, int groupCount) {
    counts = Accumulators.grow(counts, groupCount);
    long[] partial = Accumulators.grow(((CountAccumulator) other).counts, otherGroupCount);
    for (int group = 0; group < otherGroupCount; group++) {
      counts[groupMap[group]] += partial[group];
    }
  }

  @Override
  public FieldVector result(Field field, int groupCount, BufferAllocator allocator) {
    counts = Accumulators.grow(counts, groupCount);
    return Accumulators.fromLongs(field, counts, null, groupCount, allocator);
  }
}
