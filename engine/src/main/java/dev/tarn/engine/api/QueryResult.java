package dev.tarn.engine.api;

import dev.tarn.engine.exec.Batch;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The outcome of one statement. A query streams its rows as Arrow batches; DDL returns rows too (SHOW ...) or
 * none with an update count. Closing it releases the query's memory; it must be closed exactly once.
 */
public interface QueryResult extends AutoCloseable {

  /** The Athena-style id of this execution. */
  String queryId();

  /** The result columns; empty for statements without a result set. */
  Schema schema();

  /** Whether the statement produces a result set (queries, SHOW, DESCRIBE, EXPLAIN). */
  boolean hasResultSet();

  /**
   * The next batch (owned by the caller, who closes it), or null at the end. A failure is a
   * {@link QueryFailedException} with this result's query id.
   */
  Batch next();

  /**
   * A hint: deliver batches of at most {@code rows} rows from the next {@link #next()} on (0: as the engine makes
   * them). It is the JDBC fetch size; in remote mode, the rows per transfer. An implementation may ignore it.
   */
  default void setFetchSize(int rows) {
  }

  /** The rows affected, for statements without a result set (0 for DDL); -1 for result sets. */
  long updateCount();

  /** What the execution has read and delivered so far (final once the result is consumed or closed). */
  default QueryStatistics statistics() {
    return QueryStatistics.EMPTY;
  }

  /** Stops the execution from another thread; the consumer's next call fails with CANCELLED. */
  void cancel();

  /**
   * As {@link #cancel()}, saying why (such as {@code "query timeout of 5 s reached"}): the history's error message
   * ends with the reason. An implementation that cannot carry a reason only cancels.
   */
  default void cancel(String reason) {
    cancel();
  }

  @Override
  void close();
}
