package dev.tarn.jdbc;

import dev.tarn.engine.api.QueryResult;
import dev.tarn.engine.api.QueryStatistics;

/** {@link TarnExecutionInfo} over an engine {@link QueryResult} (live while it runs), or over nothing yet. */
final class ExecutionInfo implements TarnExecutionInfo {

  /** Before the first execution. */
  static final ExecutionInfo NONE = new ExecutionInfo(null);

  private final QueryResult result;

  ExecutionInfo(QueryResult result) {
    this.result = result;
  }

  private QueryStatistics statistics() {
    return result == null ? QueryStatistics.EMPTY : result.statistics();
  }

  @Override public String queryId() { return result == null ? null : result.queryId(); }
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
}
