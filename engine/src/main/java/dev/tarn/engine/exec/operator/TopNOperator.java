package dev.tarn.engine.exec.operator;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.Operator;
import dev.tarn.engine.exec.sort.IntSorter;
import dev.tarn.engine.exec.sort.RowBuffer;
import dev.tarn.engine.plan.SortKey;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The first {@code offset + limit} rows by the keys, of which it returns the last {@code limit}. A bounded
 * max-heap of row ids keeps the best rows seen; when the buffered batches grow past twice the heap size (or a
 * batch), the heap's rows are gathered into one fresh batch and the rest released, so memory stays bounded.
 */
public final class TopNOperator implements Operator {
  private final Operator input;
  private final List<SortKey> keys;
  private final long offset;
  private final int capacity;
  private final ExecutionContext context;
  private RowBuffer buffer;
  private int[] heap;
  private int heapSize;
  private int[] order;
  private int position;
  private boolean done;

  public TopNOperator(Operator input, List<SortKey> keys, long offset, long limit, ExecutionContext context) {
    this.input = input;
    this.keys = List.copyOf(keys);
    this.offset = offset;
    this.capacity = (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(0, offset + limit));
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
      selectTopRows();
    }
    if (position >= heapSize) {
      close();
      return null;
    }
    int count = Math.min(heapSize - position, context.batchSize());
    Batch batch = buffer.gather(order, position, count, context.allocator());
    position += count;
    return batch;
  }

  private void selectTopRows() {
    buffer = new RowBuffer(input.schema().getFields(), keys);
    heap = new int[Math.min(capacity, 1024)];
    if (capacity > 0) {
      for (Batch batch = input.next(); batch != null; batch = input.next()) {
        int first = buffer.rowCount();
        buffer.add(batch); // owned by the buffer before anything can throw, so a cancellation never leaks it
        context.checkCancelled();
        for (int row = first; row < buffer.rowCount(); row++) {
          offer(row);
        }
        if (buffer.rowCount() > 2L * Math.max(heapSize, context.batchSize())) {
          compact();
        }
      }
    }
    input.close();
    order = java.util.Arrays.copyOf(heap, heapSize);
    IntSorter.sort(order, 0, heapSize, buffer::compare);
    // Rows before the offset are part of the top rows but not returned.
    position = (int) Math.min(offset, heapSize);
  }

  private void offer(int row) {
    if (heapSize < capacity) {
      if (heapSize == heap.length) {
        heap = java.util.Arrays.copyOf(heap, (int) Math.min(capacity, heap.length * 2L));
      }
      heap[heapSize] = row;
      siftUp(heapSize++);
    } else if (buffer.compare(row, heap[0]) < 0) {
      heap[0] = row;
      siftDown(0);
    }
  }

  /** Keeps only the heap's rows: gathers them into one batch of a new buffer with ids 0..heapSize-1. */
  private void compact() {
    RowBuffer compacted = new RowBuffer(input.schema().getFields(), keys);
    try {
      compacted.add(buffer.gather(heap, 0, heapSize, context.allocator()));
    } catch (RuntimeException e) {
      compacted.close();
      throw e;
    }
    buffer.close();
    buffer = compacted;
    // The gathered rows keep the heap's array order, which is still a valid heap.
    for (int i = 0; i < heapSize; i++) {
      heap[i] = i;
    }
  }

  private void siftUp(int index) {
    int row = heap[index];
    while (index > 0) {
      int parent = (index - 1) / 2;
      if (buffer.compare(heap[parent], row) >= 0) {
        break;
      }
      heap[index] = heap[parent];
      index = parent;
    }
    heap[index] = row;
  }

  private void siftDown(int index) {
    int row = heap[index];
    while (true) {
      int child = 2 * index + 1;
      if (child >= heapSize) {
        break;
      }
      if (child + 1 < heapSize && buffer.compare(heap[child + 1], heap[child]) > 0) {
        child++;
      }
      if (buffer.compare(row, heap[child]) >= 0) {
        break;
      }
      heap[index] = heap[child];
      index = child;
    }
    heap[index] = row;
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
