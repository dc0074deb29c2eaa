package dev.tarn.engine.api;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.QueryStats;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The lifecycle of one statement, from RUNNING to its final state; the first finish wins and is written to the
 * history. Counters come from the query's {@link QueryStats} (if it reads data) and the rows delivered.
 */
final class QueryExecution {

  private final String queryId;
  private final String sql;
  private final QueryLog log;
  private final Instant started = Instant.now();
  private final long startNanos = System.nanoTime();
  private final AtomicBoolean finished = new AtomicBoolean();
  private volatile QueryStats stats;
  private volatile long rows;
  private volatile QueryRecord finalRecord;

  QueryExecution(String queryId, String sql, QueryLog log) {
    this.queryId = queryId;
    this.sql = sql;
    this.log = log;
  }

  String queryId() {
    return queryId;
  }

  /** Attaches the counters of the query's scans once it has an execution context. */
  void attach(QueryStats queryStats) {
    this.stats = queryStats;
  }

  /** Counts rows delivered to the client; called by the one consuming thread. */
  void addRows(long count) {
    rows += count;
  }

  /** The statistics so far, or the final ones once finished. */
  QueryStatistics statistics() {
    QueryRecord done = finalRecord;
    if (done != null) {
      return done.statistics();
    }
    long elapsed = System.nanoTime() - startNanos;
    QueryStats current = stats;
    return current == null ? QueryStatistics.ofRows(rows, elapsed) : QueryStatistics.of(current, rows, elapsed);
  }

  /** The record as it stands: RUNNING until finished. */
  QueryRecord snapshot() {
    QueryRecord done = finalRecord;
    return done != null ? done : new QueryRecord(queryId, QueryState.RUNNING, sql, started, null, statistics(), null, null);
  }

  void succeeded() {
    finish(QueryState.SUCCEEDED, null, null);
  }

  /** Finishes as CANCELLED; {@code reason} (null: none given) ends the recorded message. */
  void cancelled(String reason) {
    finish(QueryState.CANCELLED, ErrorCode.CANCELLED.name(), ExecutionContext.cancelledMessage(queryId, reason));
  }

  /**
   * Finishes as FAILED, or CANCELLED if the error is a cancellation, and returns what to throw: the error as a
   * {@link TarnException} (an UnsupportedOperationException becomes NOT_SUPPORTED, any other runtime exception
   * INTERNAL_ERROR, as the history records them) with this execution's id and final statistics.
   */
  QueryFailedException fail(RuntimeException error) {
    if (error instanceof QueryFailedException failure && failure.queryId().equals(queryId)) {
      return failure;
    }
    TarnException tarn = toTarn(error);
    if (tarn.code() == ErrorCode.CANCELLED) {
      finish(QueryState.CANCELLED, tarn.code().name(), tarn.getMessage());
    } else {
      finish(QueryState.FAILED, tarn.code().name(), tarn.getMessage());
    }
    return new QueryFailedException(queryId, statistics(), tarn);
  }

  private static TarnException toTarn(RuntimeException error) {
    if (error instanceof TarnException tarn) {
      return tarn;
    }
    if (error instanceof UnsupportedOperationException unsupported) {
      return new TarnException(ErrorCode.NOT_SUPPORTED, null, String.valueOf(unsupported.getMessage()), unsupported);
    }
    return new TarnException(ErrorCode.INTERNAL_ERROR, null, String.valueOf(error), error);
  }

  private void finish(QueryState state, String errorCode, String errorMessage) {
    if (!finished.compareAndSet(false, true)) {
      return;
    }
    QueryRecord record = new QueryRecord(queryId, state, sql, started, Instant.now(), statistics(), errorCode,
        errorMessage);
    finalRecord = record;
    log.finished(record);
  }
}
