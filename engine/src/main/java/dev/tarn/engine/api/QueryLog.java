package dev.tarn.engine.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's view of its queries: those still running (in memory) and the finished ones (in the
 * {@link QueryHistory}). {@code system.queries} reads it. Thread-safe.
 */
public final class QueryLog {

  private final QueryHistory history;
  private final int capacity;
  private final Map<String, QueryExecution> running = new ConcurrentHashMap<>();

  QueryLog(QueryHistory history, int capacity) {
    this.history = history;
    this.capacity = capacity;
  }

  /** Starts tracking a statement: it is RUNNING from now until its execution finishes. */
  QueryExecution begin(String queryId, String sql) {
    QueryExecution execution = new QueryExecution(queryId, sql, this);
    running.put(queryId, execution);
    return execution;
  }

  /** Told by an execution that it finished with {@code record}. */
  void finished(QueryRecord record) {
    history.add(record);
    running.remove(record.queryId());
  }

  /** The running queries (newest first) followed by the newest finished ones, at most the capacity in all. */
  public List<QueryRecord> records() {
    List<QueryRecord> records = new ArrayList<>();
    running.values().stream().map(QueryExecution::snapshot)
        .sorted(Comparator.comparing(QueryRecord::started).reversed()).forEach(records::add);
    for (QueryRecord record : history.newest(capacity)) {
      // A query that finished between the two reads shows once, with its final state.
      records.removeIf(runningRecord -> runningRecord.queryId().equals(record.queryId()));
      records.add(record);
    }
    return records;
  }
}
