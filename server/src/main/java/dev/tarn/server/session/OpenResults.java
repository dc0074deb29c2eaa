package dev.tarn.server.session;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.api.QueryResult;
import dev.tarn.engine.api.QueryStatistics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Results executed but not yet fetched (or being streamed), by query id, and the final statistics of recent
 * queries. Query ids are random UUIDs and every lookup checks the caller's identity, so any session of the owner
 * may fetch, cancel or ask about a query (clients without cookies fetch on another call than they executed on).
 * A result nobody starts fetching within the result timeout is cancelled and closed.
 */
public final class OpenResults implements AutoCloseable {

  /** Final statistics kept for queries already closed, so a client can ask after the fact. */
  private static final int FINISHED_STATISTICS = 4096;

  private final long timeoutNanos;
  private final Map<String, Entry> open = new ConcurrentHashMap<>();
  private final Map<String, Finished> finished = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Finished> eldest) {
      return size() > FINISHED_STATISTICS;
    }
  };

  public OpenResults(Duration timeout) {
    this.timeoutNanos = timeout.toNanos();
  }

  private static final class Entry {
    final String identity;
    final QueryResult result;
    final long createdNanos = System.nanoTime();
    boolean streaming;

    Entry(String identity, QueryResult result) {
      this.identity = identity;
      this.result = result;
    }
  }

  private record Finished(String identity, QueryStatistics statistics) {}

  /** Keeps a result with a result set until its owner fetches it by its query id. */
  public void keep(String identity, QueryResult result) {
    open.put(result.queryId(), new Entry(identity, result));
  }

  /** The waiting result of {@code queryId}, now being streamed; the caller ends with {@link #release}. */
  public QueryResult startStreaming(String identity, String queryId) {
    Entry entry = open.get(queryId);
    if (entry != null && entry.identity.equals(identity)) {
      synchronized (entry) {
        if (!entry.streaming && open.containsKey(queryId)) {
          entry.streaming = true;
          return entry.result;
        }
      }
      throw new TarnException(ErrorCode.NOT_FOUND, queryId, "The result of query " + queryId
          + " is already being fetched");
    }
    throw new TarnException(ErrorCode.NOT_FOUND, queryId, "No result of query " + queryId
        + " is waiting (fetched already, cancelled, not fetched in time, or never run)");
  }

  /** Closes the result of {@code queryId} and keeps its final statistics. */
  public void release(String queryId) {
    Entry entry = open.remove(queryId);
    if (entry != null) {
      try {
        entry.result.close();
      } finally {
        remember(entry.identity, queryId, entry.result.statistics());
      }
    }
  }

  /** Closes the caller's result {@code queryId} if it waits unfetched (not cancelled: it succeeds with no rows). */
  public void closeUnfetched(String identity, String queryId) {
    Entry entry = open.get(queryId);
    if (entry == null || !entry.identity.equals(identity)) {
      return;
    }
    synchronized (entry) {
      if (!entry.streaming) {
        release(queryId);
      }
    }
  }

  /** Cancels the execution {@code queryId}; false if no open result of the caller has that id. */
  public boolean cancel(String identity, String queryId) {
    Entry entry = open.get(queryId);
    if (entry == null || !entry.identity.equals(identity)) {
      return false;
    }
    entry.result.cancel();
    synchronized (entry) {
      if (!entry.streaming) {
        release(queryId);
      }
    }
    return true;
  }

  /** The statistics of a query of the caller: live while its result is open, final afterwards. */
  public QueryStatistics statistics(String identity, String queryId) {
    Entry entry = open.get(queryId);
    if (entry != null && entry.identity.equals(identity)) {
      return entry.result.statistics();
    }
    synchronized (finished) {
      Finished done = finished.get(queryId);
      if (done != null && done.identity().equals(identity)) {
        return done.statistics();
      }
    }
    throw new TarnException(ErrorCode.NOT_FOUND, queryId, "No recent query " + queryId);
  }

  /** Keeps the final statistics of a statement that ended without a kept result (DDL, updates). */
  public void remember(String identity, String queryId, QueryStatistics statistics) {
    synchronized (finished) {
      finished.put(queryId, new Finished(identity, statistics));
    }
  }

  /** Cancels and closes results prepared longer than the timeout ago that nobody started to fetch. */
  public void dropUnfetched() {
    long now = System.nanoTime();
    for (Map.Entry<String, Entry> item : new ArrayList<>(open.entrySet())) {
      Entry entry = item.getValue();
      synchronized (entry) {
        if (!entry.streaming && now - entry.createdNanos > timeoutNanos) {
          entry.result.cancel();
          release(item.getKey());
        }
      }
    }
  }

  /** How many results are open (for tests and diagnostics). */
  public int size() {
    return open.size();
  }

  /** Cancels everything; closes what is not being streamed (a stream closes its own result when it ends). */
  @Override
  public void close() {
    for (Map.Entry<String, Entry> item : new ArrayList<>(open.entrySet())) {
      Entry entry = item.getValue();
      entry.result.cancel();
      synchronized (entry) {
        if (!entry.streaming) {
          release(item.getKey());
        }
      }
    }
  }
}
