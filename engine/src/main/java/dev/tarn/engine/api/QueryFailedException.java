package dev.tarn.engine.api;

import dev.tarn.engine.TarnException;

/**
 * How a statement that got a query id fails, from {@link TarnSession#execute} or {@link QueryResult#next}: the
 * engine's error unchanged (code, object, message, cause, stack trace) plus the id under which the failed (or
 * cancelled) execution is in {@code system.queries}, and its final statistics (what it read before failing).
 * Athena's {@code GetQueryExecution} answers the same for a failed query.
 */
public final class QueryFailedException extends TarnException {

  private final String queryId;
  private final transient QueryStatistics statistics;

  /**
   * The failure of execution {@code queryId} with {@code error}; public for other implementations of
   * {@link TarnSession} (the remote client rebuilds a server's failure with it).
   */
  public QueryFailedException(String queryId, QueryStatistics statistics, TarnException error) {
    super(error.code(), error.object(), error.rawMessage(), error.getCause());
    this.queryId = queryId;
    this.statistics = statistics;
    setStackTrace(error.getStackTrace());
    for (Throwable suppressed : error.getSuppressed()) {
      addSuppressed(suppressed);
    }
  }

  /** The id of the failed execution: {@code SELECT * FROM system.queries WHERE query_id = '<id>'} finds it. */
  public String queryId() {
    return queryId;
  }

  /** What the execution had read and delivered when it failed (its row in {@code system.queries}). */
  public QueryStatistics statistics() {
    return statistics;
  }
}
