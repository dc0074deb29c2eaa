package dev.tarn.engine.exec.parallel;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.ExecutionContext;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the copies of a {@link Fragment} on the worker pool, one {@link Driver} each, into one {@link Sink}. The first
 * error of any copy wins: it is kept as thrown (the original TarnException), every copy stops, and the consumer
 * rethrows it. {@link #close()} stops the copies and returns once each has closed its operators, so no batch
 * outlives it. {@code onChange} runs (without any of this runner's locks held) whenever a copy finishes or the run
 * stops, for consumers that wait on their own lock.
 */
final class FragmentRunner {
  /** How often a waiting consumer checks whether its query was cancelled. */
  static final long WAIT_MILLIS = 50;

  private final Fragment fragment;
  private final Sink sink;
  private final ExecutionContext context;
  private final Runnable onChange;
  private final Driver[] drivers;
  private final AtomicInteger running;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final Object monitor = new Object();
  private volatile boolean stopped;
  /** Touched only by the consumer's thread. */
  private boolean started;

  FragmentRunner(Fragment fragment, Sink sink, ExecutionContext context, Runnable onChange) {
    this.fragment = fragment;
    this.sink = sink;
    this.context = context;
    this.onChange = onChange;
    List<dev.tarn.engine.exec.Operator> copies = fragment.copies();
    this.drivers = new Driver[copies.size()];
    for (int copy = 0; copy < drivers.length; copy++) {
      drivers[copy] = new Driver(this, copy, copies.get(copy));
    }
    this.running = new AtomicInteger(drivers.length);
  }

  /**
   * Completes the fragment's join builds on this thread, then starts every copy on the pool; once only (later calls
   * rethrow a failure of the first). A failed build stops the run, closing every copy.
   */
  void start() {
    if (started) {
      throwIfFailed();
      return;
    }
    started = true;
    try {
      fragment.prepare();
    } catch (RuntimeException e) {
      fail(e);
      throw e;
    }
    for (Driver driver : drivers) {
      submit(driver);
    }
  }

  Sink sink() {
    return sink;
  }

  boolean isStopped() {
    return stopped;
  }

  /** Throws CANCELLED once the query was cancelled. */
  void checkCancelled() {
    context.checkCancelled();
  }

  /** True once every copy is done (its input exhausted, or stopped) and closed. */
  boolean isFinished() {
    return running.get() == 0;
  }

  /** Resumes copy {@code copy}, parked because the sink was full. */
  void resume(int copy) {
    drivers[copy].wake();
  }

  void submit(Driver driver) {
    try {
      context.executor().execute(driver);
    } catch (RejectedExecutionException e) {
      fail(new TarnException(ErrorCode.INTERNAL_ERROR, context.queryId(),
          "Query " + context.queryId() + " cannot run: the engine's worker threads are shut down", e));
    }
  }

  /** Records {@code error} unless an earlier one was, and stops every copy. */
  void fail(Throwable error) {
    failure.compareAndSet(null, error);
    stop();
  }

  /** Stops every copy: running ones stop after their current batch, idle ones are closed here. */
  void stop() {
    stopped = true;
    fragment.stopScans();
    for (Driver driver : drivers) {
      driver.claimIfIdle();
    }
    onChange.run();
  }

  void driverDone() {
    if (running.decrementAndGet() == 0) {
      synchronized (monitor) {
        monitor.notifyAll();
      }
    }
    onChange.run();
  }

  /** Throws the first copy's error, if one failed. */
  void throwIfFailed() {
    Throwable error = failure.get();
    if (error != null) {
      throw propagate(error);
    }
  }

  /** Waits until every copy is done; throws the first error or the query's cancellation. */
  void awaitFinished() {
    synchronized (monitor) {
      while (running.get() > 0) {
        throwIfFailed();
        context.checkCancelled();
        try {
          monitor.wait(WAIT_MILLIS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new TarnException(ErrorCode.CANCELLED, context.queryId(),
              "Query " + context.queryId() + " was interrupted");
        }
      }
    }
    throwIfFailed();
  }

  /** Stops the copies and waits until each has closed its operators (copies never started are closed here). */
  void close() {
    stop();
    boolean interrupted = false;
    synchronized (monitor) {
      while (running.get() > 0) {
        try {
          monitor.wait(WAIT_MILLIS);
        } catch (InterruptedException e) {
          interrupted = true; // the copies must still be closed, or their batches leak
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** The error as the consumer throws it: a RuntimeException as it was thrown, anything else wrapped. */
  private RuntimeException propagate(Throwable error) {
    if (error instanceof RuntimeException runtime) {
      return runtime;
    }
    return new TarnException(ErrorCode.INTERNAL_ERROR, context.queryId(),
        "Query " + context.queryId() + " failed on a worker thread: " + error, error);
  }
}
