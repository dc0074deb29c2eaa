package dev.tarn.server;

import dev.tarn.server.auth.AuthConfig;
import dev.tarn.server.auth.PasswordHash;
import dev.tarn.server.auth.TokenHash;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * How a server listens and whom it lets in. Read from a properties file (by default
 * {@code <warehouse>/server.properties}):
 *
 * <pre>
 * host=127.0.0.1                    loopback unless set; 0.0.0.0 listens on every interface
 * port=32010
 * anonymous=false                   clients without credentials are refused unless true
 * user.alice=pbkdf2-sha256:...      tarn server hash-password
 * token.ci=sha256:...               tarn server new-token
 * tls.certificate=cert.pem          TLS: a PEM chain and PKCS#8 key,
 * tls.key=key.pem
 * tls.keystore=server.p12           or a PKCS#12/JKS key store
 * tls.keystore-password=...
 * session.idle-timeout=PT1H         ISO-8601; a session unused this long is closed
 * result.timeout=PT10M              a result not fetched this long after it was executed is dropped
 * </pre>
 *
 * (The notes on the right explain the keys; they are not part of the file.) Relative file names resolve against
 * the file's folder.
 */
public record ServerConfig(String host, int port, AuthConfig auth, TlsConfig tls, Duration sessionIdleTimeout,
    Duration resultTimeout) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 32010;
  public static final String FILE_NAME = "server.properties";
  private static final Duration DEFAULT_SESSION_IDLE_TIMEOUT = Duration.ofHours(1);
  private static final Duration DEFAULT_RESULT_TIMEOUT = Duration.ofMinutes(10);
  private static final Set<String> KEYS = Set.of("host", "port", "anonymous", "tls.certificate", "tls.key",
      "tls.keystore", "tls.keystore-password", "session.idle-timeout", "result.timeout");

  /** A loopback server on the default port with {@code auth}, without TLS. */
  public static ServerConfig of(AuthConfig auth) {
    return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, auth, null, DEFAULT_SESSION_IDLE_TIMEOUT,
        DEFAULT_RESULT_TIMEOUT);
  }

  public ServerConfig withAddress(String newHost, int newPort) {
    return new ServerConfig(newHost, newPort, auth, tls, sessionIdleTimeout, resultTimeout);
  }

  public ServerConfig withTls(TlsConfig newTls) {
    return new ServerConfig(host, port, auth, newTls, sessionIdleTimeout, resultTimeout);
  }

  public ServerConfig withAuth(AuthConfig newAuth) {
    return new ServerConfig(host, port, newAuth, tls, sessionIdleTimeout, resultTimeout);
  }

  public ServerConfig withTimeouts(Duration sessionIdle, Duration result) {
    return new ServerConfig(host, port, auth, tls, sessionIdle, result);
  }

  /** Reads a config file; fails naming the file and the key that is wrong. */
  public static ServerConfig load(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    Path folder = file.toAbsolutePath().getParent();
    Map<String, String> users = new LinkedHashMap<>();
    Map<String, String> tokens = new LinkedHashMap<>();
    for (String key : properties.stringPropertyNames()) {
      String value = properties.getProperty(key).trim();
      if (key.startsWith("user.")) {
        if (!PasswordHash.isHash(value)) {
          throw invalid(file, key, "expected a password hash (pbkdf2-sha256:...), made by `tarn server hash-password`;"
              + " passwords are never stored in plain text");
        }
        users.put(key.substring("user.".length()), value);
      } else if (key.startsWith("token.")) {
        if (!TokenHash.isHash(value)) {
          throw invalid(file, key, "expected a token digest (sha256:<64 hex digits>), made by `tarn server new-token`");
        }
        tokens.put(key.substring("token.".length()), value);
      } else if (!KEYS.contains(key)) {
        throw invalid(file, key, "unknown key; expected one of " + KEYS + ", user.<name> or token.<name>");
      }
    }
    String anonymous = properties.getProperty("anonymous", "false").trim();
    if (!anonymous.equals("true") && !anonymous.equals("false")) {
      throw invalid(file, "anonymous", "expected true or false");
    }
    return new ServerConfig(properties.getProperty("host", DEFAULT_HOST).trim(),
        port(file, properties.getProperty("port")), new AuthConfig(users, tokens, anonymous.equals("true")),
        tls(file, folder, properties),
        duration(file, properties, "session.idle-timeout", DEFAULT_SESSION_IDLE_TIMEOUT),
        duration(file, properties, "result.timeout", DEFAULT_RESULT_TIMEOUT));
  }

  private static int port(Path file, String text) {
    if (text == null) {
      return DEFAULT_PORT;
    }
    try {
      int port = Integer.parseInt(text.trim());
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw invalid(file, "port", "expected a port number from 0 (any free port) to 65535, not '" + text + "'");
    }
  }

  private static TlsConfig tls(Path file, Path folder, Properties properties) {
    String certificate = properties.getProperty("tls.certificate");
    String key = properties.getProperty("tls.key");
    String keyStore = properties.getProperty("tls.keystore");
    if (keyStore != null) {
      if (certificate != null || key != null) {
        throw invalid(file, "tls.keystore", "give either tls.keystore or tls.certificate with tls.key, not both");
      }
      String password = properties.getProperty("tls.keystore-password", "");
      return TlsConfig.keyStore(folder.resolve(keyStore.trim()), password.toCharArray());
    }
    if (certificate == null && key == null) {
      return null;
    }
    if (certificate == null || key == null) {
      throw invalid(file, certificate == null ? "tls.certificate" : "tls.key",
          "TLS needs both tls.certificate and tls.key");
    }
    return TlsConfig.pem(folder.resolve(certificate.trim()), folder.resolve(key.trim()));
  }

  private static Duration duration(Path file, Properties properties, String key, Duration defaultValue) {
    String text = properties.getProperty(key);
    if (text == null) {
      return defaultValue;
    }
    try {
      Duration duration = Duration.parse(text.trim());
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException();
      }
      return duration;
    } catch (RuntimeException e) {
      throw invalid(file, key, "expected a positive ISO-8601 duration such as PT1H or PT30M, not '" + text + "'");
    }
  }

  private static IllegalArgumentException invalid(Path file, String key, String problem) {
    return new IllegalArgumentException("Invalid server config " + file + ", key '" + key + "': " + problem);
  }
}
