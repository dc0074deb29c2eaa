package dev.tarn.server.session;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.api.StatementDescription;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's prepared statements by handle (random UUIDs), usable from any session of the identity that
 * prepared them, so clients without session cookies can prepare on one call and execute on another. Statements
 * their client never closed are dropped after the session idle timeout.
 */
public final class PreparedQueries {

  private final long idleNanos;
  private final Map<String, PreparedQuery> prepared = new ConcurrentHashMap<>();

  public PreparedQueries(Duration idleTimeout) {
    this.idleNanos = idleTimeout.toNanos();
  }

  /** Keeps a described statement of {@code identity} under a new handle. */
  public String add(String identity, String sql, StatementDescription description) {
    String handle = UUID.randomUUID().toString();
    prepared.put(handle, new PreparedQuery(identity, sql, description));
    return handle;
  }

  public PreparedQuery get(String identity, String handle) {
    PreparedQuery query = prepared.get(handle);
    if (query == null || !query.identity().equals(identity)) {
      throw new TarnException(ErrorCode.NOT_FOUND, handle, "No prepared statement " + handle
          + " (closed, or unused for longer than the session idle timeout)");
    }
    query.lastUsedNanos = System.nanoTime();
    return query;
  }

  public void close(String identity, String handle) {
    prepared.computeIfPresent(handle, (key, query) -> query.identity().equals(identity) ? null : query);
  }

  public void expireIdle() {
    long now = System.nanoTime();
    prepared.values().removeIf(query -> now - query.lastUsedNanos > idleNanos);
  }

  public int size() {
    return prepared.size();
  }
}
