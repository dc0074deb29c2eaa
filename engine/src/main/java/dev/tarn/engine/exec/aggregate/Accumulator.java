package dev.tarn.engine.exec.aggregate;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/** The running state of one aggregate function over all groups, fed a batch at a time. */
public interface Accumulator {

  /** Adds rows {@code 0..rowCount)} of {@code argument} (null for COUNT(*)) to groups {@code groupIds[row]}. */
  void add(FieldVector argument, int[] groupIds, int rowCount, int groupCount);

  /**
   * Folds in {@code other}, an accumulator of the same aggregate fed other rows (another thread's partial state):
   * its group g goes into group {@code groupMap[g]} of this one, for g in {@code 0..otherGroupCount)}; afterwards
   * this accumulator has {@code groupCount} groups. The merged state is the one a single accumulator fed both
   * inputs would hold, up to floating-point rounding.
   */
  void merge(Accumulator other, int[] groupMap, int otherGroupCount, int groupCount);

  /** A new vector of {@code field} with the result of groups {@code 0..groupCount)}. */
  FieldVector result(Field field, int groupCount, BufferAllocator allocator);
}
