package dev.tarn.engine.exec.operator;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.Operator;
import dev.tarn.engine.exec.expr.VectorExpression;
import dev.tarn.engine.exec.vector.Gather;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Keeps the rows for which the condition is true (not false, not NULL). A batch whose rows all pass is passed
 * through untouched; a batch with none is skipped rather than returned empty; others are compacted by index.
 */
public final class FilterOperator implements Operator {
  private final Operator input;
  private final VectorExpression condition;
  private final ExecutionContext context;
  /** Indexes of the rows kept, reused across batches (an operator runs on one thread at a time). */
  private int[] selected = new int[0];

  public FilterOperator(Operator input, VectorExpression condition, ExecutionContext context) {
    this.input = input;
    this.condition = condition;
    this.context = context;
  }

  @Override
  public Schema schema() {
    return input.schema();
  }

  @Override
  public Batch next() {
    while (true) {
      context.checkCancelled();
      Batch batch = input.next();
      if (batch == null) {
        return null;
      }
      try {
        int rowCount = batch.rowCount();
        if (selected.length < rowCount) {
          selected = new int[rowCount];
        }
        int count = 0;
        try (FieldVector result = condition.evaluate(batch, context.allocator())) {
          if (!(result instanceof NullVector)) {
            ArrowBuf valid = result.getValidityBuffer();
            ArrowBuf data = result.getDataBuffer();
            // Eight rows per step: the set bits of (valid AND true), bits past the last row masked off.
            for (int base = 0; base < rowCount; base += 8) {
              int bits = valid.getByte(base >> 3) & data.getByte(base >> 3) & 0xFF;
              if (rowCount - base < 8) {
                bits &= (1 << (rowCount - base)) - 1;
              }
              while (bits != 0) {
                selected[count++] = base + Integer.numberOfTrailingZeros(bits);
                bits &= bits - 1;
              }
            }
          }
        }
        if (count == rowCount && rowCount > 0) {
          return batch;
        }
        if (count > 0) {
          try (Batch kept = batch) {
            return Gather.batch(kept, selected, count, context.allocator());
          }
        }
        batch.close();
      } catch (RuntimeException e) {
        batch.close();
        throw e;
      }
    }
  }

  @Override
  public void close() {
    input.close();
  }
}
