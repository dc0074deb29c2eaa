package dev.tarn.engine.exec.aggregate;

import dev.tarn.engine.exec.vector.Gather;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/** Aggregate FILTER (WHERE ...): feeds an accumulator only the rows whose Bool filter column is true. */
public final class AggregateFilter {
  private AggregateFilter() {}

  /** Adds the rows of {@code argument} (null for COUNT(*)) where {@code filter} is true (not false, not NULL). */
  public static void addSelected(Accumulator accumulator, FieldVector argument, FieldVector filter, int[] groupIds,
      int rowCount, int groupCount, BufferAllocator allocator) {
    int[] selected = new int[rowCount];
    int[] selectedGroups = new int[rowCount];
    int count = 0;
    if (filter instanceof BitVector bits) {
      ArrowBuf validity = bits.getValidityBuffer();
      ArrowBuf values = bits.getDataBuffer();
      for (int row = 0; row < rowCount; row++) {
        // Branch-free: the row is kept when both its validity and value bits are set.
        selected[count] = row;
        selectedGroups[count] = groupIds[row];
        count += BitVectorHelper.get(validity, row) & BitVectorHelper.get(values, row);
      }
    }
    if (count == rowCount) {
      accumulator.add(argument, groupIds, rowCount, groupCount);
      return;
    }
    if (argument == null) {
      accumulator.add(null, selectedGroups, count, groupCount);
      return;
    }
    try (FieldVector kept = Gather.rows(argument, selected, 0, count, allocator)) {
      accumulator.add(kept, selectedGroups, count, groupCount);
    }
  }
}
