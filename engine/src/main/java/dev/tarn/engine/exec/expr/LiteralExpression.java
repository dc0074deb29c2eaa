package dev.tarn.engine.exec.expr;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.vector.Vectors;
import dev.tarn.engine.plan.expr.Literal;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/** A constant broadcast to the batch's row count. */
final class LiteralExpression implements VectorExpression {
  private final Literal literal;
  private final Field field;

  LiteralExpression(Literal literal) {
    this.literal = literal;
    this.field = new Field("literal", FieldType.nullable(literal.type()), null);
  }

  Literal literal() {
    return literal;
  }

  @Override
  public ArrowType type() {
    return literal.type();
  }

  @Override
  public FieldVector evaluate(Batch input, BufferAllocator allocator) {
    return Vectors.constant(field, literal.value(), input.rowCount(), allocator);
  }

  /** The constant as a one-row vector, for a {@link BroadcastKernel} to read as every row's value. */
  FieldVector evaluateScalar(BufferAllocator allocator) {
    return Vectors.constant(field, literal.value(), 1, allocator);
  }

  @Override
  public String toString() {
    return literal.toString();
  }
}
