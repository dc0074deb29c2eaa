package dev.tarn.engine.exec.expr;

import dev.tarn.engine.exec.Batch;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * A function call: evaluates every argument, applies the resolved kernel, and frees the arguments. A
 * {@link BroadcastKernel} gets its constant arguments as one-row vectors instead of a copy per row.
 */
final class CallExpression implements VectorExpression {
  private final String function;
  private final Kernel kernel;
  private final List<VectorExpression> arguments;
  private final ArrowType type;
  private final boolean broadcast;

  CallExpression(String function, Kernel kernel, List<VectorExpression> arguments, ArrowType type) {
    this.function = function;
    this.kernel = kernel;
    this.arguments = List.copyOf(arguments);
    this.type = type;
    this.broadcast = kernel instanceof BroadcastKernel;
  }

  @Override
  public ArrowType type() {
    return type;
  }

  @Override
  public FieldVector evaluate(Batch input, BufferAllocator allocator) {
    List<FieldVector> values = new ArrayList<>(arguments.size());
    try {
      for (VectorExpression argument : arguments) {
        values.add(broadcast && argument instanceof LiteralExpression literal ? literal.evaluateScalar(allocator)
            : argument.evaluate(input, allocator));
      }
      return kernel.apply(values, input.rowCount(), allocator);
    } finally {
      for (FieldVector value : values) {
        value.close();
      }
    }
  }

  @Override
  public String toString() {
    return function + arguments;
  }
}
