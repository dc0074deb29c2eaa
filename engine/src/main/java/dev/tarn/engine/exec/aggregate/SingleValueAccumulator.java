package dev.tarn.engine.exec.aggregate;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * SINGLE_VALUE, which Calcite puts under a scalar subquery: the group's one value (NULL for no rows) and an
 * error as soon as a group has a second row, NULL or not. The value is kept by a MIN accumulator, which with at
 * most one row per group holds exactly that row's value.
 */
final class SingleValueAccumulator implements Accumulator {
  private final Accumulator value;
  private long[] rows = new long[16];

  SingleValueAccumulator(Accumulator value) {
    this.value = value;
  }

  @Override
  public void add(FieldVector argument, int[] groupIds, int rowCount, int groupCount) {
    rows = Accumulators.grow(rows, groupCount);
    for (int i = 0; i < rowCount; i++) {
      if (++rows[groupIds[i]] > 1) {
        throw new TarnException(ErrorCode.SUBQUERY_MULTIPLE_ROWS, "scalar subquery",
            "Scalar subquery returned more than one row");
      }
    }
    value.add(argument, groupIds, rowCount, groupCount);
  }

  @Override
  public void merge(Accumulator other, int[] groupMap, int otherGroupCount, int groupCount) {
    SingleValueAccumulator partial = (SingleValueAccumulator) other;
    rows = Accumulators.grow(rows, groupCount);
    long[] partialRows = Accumulators.grow(partial.rows, otherGroupCount);
    for (int group = 0; group < otherGroupCount; group++) {
      if ((rows[groupMap[group]] += partialRows[group]) > 1) {
        throw new TarnException(ErrorCode.SUBQUERY_MULTIPLE_ROWS, "scalar subquery",
            "Scalar subquery returned more than one row");
      }
    }
    value.merge(partial.value, groupMap, otherGroupCount, groupCount);
  }

  @Override
  public FieldVector result(Field field, int groupCount, BufferAllocator allocator) {
    return value.result(field, groupCount, allocator);
  }
}
