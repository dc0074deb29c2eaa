package dev.tarn.bench.exec;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.Operator;
import dev.tarn.engine.exec.vector.Vectors;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A source operator over batches built once (see {@link BenchColumns}): each {@link #next()} hands out a
 * zero-copy share of the next batch, so an operator benchmark times the operator, not the building of its input.
 * The shared batches stay the caller's; closing the source does not close them.
 */
public final class BatchSource implements Operator {
  private final List<Field> fields;
  private final List<Batch> batches;
  private final BufferAllocator allocator;
  private int next;
  private boolean closed;

  /** {@code allocator}: the query's allocator, which the shares are accounted to. */
  public BatchSource(List<Field> fields, List<Batch> batches, BufferAllocator allocator) {
    this.fields = List.copyOf(fields);
    this.batches = batches;
    this.allocator = allocator;
  }

  @Override
  public Schema schema() {
    return new Schema(fields);
  }

  @Override
  public Batch next() {
    if (closed || next >= batches.size()) {
      return null;
    }
    Batch batch = batches.get(next++);
    List<FieldVector> shares = new ArrayList<>(batch.columnCount());
    for (FieldVector column : batch.columns()) {
      shares.add(Vectors.share(column, allocator));
    }
    return new Batch(shares, batch.rowCount());
  }

  @Override
  public void close() {
    closed = true;
  }

  /** Pulls every batch of {@code operator}, closing each, then closes the operator; returns the row count. */
  public static long drain(Operator operator) {
    long rows = 0;
    try (operator) {
      for (Batch batch = operator.next(); batch != null; batch = operator.next()) {
        rows += batch.rowCount();
        batch.close();
      }
    }
    return rows;
  }
}
