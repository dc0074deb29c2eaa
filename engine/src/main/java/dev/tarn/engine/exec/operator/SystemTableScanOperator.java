package dev.tarn.engine.exec.operator;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.Operator;
import dev.tarn.engine.exec.vector.Vectors;
import dev.tarn.engine.plan.SystemTableScanNode;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Reads a system table: takes a snapshot of its contents (one batch, built column by column by its source) at the
 * first {@code next()} and returns it in slices of at most the batch size. Filters, sorts and limits above it are
 * ordinary operators.
 */
public final class SystemTableScanOperator implements Operator {

  private final SystemTableScanNode node;
  private final SystemTableSource source;
  private final ExecutionContext context;
  private final Schema schema;
  private Batch contents;
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
    if (contents == null) {
      contents = source.read(node.table(), node.fields(), context.allocator());
    }
    if (position >= contents.rowCount()) {
      return null;
    }
    int count = Math.min(context.batchSize(), contents.rowCount() - position);
    Batch batch = Vectors.sliceBatch(contents.columns(), position, count, context.allocator());
    position += count;
    return batch;
  }

  @Override
  public void close() {
    if (contents != null) {
      contents.close();
      contents = null;
    }
  }
}
