package dev.tarn.engine.exec.parallel;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.Operator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one copy of a pipeline fragment on the worker pool: pulls its batches and offers them to the sink, as a task
 * that never blocks its thread. When the sink is full it parks (the task ends, keeping its batch) until the sink
 * resumes it; after a time slice it yields (resubmits itself), so the queries sharing the pool all progress. At most
 * one thread runs it at a time (its state moves IDLE → RUNNING → IDLE | DONE by compare-and-set), and whoever moves
 * it to DONE closes its operator and batch: the worker at the end of its input or on an error, or the thread
 * stopping the fragment, which claims drivers that are IDLE.
 */
final class Driver implements Runnable {
  private static final int IDLE = 0;
  private static final int RUNNING = 1;
  private static final int DONE = 2;
  /** How long a driver runs before it lets other tasks have the thread. */
  private static final long TIME_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final FragmentRunner runner;
  private final int copy;
  private final Operator operator;
  private final AtomicInteger state = new AtomicInteger(IDLE);
  private final AtomicBoolean wakeRequested = new AtomicBoolean();
  private Batch pending;

  Driver(FragmentRunner runner, int copy, Operator operator) {
    this.runner = runner;
    this.copy = copy;
    this.operator = operator;
  }

  @Override
  public void run() {
    if (!state.compareAndSet(IDLE, RUNNING)) {
      return; // claimed by a stop, or already running: that run does the work
    }
    Outcome outcome;
    try {
      outcome = work();
    } catch (Throwable failure) {
      // Recorded before this driver counts as done, so the consumer never mistakes the failure for the end.
      runner.fail(failure);
      outcome = Outcome.DONE;
    }
    switch (outcome) {
      case DONE -> finish();
      case PARKED -> park();
      case YIELDED -> {
        state.set(IDLE);
        runner.submit(this);
      }
    }
  }

  private enum Outcome { DONE, PARKED, YIELDED }

  /** Pulls and offers batches until the input ends, the sink is full, the fragment stops or the slice is over. */
  private Outcome work() {
    long deadline = System.nanoTime() + TIME_SLICE_NANOS;
    while (!runner.isStopped()) {
      // A cancelled query's copies fail here even when their operators check nothing (a scan between files).
      runner.checkCancelled();
      Batch batch = pending;
      pending = null;
      if (batch == null) {
        batch = operator.next();
        if (batch == null) {
          runner.sink().finish(copy);
          return Outcome.DONE;
        }
      }
      // The sink owns the batch once offer returns true or throws; on false it stays this driver's.
      if (!runner.sink().offer(copy, batch)) {
        pending = batch;
        return Outcome.PARKED;
      }
      if (System.nanoTime() >= deadline) {
        return Outcome.YIELDED;
      }
    }
    return Outcome.DONE;
  }

  /** Asks a parked driver to run again (its sink has room now). */
  void wake() {
    wakeRequested.set(true);
    if (state.get() == IDLE && wakeRequested.getAndSet(false)) {
      runner.submit(this);
    }
  }

  /** Closes this driver's copy if it is not running (parked, queued or never started); true when it did. */
  boolean claimIfIdle() {
    if (!state.compareAndSet(IDLE, DONE)) {
      return false;
    }
    release();
    runner.driverDone();
    return true;
  }

  private void park() {
    state.set(IDLE);
    if (runner.isStopped()) {
      // A stop that looked at this driver while it was still RUNNING left it for this run to close.
      claimIfIdle();
    } else if (wakeRequested.getAndSet(false)) {
      // A wake that came while this run was still ending found it RUNNING and left the request for it.
      runner.submit(this);
    }
  }

  private void finish() {
    release();
    state.set(DONE);
    runner.driverDone();
  }

  private void release() {
    try {
      if (pending != null) {
        pending.close();
        pending = null;
      }
      operator.close();
    } catch (Throwable failure) {
      runner.fail(failure);
    }
  }
}
