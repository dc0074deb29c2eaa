package dev.tarn.engine.exec.operator;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.Operator;
import dev.tarn.engine.exec.expr.VectorExpression;
import dev.tarn.engine.exec.vector.Vectors;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/** Computes one output column per expression; column references share the input's buffers (zero-copy). */
public final class ProjectOperator implements Operator {
  private final Operator input;
  private final List<VectorExpression> expressions;
  private final List<Field> fields;
  private final ExecutionContext context;

  /** {@code fields} names and types the outputs, one per expression. */
  public ProjectOperator(Operator input, List<VectorExpression> expressions, List<Field> fields,
      ExecutionContext context) {
    this.input = input;
    this.expressions = List.copyOf(expressions);
    this.fields = List.copyOf(fields);
    this.context = context;
  }

  @Override
  public Schema schema() {
    return new Schema(fields);
  }

  @Override
  public Batch next() {
    context.checkCancelled();
    Batch batch = input.next();
    if (batch == null) {
      return null;
    }
    List<FieldVector> columns = new ArrayList<>(expressions.size());
    try (batch) {
      for (int i = 0; i < expressions.size(); i++) {
        FieldVector value = expressions.get(i).evaluate(batch, context.allocator());
        columns.add(Vectors.rename(value, fields.get(i), context.allocator()));
      }
      return new Batch(columns, batch.rowCount());
    } catch (RuntimeException e) {
      columns.forEach(FieldVector::close);
      throw e;
    }
  }

  @Override
  public void close() {
    input.close();
  }
}
