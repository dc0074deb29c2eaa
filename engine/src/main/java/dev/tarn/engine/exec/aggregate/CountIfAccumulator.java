package dev.tarn.engine.exec.aggregate;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/** COUNT_IF(condition) (Athena): the number of rows where the Bool argument is true; never NULL, 0 when none. */
final class CountIfAccumulator implements Accumulator {
  private long[] counts = new long[16];

  @Override
  public void add(FieldVector argument, int[] groupIds, int rowCount, int groupCount) {
    counts = Accumulators.grow(counts, groupCount);
    if (!(argument instanceof BitVector bits)) {
      // A NULL-typed argument is never true.
      return;
    }
    ArrowBuf validity = bits.getValidityBuffer();
    ArrowBuf values = bits.getDataBuffer();
    for (int i = 0; i < rowCount; i++) {
      counts[groupIds[i]] += BitVectorHelper.get(validity, i) & BitVectorHelper.get(values, i);
    }
  }

  @Override
  public void merge(Accumulator other, int[] groupMap, int otherGroupCount, int groupCount) {
    counts = Accumulators.grow(counts, groupCount);
    long[] partial = Accumulators.grow(((CountIfAccumulator) other).counts, otherGroupCount);
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
