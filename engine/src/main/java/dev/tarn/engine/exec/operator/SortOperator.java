package dev.tarn.engine.exec.operator;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.Operator;
import dev.tarn.engine.exec.sort.RowBuffer;
import dev.tarn.engine.plan.SortKey;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Sorts its whole input in memory: buffers every batch, sorts row ids by the keys (stable merge sort), then
 * gathers output batches of the context's batch size. No spilling yet.
 */
public final class SortOperator implements Operator {
  private final Operator input;
  private final List<SortKey> keys;
  private final ExecutionContext context;
  private RowBuffer buffer;
  private int[] order;
  private int position;
  private boolean done;

  public SortOperator(Operator input, List<SortKey> keys, ExecutionContext context) {
    this.input = input;
    this.keys = List.copyOf(keys);
    this.context = context;
  }

  @Override
  public Schema schema() {
    return input.schema();
  }

  @Override
  public Batch next() {
    if (done) {
      return null;
    }
    if (buffer == null) {
      buffer = new RowBuffer(input.schema().getFields(), keys);
      for (Batch batch = input.next(); batch != null; batch = input.next()) {
        buffer.add(batch); // owned by the buffer before anything can throw, so a cancellation never leaks it
        context.checkCancelled();
      }
      input.close();
      order = buffer.sortedIds(context::checkCancelled);
    }
    if (position >= order.length) {
      close();
      return null;
    }
    int count = Math.min(order.length - position, context.batchSize());
    Batch batch = buffer.gather(order, position, count, context.allocator());
    position += count;
    return batch;
  }

  @Override
  public void close() {
    done = true;
    if (buffer != null) {
      buffer.close();
    }
    input.close();
  }
}
