package dev.tarn.jdbc;

import dev.tarn.engine.api.QueryResult;
import java.sql.SQLException;
import java.util.concurrent.ScheduledFuture;

/**
 * One execution of a statement, from the moment it is sent until its result set is done: what
 * {@link java.sql.Statement#cancel()} from another thread and the query timeout reach. A stop that comes before the
 * engine has answered is applied as soon as it answers, so a query cancelled while it is being planned never runs.
 * Over {@link QueryResult}s only, so it works the same for embedded and remote sessions. Thread-safe.
 */
final class RunningQuery {

  /** The reason the engine records when a client cancels. */
  static final String CANCELLED_BY_CLIENT = "cancelled by the client (Statement.cancel)";
  /** The SQLSTATE of a cancelled query (57014, "query canceled"). */
  private static final String CANCELLED_STATE = "57014";

  private final int timeoutSeconds;
  private final ScheduledFuture<?> timeout;
  private QueryResult result;
  /** Why the execution was stopped; volatile because the reading thread checks it for every row. */
  private volatile String stopReason;
  private boolean timedOut;
  private boolean finished;

  /** Starts the execution's clock: with {@code timeoutSeconds} above 0 it is cancelled at that deadline. */
  RunningQuery(int timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds;
    this.timeout = timeoutSeconds > 0
        ? QueryTimer.schedule(this::timeOut, timeoutSeconds * 1000L) : null;
  }

  /** The engine's result for this execution; a stop requested earlier reaches it now. */
  void attach(QueryResult engineResult) {
    String reason;
    synchronized (this) {
      if (finished) {
        return;
      }
      result = engineResult;
      reason = stopReason;
    }
    if (reason != null) {
      engineResult.cancel(reason);
    }
  }

  /** Stops the execution on behalf of the client; nothing happens once it is finished. */
  void cancel() {
    stop(CANCELLED_BY_CLIENT, false);
  }

  private void timeOut() {
    stop("query timeout of " + timeoutSeconds + " s reached", true);
  }

  private void stop(String reason, boolean byTimeout) {
    QueryResult target;
    synchronized (this) {
      if (finished || stopReason != null) {
        return;
      }
      stopReason = reason;
      timedOut = byTimeout;
      target = result;
    }
    if (target != null) {
      target.cancel(reason); // outside the lock: a remote cancel may take a round trip
    }
  }

  /** Whether a cancel or the timeout has stopped the execution. */
  boolean isStopped() {
    return stopReason != null;
  }

  /** Ends the execution (its rows are read, closed or failed): the timeout is off and later stops do nothing. */
  void finish() {
    synchronized (this) {
      finished = true;
      result = null;
    }
    if (timeout != null) {
      timeout.cancel(false);
    }
  }

  /**
   * The error the client sees for {@code error}: a cancellation caused by the timeout becomes a
   * {@link java.sql.SQLTimeoutException} (SQLSTATE HYT00); anything else stays as it is.
   */
  synchronized SQLException translate(SQLException error) {
    if (timedOut && CANCELLED_STATE.equals(error.getSQLState())) {
      return SqlErrors.timedOut(error);
    }
    return error;
  }
}
