package dev.tarn.server.session;

import dev.tarn.server.protocol.TarnProtocol;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Predicate;
import org.apache.arrow.flight.CallHeaders;
import org.apache.arrow.flight.CallInfo;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightServerMiddleware;
import org.apache.arrow.flight.RequestContext;
import org.apache.arrow.flight.auth2.Auth2Constants;
import org.apache.arrow.flight.auth2.AuthUtilities;

/**
 * Finds the session key of each call. A client that keeps cookies (Arrow's Flight SQL JDBC driver, Tarn's own)
 * sends the session cookie back; a client that does not but authenticated with a user and password sends the
 * bearer token this server issued for its connection, which keys the session as well; any other call is given a
 * new session id, sent in a {@code Set-Cookie} header if the call uses it. Ids are 128 random bits (or derived from
 * a token with as many), so a session cannot be guessed.
 */
public final class SessionCookieMiddleware implements FlightServerMiddleware {

  public static final Key<SessionCookieMiddleware> KEY = Key.of("tarn-session");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SessionKey presented;
  private SessionKey issued;

  private SessionCookieMiddleware(SessionKey presented) {
    this.presented = presented;
  }

  /** The session key of this call: the client's, or a new one that the response will carry as a cookie. */
  public synchronized SessionKey sessionKey() {
    if (presented != null) {
      return presented;
    }
    if (issued == null) {
      byte[] bytes = new byte[16];
      RANDOM.nextBytes(bytes);
      issued = new SessionKey(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), SessionKey.Kind.NEW);
    }
    return issued;
  }

  @Override
  public synchronized void onBeforeSendingHeaders(CallHeaders outgoing) {
    if (issued != null) {
      outgoing.insert("set-cookie", TarnProtocol.SESSION_COOKIE + "=" + issued.id());
    }
  }

  @Override
  public void onCallCompleted(CallStatus status) {}

  @Override
  public void onCallErrored(Throwable error) {}

  /** Reads the session cookie, or the issued bearer token, from each call's headers. */
  public static final class Factory implements FlightServerMiddleware.Factory<SessionCookieMiddleware> {
    private final Predicate<String> issuedToken;

    /** @param issuedToken whether a bearer token was issued by this server (one per client connection) */
    public Factory(Predicate<String> issuedToken) {
      this.issuedToken = issuedToken;
    }

    @Override
    public SessionCookieMiddleware onCallStarted(CallInfo info, CallHeaders headers, RequestContext context) {
      String cookie = sessionCookie(headers);
      if (cookie != null) {
        return new SessionCookieMiddleware(new SessionKey(cookie, SessionKey.Kind.COOKIE));
      }
      String bearer = AuthUtilities.getValueFromAuthHeader(headers, Auth2Constants.BEARER_PREFIX);
      if (bearer != null && issuedToken.test(bearer)) {
        return new SessionCookieMiddleware(new SessionKey(tokenKey(bearer), SessionKey.Kind.TOKEN));
      }
      return new SessionCookieMiddleware(null);
    }
  }

  private static String sessionCookie(CallHeaders headers) {
    String prefix = TarnProtocol.SESSION_COOKIE + "=";
    for (String header : headers.getAll("cookie")) {
      for (String cookie : header.split(";")) {
        String trimmed = cookie.trim();
        if (trimmed.startsWith(prefix) && trimmed.length() > prefix.length()) {
          String value = trimmed.substring(prefix.length());
          // HttpCookie.toString() quotes the values of version-1 cookies.
          return value.startsWith("\"") && value.endsWith("\"") && value.length() > 1
              ? value.substring(1, value.length() - 1) : value;
        }
      }
    }
    return null;
  }

  /** A session id derived from a bearer token, so the token itself is never a map key or in a log. */
  private static String tokenKey(String token) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return "t-" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
