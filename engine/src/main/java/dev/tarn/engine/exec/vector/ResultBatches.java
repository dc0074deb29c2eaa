package dev.tarn.engine.exec.vector;

import dev.tarn.engine.exec.Batch;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * A blocking operator's computed result columns, handed out batch by batch as slices; owns the columns and frees
 * them on {@link #close()}.
 */
public final class ResultBatches implements AutoCloseable {
  private List<FieldVector> columns;
  private final int rowCount;
  private int position;

  /** Takes ownership of {@code columns}, each holding {@code rowCount} rows. */
  public ResultBatches(List<FieldVector> columns, int rowCount) {
    this.columns = List.copyOf(columns);
    this.rowCount = rowCount;
  }

  /** The next at most {@code batchSize} rows as a new batch owned by the caller, or null once all were handed out. */
  public Batch next(int batchSize, BufferAllocator allocator) {
    if (position >= rowCount) {
      return null;
    }
    int count = Math.min(rowCount - position, batchSize);
    Batch batch = Vectors.sliceBatch(columns, position, count, allocator);
    position += count;
    return batch;
  }

  @Override
  public void close() {
    columns.forEach(FieldVector::close);
    columns = List.of();
    position = rowCount;
  }
}
