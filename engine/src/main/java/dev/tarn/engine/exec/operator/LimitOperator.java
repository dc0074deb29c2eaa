package dev.tarn.engine.exec.operator;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.Operator;
import dev.tarn.engine.exec.vector.Vectors;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Skips {@code offset} rows, then returns at most {@code limit} rows (negative: no limit). Once the limit is
 * reached it closes its input at once so that scans below stop reading.
 */
public final class LimitOperator implements Operator {
  private final Operator input;
  private final ExecutionContext context;
  private long toSkip;
  private long remaining;
  private boolean finished;

  public LimitOperator(Operator input, long offset, long limit, ExecutionContext context) {
    this.input = input;
    this.context = context;
    this.toSkip = offset;
    this.remaining = limit < 0 ? Long.MAX_VALUE : limit;
  }

  @Override
  public Schema schema() {
    return input.schema();
  }

  @Override
  public Batch next() {
    while (!finished) {
      if (remaining == 0) {
        finish();
        return null;
      }
      context.checkCancelled();
      Batch batch = input.next();
      if (batch == null) {
        finish();
        return null;
      }
      int rowCount = batch.rowCount();
      if (toSkip >= rowCount) {
        toSkip -= rowCount;
        batch.close();
        continue;
      }
      int start = (int) toSkip;
      int length = (int) Math.min(rowCount - start, remaining);
      toSkip = 0;
      remaining -= length;
      if (start == 0 && length == rowCount) {
        return batch;
      }
      try (batch) {
        return slice(batch, start, length);
      }
    }
    return null;
  }

  private Batch slice(Batch batch, int start, int length) {
    return Vectors.sliceBatch(batch.columns(), start, length, context.allocator());
  }

  private void finish() {
    finished = true;
    input.close();
  }

  @Override
  public void close() {
    finished = true;
    input.close();
  }
}
