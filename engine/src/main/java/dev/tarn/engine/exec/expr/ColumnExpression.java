package dev.tarn.engine.exec.expr;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.vector.Vectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** An input column: returns a zero-copy reference to the batch's vector. */
final class ColumnExpression implements VectorExpression {
  private final int index;
  private final ArrowType type;

  ColumnExpression(int index, ArrowType type) {
    this.index = index;
    this.type = type;
  }

  @Override
  public ArrowType type() {
    return type;
  }

  @Override
  public FieldVector evaluate(Batch input, BufferAllocator allocator) {
    return Vectors.share(input.column(index), allocator);
  }

  @Override
  public String toString() {
    return "$" + index;
  }
}
