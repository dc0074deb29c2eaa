package dev.tarn.server.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted PBKDF2-HMAC-SHA256 password hashes, as a server config stores them:
 * {@code pbkdf2-sha256:<iterations>:<salt, base64>:<hash, base64>}. The iteration count is part of the text, so
 * hashes made with another count keep verifying.
 */
public final class PasswordHash {

  static final String SCHEME = "pbkdf2-sha256";
  /** OWASP's 2021 figure for PBKDF2-HMAC-SHA256; a password is checked once per connection, then a token is used. */
  private static final int ITERATIONS = 310_000;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHash() {}

  /** A new hash of {@code password} with a fresh random salt. */
  public static String hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    Base64.Encoder base64 = Base64.getEncoder();
    return SCHEME + ":" + ITERATIONS + ":" + base64.encodeToString(salt) + ":"
        + base64.encodeToString(derive(password, salt, ITERATIONS));
  }

  /** Whether {@code stored} is a well-formed hash in this scheme. */
  public static boolean isHash(String stored) {
    String[] parts = stored.split(":");
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      return false;
    }
    try {
      Integer.parseInt(parts[1]);
      Base64.getDecoder().decode(parts[2]);
      Base64.getDecoder().decode(parts[3]);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Whether {@code password} is the one {@code stored} was made from; compares in constant time. */
  public static boolean matches(char[] password, String stored) {
    if (!isHash(stored)) {
      return false;
    }
    String[] parts = stored.split(":");
    byte[] expected = Base64.getDecoder().decode(parts[3]);
    byte[] actual = derive(password, Base64.getDecoder().decode(parts[2]), Integer.parseInt(parts[1]));
    return MessageDigest.isEqual(expected, actual);
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JVM", e);
    } finally {
      spec.clearPassword();
    }
  }
}
