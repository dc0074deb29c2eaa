package dev.tarn.jdbc;

import dev.tarn.engine.api.TarnEngine;
import dev.tarn.engine.api.TarnSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The Tarn JDBC driver: {@code jdbc:tarn:<warehouse path>} runs the engine inside this JVM. Every connection to
 * the same warehouse shares one {@link TarnEngine} (its catalog store, allocator and caches), opened by the first
 * connection (whose {@code queryMemoryLimit} and {@code batchSize} it keeps) and closed with the last.
 */
public final class TarnDriver implements Driver {

  /** The single catalog (TABLE_CAT) that holds Tarn's databases, which JDBC sees as schemas. */
  public static final String CATALOG = "tarn";
  public static final int MAJOR_VERSION = 0;
  public static final int MINOR_VERSION = 1;
  public static final String VERSION = MAJOR_VERSION + "." + MINOR_VERSION + ".0";

  private static final SharedResources<Path, TarnEngine> ENGINES = new SharedResources<>();

  static {
    try {
      DriverManager.registerDriver(new TarnDriver());
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    TarnUrl parsed = TarnUrl.parse(url, info);
    Path warehouse = canonical(parsed.warehouse());
    SharedResources.Lease<TarnEngine> lease;
    try {
      lease = ENGINES.acquire(warehouse, () -> TarnEngine.open(parsed.engineConfig()));
    } catch (RuntimeException e) {
      throw SqlErrors.toSqlException(e);
    }
    try {
      TarnEngine engine = lease.resource();
      TarnSession session = engine.openSession(parsed.database());
      return new TarnConnection(url, session, engine::catalog, lease);
    } catch (RuntimeException e) {
      closeQuietly(lease, e);
      throw SqlErrors.toSqlException(e);
    }
  }

  /** How many connections hold the engine of a warehouse open (for tests and diagnostics). */
  static int openConnections(Path warehouse) throws SQLException {
    return ENGINES.references(canonical(warehouse));
  }

  /** The warehouse directory, created if missing, with links resolved: the key of the shared engine. */
  private static Path canonical(Path warehouse) throws SQLException {
    try {
      Files.createDirectories(warehouse);
      return warehouse.toRealPath();
    } catch (IOException e) {
      throw new SQLException("Cannot open the warehouse directory " + warehouse + ": " + e, "08001", e);
    }
  }

  private static void closeQuietly(AutoCloseable closeable, Exception failure) {
    try {
      closeable.close();
    } catch (Exception e) {
      failure.addSuppressed(e);
    }
  }

  @Override
  public boolean acceptsURL(String url) {
    return TarnUrl.accepts(url);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
    DriverPropertyInfo database = new DriverPropertyInfo(TarnUrl.DATABASE,
        info == null ? null : info.getProperty(TarnUrl.DATABASE));
    database.description = "The initial current database (JDBC schema); default: default";
    DriverPropertyInfo memory = new DriverPropertyInfo(TarnUrl.QUERY_MEMORY_LIMIT,
        info == null ? null : info.getProperty(TarnUrl.QUERY_MEMORY_LIMIT));
    memory.description = "Memory limit of each query, such as 512m or 2g; default: 2g";
    DriverPropertyInfo batchSize = new DriverPropertyInfo(TarnUrl.BATCH_SIZE,
        info == null ? null : info.getProperty(TarnUrl.BATCH_SIZE));
    batchSize.description = "Rows per Arrow batch; default: 8192";
    DriverPropertyInfo threads = new DriverPropertyInfo(TarnUrl.THREADS,
        info == null ? null : info.getProperty(TarnUrl.THREADS));
    threads.description = "Worker threads of the engine (parallel execution); default: one per processor";
    return new DriverPropertyInfo[] {database, memory, batchSize, threads};
  }

  @Override public int getMajorVersion() { return MAJOR_VERSION; }
  @Override public int getMinorVersion() { return MINOR_VERSION; }
  @Override public boolean jdbcCompliant() { return false; }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("Tarn does not log through java.util.logging");
  }
}
