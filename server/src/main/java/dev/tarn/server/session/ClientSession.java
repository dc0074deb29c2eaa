package dev.tarn.server.session;

import dev.tarn.engine.api.QueryResult;
import dev.tarn.engine.api.StatementDescription;
import dev.tarn.engine.api.TarnSession;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client connection's engine session on the server (its current database). Statements run on it one at a
 * time, as the engine requires; their results are read concurrently with new statements, as embedded.
 */
public final class ClientSession {

  private final String id;
  private final String identity;
  private final TarnSession session;
  private final AtomicInteger activeCalls = new AtomicInteger();
  private volatile long lastUsedNanos = System.nanoTime();
  private volatile boolean confirmed;
  private volatile boolean closed;

  ClientSession(String id, String identity, TarnSession session, boolean confirmed) {
    this.id = id;
    this.identity = identity;
    this.session = session;
    this.confirmed = confirmed;
  }

  public String id() {
    return id;
  }

  /** Who the session belongs to: only calls authenticated as this identity may use it. */
  public String identity() {
    return identity;
  }

  /** Runs one statement; see {@link TarnSession#execute(String, List)}. */
  public QueryResult execute(String sql, List<Object> parameters) {
    synchronized (session) {
      return session.execute(sql, parameters);
    }
  }

  public StatementDescription describe(String sql) {
    synchronized (session) {
      return session.describe(sql);
    }
  }

  public String currentDatabase() {
    synchronized (session) {
      return session.currentDatabase();
    }
  }

  public void setCurrentDatabase(String database) {
    synchronized (session) {
      session.setCurrentDatabase(database);
    }
  }

  void enterCall() {
    activeCalls.incrementAndGet();
    lastUsedNanos = System.nanoTime();
  }

  void exitCall() {
    lastUsedNanos = System.nanoTime();
    activeCalls.decrementAndGet();
  }

  /** The client sent the session's cookie back: it keeps the session, so the full idle timeout applies. */
  void confirm() {
    confirmed = true;
  }

  /** Whether no call is in progress and none came for the idle time that applies (shorter before confirmation). */
  boolean isIdle(long now, long idleNanos, long probationNanos) {
    return activeCalls.get() == 0 && now - lastUsedNanos > (confirmed ? idleNanos : Math.min(idleNanos, probationNanos));
  }

  boolean isClosed() {
    return closed;
  }

  void close() {
    closed = true;
    synchronized (session) {
      session.close();
    }
  }
}
