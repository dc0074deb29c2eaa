package dev.tarn.jdbc;

import dev.tarn.catalog.fs.LocalFileSystem;
import dev.tarn.engine.api.EngineConfig;
import dev.tarn.engine.exec.ExecutionContext;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * A parsed {@code jdbc:tarn:} URL: {@code jdbc:tarn:<warehouse path>[;key=value]...}, where an empty path means
 * {@code ~/.tarn/warehouse}, {@code ~} is the home directory and {@code file:} URIs are accepted. Properties in
 * the URL win over those passed to {@code connect}. {@code jdbc:tarn://host:port} (remote) is reserved.
 *
 * @param warehouse the absolute, normalized warehouse directory
 * @param database the initial current database, or null for {@code default}
 * @param queryMemoryLimitBytes the memory limit of each query
 * @param batchSize rows per Arrow batch
 * @param threads the engine's worker threads (one per processor by default); like the other engine settings it is
 *     taken from the connection that opens the warehouse's shared engine
 */
record TarnUrl(Path warehouse, String database, long queryMemoryLimitBytes, int batchSize, int threads) {

  static final String PREFIX = "jdbc:tarn:";
  static final String DATABASE = "database";
  static final String QUERY_MEMORY_LIMIT = "queryMemoryLimit";
  static final String BATCH_SIZE = "batchSize";
  static final String THREADS = "threads";
  /** Keys a URL may carry; tools also pass user and password, which an embedded engine ignores. */
  private static final Set<String> KNOWN_KEYS = Set.of(DATABASE, QUERY_MEMORY_LIMIT, BATCH_SIZE, THREADS, "user",
      "password");

  static boolean accepts(String url) {
    return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
  }

  /** Parses a URL and the properties given with it; fails with a message naming what is wrong. */
  static TarnUrl parse(String url, Properties info) throws SQLException {
    if (!accepts(url)) {
      throw new SQLException("Not a Tarn URL (jdbc:tarn:<warehouse path>): " + url, "08001");
    }
    String[] parts = url.substring(PREFIX.length()).split(";", -1);
    String location = parts[0].trim();
    if (location.startsWith("//")) {
      throw new SQLFeatureNotSupportedException("Remote mode (" + url + ") is not supported yet: use "
          + "jdbc:tarn:<warehouse path> to run Tarn embedded in this JVM", "0A000");
    }
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
      if (equals < 0 || !KNOWN_KEYS.contains(key)) {
        throw new SQLException("Unknown or malformed URL property '" + part + "': expected one of "
            + DATABASE + ", " + QUERY_MEMORY_LIMIT + ", " + BATCH_SIZE + ", " + THREADS + " as key=value", "08001");
      }
      merged.setProperty(key, part.substring(equals + 1).trim());
    }
    String database = merged.getProperty(DATABASE);
    long memoryLimit = parseBytes(merged.getProperty(QUERY_MEMORY_LIMIT), EngineConfig.DEFAULT_QUERY_MEMORY_LIMIT);
    int batchSize = parsePositive(BATCH_SIZE, merged.getProperty(BATCH_SIZE), ExecutionContext.DEFAULT_BATCH_SIZE);
    int threads = parsePositive(THREADS, merged.getProperty(THREADS), EngineConfig.defaultThreads());
    return new TarnUrl(warehousePath(location), database == null || database.isBlank() ? null : database.trim(),
        memoryLimit, batchSize, threads);
  }

  EngineConfig engineConfig() {
    return new EngineConfig(warehouse, queryMemoryLimitBytes, batchSize).withThreads(threads);
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
