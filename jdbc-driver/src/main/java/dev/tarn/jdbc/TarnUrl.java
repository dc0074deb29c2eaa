package dev.tarn.jdbc;

import dev.tarn.catalog.fs.LocalFileSystem;
import dev.tarn.engine.api.EngineConfig;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.jdbc.remote.RemoteOptions;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * A parsed Tarn URL. Embedded: {@code jdbc:tarn:<warehouse path>[;key=value]...}, where an empty path means
 * {@code ~/.tarn/warehouse}, {@code ~} is the home directory and {@code file:} URIs are accepted. Remote:
 * {@code jdbc:tarn://host[:port][;key=value]...} connects to a Tarn server (port 32010 by default). Properties in
 * the URL win over those passed to {@code connect}.
 *
 * @param warehouse the absolute, normalized warehouse directory; null in remote mode
 * @param database the initial current database, or null for {@code default}
 * @param queryMemoryLimitBytes the memory limit of each query (embedded)
 * @param batchSize rows per Arrow batch (embedded)
 * @param threads the engine's worker threads (embedded; one per processor by default); like the other engine
 *     settings it is taken from the connection that opens the warehouse's shared engine
 * @param remote the server to connect to, or null for embedded mode
 */
record TarnUrl(Path warehouse, String database, long queryMemoryLimitBytes, int batchSize, int threads,
    RemoteOptions remote) {

  static final String PREFIX = "jdbc:tarn:";
  static final String DATABASE = "database";
  static final String QUERY_MEMORY_LIMIT = "queryMemoryLimit";
  static final String BATCH_SIZE = "batchSize";
  static final String THREADS = "threads";
  static final String USER = "user";
  static final String PASSWORD = "password";
  static final String TOKEN = "token";
  static final String TLS = "tls";
  static final String TRUST_STORE = "trustStore";
  static final String TRUST_STORE_PASSWORD = "trustStorePassword";
  static final String DISABLE_CERTIFICATE_VERIFICATION = "disableCertificateVerification";
  /** Keys a URL may carry; tools also pass user and password, which an embedded engine ignores. */
  private static final Set<String> EMBEDDED_KEYS = Set.of(DATABASE, QUERY_MEMORY_LIMIT, BATCH_SIZE, THREADS, USER,
      PASSWORD);
  private static final Set<String> REMOTE_KEYS = Set.of(DATABASE, USER, PASSWORD, TOKEN, TLS, TRUST_STORE,
      TRUST_STORE_PASSWORD, DISABLE_CERTIFICATE_VERIFICATION);

  static boolean accepts(String url) {
    return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
  }

  /** Whether this URL names a server rather than a warehouse. */
  boolean isRemote() {
    return remote != null;
  }

  /** Parses a URL and the properties given with it; fails with a message naming what is wrong. */
  static TarnUrl parse(String url, Properties info) throws SQLException {
    if (!accepts(url)) {
      throw new SQLException("Not a Tarn URL (jdbc:tarn:<warehouse path> or jdbc:tarn://host:port): " + url, "08001");
    }
    String[] parts = url.substring(PREFIX.length()).split(";", -1);
    String location = parts[0].trim();
    boolean remote = location.startsWith("//");
    Set<String> known = remote ? REMOTE_KEYS : EMBEDDED_KEYS;
    Properties merged = new Properties();
    if (info != null) {
      merged.putAll(info);
    }
    for (int index = 1; index < parts.length; index++) {
      String part = parts[index].trim();
      if (part.isEmpty()) {
        continue;
      }
      int equals = part.indexOf('=');
      String key = equals < 0 ? part : part.substring(0, equals).trim();
      if (equals < 0 || !known.contains(key)) {
        throw new SQLException("Unknown or malformed URL property '" + part + "': a " + (remote ? "remote" : "local")
            + " URL takes " + String.join(", ", known.stream().sorted().toList()) + " as key=value", "08001");
      }
      merged.setProperty(key, part.substring(equals + 1).trim());
    }
    String database = merged.getProperty(DATABASE);
    database = database == null || database.isBlank() ? null : database.trim();
    if (remote) {
      return new TarnUrl(null, database, EngineConfig.DEFAULT_QUERY_MEMORY_LIMIT,
          ExecutionContext.DEFAULT_BATCH_SIZE, 1, remoteOptions(location.substring(2), merged));
    }
    long memoryLimit = parseBytes(merged.getProperty(QUERY_MEMORY_LIMIT), EngineConfig.DEFAULT_QUERY_MEMORY_LIMIT);
    int batchSize = parsePositive(BATCH_SIZE, merged.getProperty(BATCH_SIZE), ExecutionContext.DEFAULT_BATCH_SIZE);
    int threads = parsePositive(THREADS, merged.getProperty(THREADS), EngineConfig.defaultThreads());
    return new TarnUrl(warehousePath(location), database, memoryLimit, batchSize, threads, null);
  }

  EngineConfig engineConfig() {
    return new EngineConfig(warehouse, queryMemoryLimitBytes, batchSize).withThreads(threads);
  }

  /** {@code host[:port]} (an IPv6 address in brackets) and the remote properties. */
  private static RemoteOptions remoteOptions(String address, Properties properties) throws SQLException {
    String host;
    String port = null;
    if (address.startsWith("[")) {
      int close = address.indexOf(']');
      if (close < 0) {
        throw new SQLException("Invalid server address '" + address + "': unclosed [", "08001");
      }
      host = address.substring(1, close);
      String rest = address.substring(close + 1);
      if (rest.startsWith(":")) {
        port = rest.substring(1);
      } else if (!rest.isEmpty() && !rest.equals("/")) {
        throw new SQLException("Invalid server address '" + address + "'", "08001");
      }
    } else {
      String trimmed = address.endsWith("/") ? address.substring(0, address.length() - 1) : address;
      int colon = trimmed.lastIndexOf(':');
      host = colon < 0 ? trimmed : trimmed.substring(0, colon);
      port = colon < 0 ? null : trimmed.substring(colon + 1);
    }
    if (host.isBlank()) {
      throw new SQLException("A remote URL names its server: jdbc:tarn://host:port", "08001");
    }
    int portNumber = port == null || port.isBlank() ? RemoteOptions.DEFAULT_PORT : parsePort(port);
    String trustStore = properties.getProperty(TRUST_STORE);
    return new RemoteOptions(host, portNumber, blankToNull(properties.getProperty(USER)),
        properties.getProperty(PASSWORD), blankToNull(properties.getProperty(TOKEN)),
        parseBoolean(TLS, properties.getProperty(TLS)),
        trustStore == null || trustStore.isBlank() ? null : Path.of(trustStore.trim()),
        properties.getProperty(TRUST_STORE_PASSWORD),
        !parseBoolean(DISABLE_CERTIFICATE_VERIFICATION, properties.getProperty(DISABLE_CERTIFICATE_VERIFICATION)));
  }

  private static int parsePort(String text) throws SQLException {
    try {
      int port = Integer.parseInt(text.trim());
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new SQLException("Invalid port '" + text + "': expected 1 to 65535", "08001");
    }
  }

  private static boolean parseBoolean(String key, String text) throws SQLException {
    if (text == null || text.isBlank()) {
      return false;
    }
    String value = text.trim().toLowerCase(Locale.ROOT);
    if (!value.equals("true") && !value.equals("false")) {
      throw new SQLException("Invalid " + key + " '" + text + "': expected true or false", "08001");
    }
    return value.equals("true");
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  private static Path warehousePath(String location) throws SQLException {
    try {
      if (location.isEmpty()) {
        return EngineConfig.defaultWarehouse().toAbsolutePath().normalize();
      }
      if (location.equals("~") || location.startsWith("~/")) {
        return Path.of(System.getProperty("user.home") + location.substring(1)).toAbsolutePath().normalize();
      }
      return LocalFileSystem.toPath(location);
    } catch (RuntimeException e) {
      throw new SQLException("Invalid warehouse path '" + location + "': " + e.getMessage(), "08001", e);
    }
  }

  /** A byte count such as {@code 1073741824}, {@code 512m} or {@code 2g}. */
  static long parseBytes(String text, long defaultValue) throws SQLException {
    if (text == null || text.isBlank()) {
      return defaultValue;
    }
    String value = text.trim().toLowerCase(Locale.ROOT);
    long multiplier = 1;
    char unit = value.charAt(value.length() - 1);
    if (unit == 'k' || unit == 'm' || unit == 'g' || unit == 't') {
      multiplier = switch (unit) {
        case 'k' -> 1L << 10;
        case 'm' -> 1L << 20;
        case 'g' -> 1L << 30;
        default -> 1L << 40;
      };
      value = value.substring(0, value.length() - 1).trim();
    }
    try {
      long bytes = Math.multiplyExact(Long.parseLong(value), multiplier);
      if (bytes <= 0) {
        throw new NumberFormatException();
      }
      return bytes;
    } catch (NumberFormatException | ArithmeticException e) {
      throw new SQLException("Invalid " + QUERY_MEMORY_LIMIT + " '" + text + "': expected bytes such as 512m or 2g",
          "08001");
    }
  }

  private static int parsePositive(String key, String text, int defaultValue) throws SQLException {
    if (text == null || text.isBlank()) {
      return defaultValue;
    }
    try {
      int value = Integer.parseInt(text.trim());
      if (value <= 0) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new SQLException("Invalid " + key + " '" + text + "': expected a positive integer", "08001");
    }
  }
}
