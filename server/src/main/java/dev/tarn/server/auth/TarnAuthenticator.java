package dev.tarn.server.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.flight.CallHeaders;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.auth2.Auth2Constants;
import org.apache.arrow.flight.auth2.AuthUtilities;
import org.apache.arrow.flight.auth2.CallHeaderAuthenticator;

/**
 * Authenticates every call from its {@code Authorization} header, the way Flight clients send it: Basic user and
 * password (checked against the config's PBKDF2 hashes) yields a new bearer token in the response, which the
 * client sends from then on; a Bearer token is one issued here or one of the config's tokens. Without a header
 * the caller is {@value #ANONYMOUS} if the config allows it. Issued tokens expire after being idle as long as a
 * session may be.
 */
public final class TarnAuthenticator implements CallHeaderAuthenticator {

  /** The identity of a caller without credentials, where anonymous access is on. */
  public static final String ANONYMOUS = "anonymous";

  private final AuthConfig config;
  private final long idleNanos;
  private final Map<String, Issued> issued = new ConcurrentHashMap<>();

  public TarnAuthenticator(AuthConfig config, Duration tokenIdleTimeout) {
    this.config = config;
    this.idleNanos = tokenIdleTimeout.toNanos();
  }

  private static final class Issued {
    final String identity;
    volatile long lastUsed = System.nanoTime();

    Issued(String identity) {
      this.identity = identity;
    }
  }

  @Override
  public AuthResult authenticate(CallHeaders headers) {
    String basic = AuthUtilities.getValueFromAuthHeader(headers, Auth2Constants.BASIC_PREFIX);
    if (basic != null) {
      return issueToken(user(basic));
    }
    String bearer = AuthUtilities.getValueFromAuthHeader(headers, Auth2Constants.BEARER_PREFIX);
    if (bearer != null) {
      String identity = bearer(bearer).orElseThrow(() -> refused(
          "Unknown or expired token: connect again with a user and password, or with a token of this server"));
      return () -> identity;
    }
    if (config.anonymous()) {
      return () -> ANONYMOUS;
    }
    throw refused("Authentication required: this server does not allow anonymous access; connect with a user and"
        + " password or a token");
  }

  /** Whether {@code token} was issued here (for one client connection's handshake) and has not expired. */
  public boolean isIssued(String token) {
    Issued known = issued.get(token);
    return known != null && System.nanoTime() - known.lastUsed <= idleNanos;
  }

  /** Forgets issued tokens idle for longer than the timeout. */
  public void expireIdleTokens() {
    long now = System.nanoTime();
    issued.values().removeIf(token -> now - token.lastUsed > idleNanos);
  }

  private String user(String encoded) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw refused("Malformed Basic credentials");
    }
    int colon = decoded.indexOf(':');
    String user = colon < 0 ? decoded : decoded.substring(0, colon);
    char[] password = colon < 0 ? new char[0] : decoded.substring(colon + 1).toCharArray();
    String stored = config.users().get(user);
    if (stored == null || !PasswordHash.matches(password, stored)) {
      throw refused("Invalid user name or password");
    }
    return user;
  }

  private Optional<String> bearer(String token) {
    Issued known = issued.get(token);
    if (known != null) {
      long now = System.nanoTime();
      if (now - known.lastUsed <= idleNanos) {
        known.lastUsed = now;
        return Optional.of(known.identity);
      }
      issued.remove(token);
    }
    for (Map.Entry<String, String> configured : config.tokens().entrySet()) {
      if (TokenHash.matches(token, configured.getValue())) {
        return Optional.of(configured.getKey());
      }
    }
    return Optional.empty();
  }

  private AuthResult issueToken(String identity) {
    String token = TokenHash.newToken();
    issued.put(token, new Issued(identity));
    return new AuthResult() {
      @Override
      public String getPeerIdentity() {
        return identity;
      }

      @Override
      public void appendToOutgoingHeaders(CallHeaders outgoing) {
        outgoing.insert(Auth2Constants.AUTHORIZATION_HEADER, Auth2Constants.BEARER_PREFIX + token);
      }
    };
  }

  private static FlightRuntimeException refused(String message) {
    return CallStatus.UNAUTHENTICATED.withDescription(message).toRuntimeException();
  }
}
