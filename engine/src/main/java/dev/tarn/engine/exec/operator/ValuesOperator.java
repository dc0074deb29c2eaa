package dev.tarn.engine.exec.operator;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.Operator;
import dev.tarn.engine.exec.vector.Vectors;
import dev.tarn.engine.plan.ValuesNode;
import dev.tarn.engine.plan.expr.Literal;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Schema;

/** Returns the constant rows of a {@link ValuesNode}, in batches of at most the context's batch size. */
public final class ValuesOperator implements Operator {
  private final ValuesNode node;
  private final ExecutionContext context;
  private int position;

  public ValuesOperator(ValuesNode node, ExecutionContext context) {
    this.node = node;
    this.context = context;
  }

  @Override
  public Schema schema() {
    return new Schema(node.fields());
  }

  @Override
  public Batch next() {
    List<List<Literal>> rows = node.rows();
    if (position >= rows.size()) {
      return null;
    }
    context.checkCancelled();
    int count = Math.min(rows.size() - position, context.batchSize());
    List<FieldVector> columns = new ArrayList<>(node.fields().size());
    try {
      for (int column = 0; column < node.fields().size(); column++) {
        FieldVector vector = Vectors.allocate(node.fields().get(column), count, context.allocator());
        columns.add(vector);
        for (int row = 0; row < count; row++) {
          Vectors.setValue(vector, row, rows.get(position + row).get(column).value());
        }
      }
      position += count;
      return new Batch(columns, count);
    } catch (RuntimeException e) {
      columns.forEach(FieldVector::close);
      throw e;
    }
  }

  @Override
  public void close() {
    position = node.rows().size();
  }
}
