package dev.tarn.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Bearer tokens and the digests a server config stores for them ({@code sha256:<hex>}). Tokens are random with
 * 256 bits of entropy, so an unsalted SHA-256 is enough to keep them out of the config file.
 */
public final class TokenHash {

  static final String SCHEME = "sha256";
  private static final SecureRandom RANDOM = new SecureRandom();

  private TokenHash() {}

  /** A new random token (URL-safe base64 of 32 bytes). */
  public static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The digest to store for {@code token}. */
  public static String hash(String token) {
    return SCHEME + ":" + HexFormat.of().formatHex(sha256(token));
  }

  /** Whether {@code stored} is a well-formed digest. */
  public static boolean isHash(String stored) {
    return stored.startsWith(SCHEME + ":") && stored.length() == SCHEME.length() + 1 + 64
        && stored.substring(SCHEME.length() + 1).chars().allMatch(c -> Character.digit(c, 16) >= 0);
  }

  /** Whether {@code token} is the one {@code stored} was made from; compares in constant time. */
  public static boolean matches(String token, String stored) {
    return isHash(stored) && MessageDigest.isEqual(
        hash(token).getBytes(StandardCharsets.US_ASCII), stored.toLowerCase(java.util.Locale.ROOT)
            .getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
