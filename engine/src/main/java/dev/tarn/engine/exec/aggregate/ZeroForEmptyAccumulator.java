package dev.tarn.engine.exec.aggregate;

import dev.tarn.engine.exec.vector.SqlTypes;
import dev.tarn.engine.exec.vector.Vectors;
import java.math.BigDecimal;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/** SUM0, which Calcite's rewrites emit (e.g. for a decorrelated COUNT): a sum that is 0, not NULL, without values. */
final class ZeroForEmptyAccumulator implements Accumulator {
  private final Accumulator sum;

  ZeroForEmptyAccumulator(Accumulator sum) {
    this.sum = sum;
  }

  @Override
  public void add(FieldVector argument, int[] groupIds, int rowCount, int groupCount) {
    sum.add(argument, groupIds, rowCount, groupCount);
  }

  @Override
  public void merge(Accumulator other, int[] groupMap, int otherGroupCount, int groupCount) {
    sum.merge(((ZeroForEmptyAccumulator) other).sum, groupMap, otherGroupCount, groupCount);
  }

  @Override
  public FieldVector result(Field field, int groupCount, BufferAllocator allocator) {
    FieldVector result = sum.result(field, groupCount, allocator);
    ArrowType type = field.getType();
    Object zero = SqlTypes.isDecimal(type) ? BigDecimal.ZERO.setScale(SqlTypes.scale(type))
        : SqlTypes.isFloating(type) ? (Object) 0.0 : (Object) 0L;
    for (int group = 0; group < groupCount; group++) {
      if (result.isNull(group)) {
        Vectors.setValue(result, group, zero);
      }
    }
    return result;
  }
}
