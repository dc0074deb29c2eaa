package dev.tarn.server.session;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.api.TarnEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's client sessions by id. A call enters its session and leaves it when done: a cookie names an
 * existing session of the same identity (an unknown one expired, or the server restarted: an error, rather than
 * a new session that would silently lose the client's current database); a connection's bearer token names its
 * session, created on first use; otherwise the call gets a new session. Sessions with no call for the idle timeout
 * are closed by {@link #expireIdle}; a new session whose cookie never came back, after a minute.
 */
public final class ClientSessions implements AutoCloseable {

  /** How long a new session waits for its cookie to come back before it is dropped (clients without cookies). */
  private static final long PROBATION_NANOS = Duration.ofMinutes(1).toNanos();

  private final TarnEngine engine;
  private final long idleNanos;
  private final Map<String, ClientSession> sessions = new ConcurrentHashMap<>();

  public ClientSessions(TarnEngine engine, Duration idleTimeout) {
    this.engine = engine;
    this.idleNanos = idleTimeout.toNanos();
  }

  /** One call's use of its session; closing it ends the call. */
  public static final class Call implements AutoCloseable {
    private final ClientSession session;

    private Call(ClientSession session) {
      this.session = session;
      session.enterCall();
    }

    public ClientSession session() {
      return session;
    }

    @Override
    public void close() {
      session.exitCall();
    }
  }

  /** Enters the session {@code key} names for a call authenticated as {@code identity}. */
  public Call enter(SessionKey key, String identity) {
    ClientSession session = switch (key.kind()) {
      case NEW -> sessions.computeIfAbsent(key.id(), id -> open(id, identity, false));
      case TOKEN -> sessions.computeIfAbsent(key.id(), id -> open(id, identity, true));
      case COOKIE -> sessions.get(key.id());
    };
    if (session == null || session.isClosed()) {
      throw new TarnException(ErrorCode.CONNECTION_FAILED, null,
          "The session expired or the server restarted: connect again");
    }
    if (!session.identity().equals(identity)) {
      throw new TarnException(ErrorCode.AUTHENTICATION_FAILED, null,
          "The session belongs to another user: connect again");
    }
    if (key.kind() == SessionKey.Kind.COOKIE) {
      session.confirm();
    }
    return new Call(session);
  }

  private ClientSession open(String id, String identity, boolean confirmed) {
    return new ClientSession(id, identity, engine.openSession(null), confirmed);
  }

  /** Closes a session at its client's request. */
  public void close(String id) {
    ClientSession session = sessions.remove(id);
    if (session != null) {
      session.close();
    }
  }

  /** How many sessions are open (for tests and diagnostics). */
  public int size() {
    return sessions.size();
  }

  /** Closes the sessions idle for longer than the timeout. */
  public void expireIdle() {
    long now = System.nanoTime();
    for (ClientSession session : new ArrayList<>(sessions.values())) {
      if (session.isIdle(now, idleNanos, PROBATION_NANOS)) {
        close(session.id());
      }
    }
  }

  @Override
  public void close() {
    for (String id : new ArrayList<>(sessions.keySet())) {
      close(id);
    }
  }
}
