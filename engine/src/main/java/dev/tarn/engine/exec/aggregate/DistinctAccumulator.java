package dev.tarn.engine.exec.aggregate;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.vector.Gather;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * An aggregate over DISTINCT values: a hash table keyed on (group, value) lets through only the first non-NULL
 * occurrence of each value per group, which is then fed to the plain accumulator.
 */
final class DistinctAccumulator implements Accumulator {
  private final Accumulator inner;
  private final GroupHashTable seen = new GroupHashTable();

  DistinctAccumulator(Accumulator inner) {
    this.inner = inner;
  }

  @Override
  public void add(FieldVector argument, int[] groupIds, int rowCount, int groupCount) {
    if (argument instanceof NullVector) {
      inner.add(argument, groupIds, 0, groupCount);
      return;
    }
    KeyEncoder.EncodedKeys keys = KeyEncoder.encode(List.of(argument), groupIds, rowCount);
    ArrowBuf validity = argument.getValidityBuffer();
    int[] firstRows = new int[rowCount];
    int[] firstGroups = new int[rowCount];
    int count = 0;
    for (int i = 0; i < rowCount; i++) {
      if (BitVectorHelper.get(validity, i) == 0) {
        continue;
      }
      int before = seen.groupCount();
      if (seen.findOrInsert(keys.bytes(), keys.offsets()[i], keys.offsets()[i + 1]) == before) {
        firstRows[count] = i;
        firstGroups[count++] = groupIds[i];
      }
    }
    try (FieldVector firsts = Gather.rows(argument, firstRows, 0, count, argument.getAllocator())) {
      inner.add(firsts, firstGroups, count, groupCount);
    }
  }

  /** Never called: an aggregation with a DISTINCT aggregate runs single-threaded (after a gather). */
  @Override
  public void merge(Accumulator other, int[] groupMap, int otherGroupCount, int groupCount) {
    throw new TarnException(ErrorCode.INTERNAL_ERROR, "distinct aggregate",
        "a DISTINCT aggregate has no partial state to merge");
  }

  @Override
  public FieldVector result(Field field, int groupCount, BufferAllocator allocator) {
    return inner.result(field, groupCount, allocator);
  }
}
