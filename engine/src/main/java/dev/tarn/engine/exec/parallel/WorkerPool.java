package dev.tarn.engine.exec.parallel;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker threads of one engine, shared by all its queries: a fixed pool of daemon threads named
 * {@code tarn-worker-N}. Queries run copies of their pipeline fragments on it as short tasks ({@link Driver}s
 * that park rather than block), so queries share the threads instead of each holding some. One thread means no
 * pool at all: every query runs on its caller's thread, as before parallel execution existed.
 */
public final class WorkerPool implements AutoCloseable {

  /** No worker threads: execution stays on the query's own thread. */
  public static final WorkerPool SINGLE_THREADED = new WorkerPool(1, null);

  private static final AtomicInteger THREAD_NUMBERS = new AtomicInteger();
  private static final long SHUTDOWN_WAIT_SECONDS = 5;

  private final int threads;
  private final ExecutorService executor;

  private WorkerPool(int threads, ExecutorService executor) {
    this.threads = threads;
    this.executor = executor;
  }

  /** A pool of {@code threads} workers; for 1, {@link #SINGLE_THREADED}. */
  public static WorkerPool create(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
    if (threads == 1) {
      return SINGLE_THREADED;
    }
    ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
        new LinkedBlockingQueue<>(), task -> {
          Thread thread = new Thread(task, "tarn-worker-" + THREAD_NUMBERS.incrementAndGet());
          thread.setDaemon(true); // an engine left open must not keep the JVM alive
          return thread;
        });
    return new WorkerPool(threads, executor);
  }

  /** The degree of parallelism of a query: how many copies of a pipeline fragment run at once. */
  public int threads() {
    return threads;
  }

  /** Where drivers run; only used when {@link #threads()} is above 1. */
  public Executor executor() {
    if (executor == null) {
      throw new IllegalStateException("a single-threaded pool has no executor");
    }
    return executor;
  }

  /** Stops accepting work and waits briefly for running tasks (queries should have been closed first). */
  @Override
  public void close() {
    if (executor == null) {
      return;
    }
    executor.shutdown();
    try {
      if (!executor.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
