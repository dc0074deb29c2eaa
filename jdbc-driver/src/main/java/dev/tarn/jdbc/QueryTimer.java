package dev.tarn.jdbc;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The driver's one timer for query timeouts: a single daemon thread ({@code tarn-query-timeout}), started on the
 * first timeout, shared by every statement of every connection. Its tasks only ask a query to cancel, which never
 * blocks for long, so one thread serves any number of statements.
 */
final class QueryTimer {

  private QueryTimer() {
  }

  /** Runs {@code task} once after {@code delayMillis}, unless the returned future is cancelled first. */
  static ScheduledFuture<?> schedule(Runnable task, long delayMillis) {
    return Holder.EXECUTOR.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
  }

  /** Created on first use, so that applications that never set a timeout never start the thread. */
  private static final class Holder {
    static final ScheduledThreadPoolExecutor EXECUTOR = create();

    private static ScheduledThreadPoolExecutor create() {
      ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "tarn-query-timeout");
        thread.setDaemon(true); // a pending timeout must never keep the application's JVM alive
        return thread;
      });
      executor.setRemoveOnCancelPolicy(true); // statements that finish in time leave no task behind
      return executor;
    }
  }
}
