package dev.tarn.engine.exec.expr;

import dev.tarn.engine.exec.Batch;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** A compiled scalar expression: evaluates a whole batch at once. Stateless and safe to reuse across batches. */
public interface VectorExpression {

  /** The type of the vectors {@link #evaluate} returns. */
  ArrowType type();

  /** A NEW vector (owned by the caller) of {@code input.rowCount()} values; never modifies {@code input}. */
  FieldVector evaluate(Batch input, BufferAllocator allocator);
}
