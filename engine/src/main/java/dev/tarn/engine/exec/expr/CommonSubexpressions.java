package dev.tarn.engine.exec.expr;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.vector.Vectors;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * The calls that occur more than once in a list of expressions compiled together (a projection's), each computed
 * at most once per batch: the first evaluation over the current batch is kept, later ones share its buffers
 * (zero-copy). Evaluations over any other batch (a CASE branch's subset of rows) are not cached. Owned by one
 * operator, so by one thread at a time; {@link #begin} names the batch, {@link #end} frees what was kept.
 */
public final class CommonSubexpressions {
  private final List<Shared> shared = new ArrayList<>();
  private Batch current;

  CommonSubexpressions() {}

  /** Expressions of {@code input} are now evaluated over {@code batch}. */
  public void begin(Batch batch) {
    end();
    current = batch;
  }

  /** Frees the values kept for the current batch. */
  public void end() {
    current = null;
    for (Shared expression : shared) {
      expression.release();
    }
  }

  /** True when no subexpression is shared (then begin and end do nothing useful). */
  public boolean isEmpty() {
    return shared.isEmpty();
  }

  VectorExpression share(VectorExpression expression) {
    Shared wrapped = new Shared(expression);
    shared.add(wrapped);
    return wrapped;
  }

  private final class Shared implements VectorExpression {
    private final VectorExpression expression;
    private FieldVector value;

    Shared(VectorExpression expression) {
      this.expression = expression;
    }

    @Override
    public ArrowType type() {
      return expression.type();
    }

    @Override
    public FieldVector evaluate(Batch input, BufferAllocator allocator) {
      if (input != current || current == null) {
        return expression.evaluate(input, allocator);
      }
      if (value == null) {
        value = expression.evaluate(input, allocator);
      }
      return Vectors.share(value, allocator);
    }

    void release() {
      if (value != null) {
        value.close();
        value = null;
      }
    }

    @Override
    public String toString() {
      return expression.toString();
    }
  }
}
