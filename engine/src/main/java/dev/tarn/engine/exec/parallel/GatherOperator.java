package dev.tarn.engine.exec.parallel;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.Operator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A gather exchange (Trino's local exchange, Volcano's exchange): runs the N copies of a pipeline fragment on the
 * worker pool and returns their batches, in arrival order, to one consumer. The copies push into a bounded queue and
 * park while it is full (back-pressure: at most {@code 2N} batches wait). The first copy's error is thrown here;
 * closing (at any time, e.g. a LIMIT that has its rows) stops every copy and frees every queued batch. Batches are
 * handed over whole, never shared: the copy that made a batch never touches it again.
 */
public final class GatherOperator implements Operator {
  private static final int QUEUED_BATCHES_PER_COPY = 2;

  private final ExecutionContext context;
  private final Schema schema;
  private final FragmentRunner runner;
  private final int capacity;
  private final ArrayDeque<Batch> queue = new ArrayDeque<>();
  private final List<Integer> parked = new ArrayList<>();
  private boolean closed;

  public GatherOperator(Fragment fragment, ExecutionContext context) {
    this(fragment, context, QUEUED_BATCHES_PER_COPY * fragment.size());
  }

  /** As above, with at most {@code capacity} batches queued (tests use small ones). */
  GatherOperator(Fragment fragment, ExecutionContext context, int capacity) {
    this.context = context;
    this.schema = fragment.schema();
    this.capacity = capacity;
    this.runner = new FragmentRunner(fragment, new QueueSink(), context, this::changed);
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public Batch next() {
    synchronized (this) {
      if (closed) {
        return null;
      }
    }
    runner.start();
    while (true) {
      context.checkCancelled();
      Batch batch;
      List<Integer> resumed;
      synchronized (this) {
        runner.throwIfFailed();
        batch = queue.poll();
        if (batch == null) {
          // Offers take this lock, so an empty queue and no copy running means nothing is left to come.
          if (runner.isFinished()) {
            return null;
          }
          await();
          continue;
        }
        resumed = new ArrayList<>(parked);
        parked.clear();
      }
      for (int copy : resumed) {
        runner.resume(copy);
      }
      return batch;
    }
  }

  private void await() {
    try {
      wait(FragmentRunner.WAIT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TarnException(ErrorCode.CANCELLED, context.queryId(), "Query " + context.queryId()
          + " was interrupted");
    }
  }

  private synchronized void changed() {
    notifyAll();
  }

  /** Stops every copy, waits until they have closed their operators, then frees the batches still queued. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      runner.close();
    } finally {
      synchronized (this) {
        queue.forEach(Batch::close);
        queue.clear();
      }
    }
  }

  /** The bounded queue the copies push into. */
  private final class QueueSink implements Sink {
    @Override
    public boolean offer(int copy, Batch batch) {
      synchronized (GatherOperator.this) {
        if (closed) {
          batch.close(); // nobody will read it
          return true;
        }
        if (queue.size() >= capacity) {
          parked.add(copy);
          return false;
        }
        queue.add(batch);
        GatherOperator.this.notifyAll();
        return true;
      }
    }
  }
}
