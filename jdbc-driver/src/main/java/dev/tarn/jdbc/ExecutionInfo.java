package dev.tarn.jdbc;

import dev.tarn.engine.api.QueryResult;
import dev.tarn.engine.api.QueryStatistics;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * {@link TarnExecutionInfo} over an engine {@link QueryResult} (live while it runs), over a failed execution
 * (its final figures), or over nothing yet.
 */
final class ExecutionInfo implements TarnExecutionInfo {

  /** Before the first execution, or after a failure that never got a query id. */
  static final ExecutionInfo NONE = new ExecutionInfo(null, () -> QueryStatistics.EMPTY);

  private final String queryId;
  private final Supplier<QueryStatistics> statistics;

  private ExecutionInfo(String queryId, Supplier<QueryStatistics> statistics) {
    this.queryId = queryId;
    this.statistics = statistics;
  }

  /** The execution behind {@code result}; its figures grow while it runs. */
  static ExecutionInfo of(QueryResult result) {
    return new ExecutionInfo(result.queryId(), result::statistics);
  }

  /** The execution that failed with {@code failure}, or {@link #NONE} if the engine gave it no id. */
  static ExecutionInfo failedWith(SQLException failure) {
    return SqlErrors.failedExecution(failure)
        .map(failed -> new ExecutionInfo(failed.queryId(), failed::statistics))
        .orElse(NONE);
  }

  private QueryStatistics statistics() {
    return statistics.get();
  }

  @Override public String queryId() { return queryId; }
  @Override public long rows() { return statistics().rows(); }
  @Override public long bytesScanned() { return statistics().bytesScanned(); }
  @Override public long partitionsScanned() { return statistics().partitionsScanned(); }
  @Override public long partitionsTotal() { return statistics().partitionsTotal(); }
  @Override public long filesScanned() { return statistics().filesScanned(); }
  @Override public long filesTotal() { return statistics().filesTotal(); }
  @Override public long rowGroupsScanned() { return statistics().rowGroupsScanned(); }
  @Override public long rowGroupsTotal() { return statistics().rowGroupsTotal(); }
  @Override public long pagesSkipped() { return statistics().pagesSkipped(); }
  @Override public long elapsedMillis() { return statistics().elapsedNanos() / 1_000_000; }
  @Override public long rowsScanned() { return statistics().rowsScanned(); }
  @Override public long splitsCompleted() { return statistics().splitsCompleted(); }
  @Override public long splitsTotal() { return statistics().splitsTotal(); }
}
