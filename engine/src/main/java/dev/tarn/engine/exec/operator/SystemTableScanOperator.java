package dev.tarn.engine.exec.operator;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.Operator;
import dev.tarn.engine.exec.vector.Vectors;
import dev.tarn.engine.plan.SystemTableScanNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Reads a system table: takes a snapshot of its rows at the first {@code next()} and returns them as Arrow
 * batches of at most the batch size. Filters, sorts and limits above it are ordinary operators.
 */
public final class SystemTableScanOperator implements Operator {

  private final SystemTableScanNode node;
  private final SystemTableSource source;
  private final ExecutionContext context;
  private final Schema schema;
  private List<List<Object>> rows;
  private int position;

  public SystemTableScanOperator(SystemTableScanNode node, SystemTableSource source, ExecutionContext context) {
    this.node = node;
    this.source = source;
    this.context = context;
    this.schema = new Schema(node.fields());
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public Batch next() {
    context.checkCancelled();
    if (rows == null) {
      rows = source.rows(node.table());
    }
    if (position >= rows.size()) {
      return null;
    }
    int count = Math.min(context.batchSize(), rows.size() - position);
    List<FieldVector> vectors = new ArrayList<>(node.fields().size());
    try {
      for (int column = 0; column < node.fields().size(); column++) {
        Field field = node.fields().get(column);
        List<Object> values = new ArrayList<>(count);
        for (int row = position; row < position + count; row++) {
          values.add(rows.get(row).get(column));
        }
        vectors.add(Vectors.fromValues(field, values, context.allocator()));
      }
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
    position += count;
    return new Batch(vectors, count);
  }

  @Override
  public void close() {
    rows = null;
  }
}
