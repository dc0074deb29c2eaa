package dev.tarn.server.session;

/**
 * How a call names its session.
 *
 * @param id the session id
 * @param kind where the id came from
 */
public record SessionKey(String id, Kind kind) {

  public enum Kind {
    /** The client sent the session cookie: the session must exist (else it expired). */
    COOKIE,
    /** Derived from the bearer token of the client's connection: found, or created on first use. */
    TOKEN,
    /** New with this call; the response sets it as a cookie. Until the client sends it back it is on probation. */
    NEW
  }
}
