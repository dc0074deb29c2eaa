package dev.tarn.engine.exec.parallel;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.Operator;
import dev.tarn.engine.exec.sort.RowBuffer;
import dev.tarn.engine.plan.SortKey;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A parallel in-memory sort: each copy of the input fragment buffers its rows and sorts them on its worker thread
 * (one sorted run per copy), then this operator k-way merges the runs through a binary heap of their heads and
 * gathers output batches of the context's batch size. Rows with equal keys come out in run order; like any sort it
 * promises nothing about their order. No spilling, as for the single-threaded sort.
 */
public final class MergeSortedOperator implements Operator {
  private final FragmentRunner runner;
  private final List<SortKey> keys;
  private final ExecutionContext context;
  private final Schema schema;
  private final RowBuffer[] runs;
  private final int[][] orders;
  private int[] positions;
  /** The runs with rows left, as a min-heap by their head row. */
  private int[] heap;
  private int heapSize;
  private boolean closed;

  public MergeSortedOperator(Fragment input, List<SortKey> keys, ExecutionContext context) {
    this.keys = List.copyOf(keys);
    this.context = context;
    this.schema = input.schema();
    this.runs = new RowBuffer[input.size()];
    this.orders = new int[input.size()][];
    this.runner = new FragmentRunner(input, new RunSink(), context, () -> { });
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public Batch next() {
    if (closed) {
      return null;
    }
    if (heap == null) {
      sortRuns();
    }
    if (heapSize == 0) {
      close();
      return null;
    }
    int capacity = context.batchSize();
    int[] runOf = new int[capacity];
    int[] ids = new int[capacity];
    int count = 0;
    while (count < capacity && heapSize > 0) {
      int run = heap[0];
      runOf[count] = run;
      ids[count++] = orders[run][positions[run]++];
      if (positions[run] == orders[run].length) {
        heap[0] = heap[--heapSize];
      }
      if (heapSize > 0) {
        siftDown(0);
      }
    }
    return RowBuffer.gather(Arrays.asList(runs), runOf, ids, count, context.allocator());
  }

  /** Runs every copy into its sorted run, then heaps the runs that have rows. */
  private void sortRuns() {
    for (int copy = 0; copy < runs.length; copy++) {
      if (runs[copy] == null) {
        runs[copy] = new RowBuffer(schema.getFields(), keys);
      }
    }
    runner.start();
    runner.awaitFinished();
    positions = new int[runs.length];
    heap = new int[runs.length];
    for (int run = 0; run < runs.length; run++) {
      if (orders[run].length > 0) {
        heap[heapSize++] = run;
      }
    }
    for (int index = heapSize / 2 - 1; index >= 0; index--) {
      siftDown(index);
    }
  }

  /** Whether run {@code left}'s head sorts before run {@code right}'s (ties: the lower run first). */
  private boolean before(int left, int right) {
    int sign = runs[left].compare(orders[left][positions[left]], runs[right], orders[right][positions[right]]);
    return sign < 0 || (sign == 0 && left < right);
  }

  private void siftDown(int index) {
    int run = heap[index];
    while (true) {
      int child = 2 * index + 1;
      if (child >= heapSize) {
        break;
      }
      if (child + 1 < heapSize && before(heap[child + 1], heap[child])) {
        child++;
      }
      if (!before(heap[child], run)) {
        break;
      }
      heap[index] = heap[child];
      index = child;
    }
    heap[index] = run;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      runner.close();
    } finally {
      for (RowBuffer run : runs) {
        if (run != null) {
          run.close();
        }
      }
    }
  }

  /** Each copy buffers its batches into its run, and sorts the run on its own thread once its input ends. */
  private final class RunSink implements Sink {
    @Override
    public boolean offer(int copy, Batch batch) {
      runs[copy].add(batch);
      return true;
    }

    @Override
    public void finish(int copy) {
      orders[copy] = runs[copy].sortedIds(context::checkCancelled);
    }
  }
}
