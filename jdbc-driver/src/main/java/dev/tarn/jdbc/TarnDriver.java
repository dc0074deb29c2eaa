package dev.tarn.jdbc;

import dev.tarn.catalog.store.CachingCatalogStore;
import dev.tarn.catalog.store.CatalogStore;
import dev.tarn.engine.api.TarnEngine;
import dev.tarn.engine.api.TarnSession;
import dev.tarn.engine.api.metadata.Relations;
import dev.tarn.jdbc.remote.RemoteCatalogStore;
import dev.tarn.jdbc.remote.RemoteSession;
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
 * The Tarn JDBC driver. {@code jdbc:tarn:<warehouse path>} runs the engine inside this JVM: every connection to
 * the same warehouse shares one {@link TarnEngine} (its catalog store, allocator and caches), opened by the first
 * connection (whose {@code queryMemoryLimit} and {@code batchSize} it keeps) and closed with the last.
 * {@code jdbc:tarn://host:port} connects to a Tarn server over Arrow Flight SQL (remote mode), behind the same
 * session and result contracts, so statements, result sets and metadata behave as embedded.
 */
public final class TarnDriver implements Driver {

  /** The single catalog (TABLE_CAT) that holds Tarn's databases, which JDBC sees as schemas. */
  public static final String CATALOG = Relations.CATALOG;
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
    if (parsed.isRemote()) {
      return connectRemote(url, parsed);
    }
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

  /**
   * A connection to a Tarn server: a {@link RemoteSession} and the server's catalog store, read-only and cached
   * until the server's catalog changes, so metadata is answered by the same code as embedded.
   */
  private static Connection connectRemote(String url, TarnUrl parsed) throws SQLException {
    RemoteSession session;
    try {
      session = RemoteSession.open(parsed.remote(), parsed.database());
    } catch (RuntimeException e) {
      throw SqlErrors.toSqlException(e);
    }
    CatalogStore catalog = new CachingCatalogStore(new RemoteCatalogStore(session.channel()));
    return new TarnConnection(url, session, () -> catalog, () -> { });
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
    boolean remote = url != null && url.regionMatches(true, 0, TarnUrl.PREFIX + "//", 0, TarnUrl.PREFIX.length() + 2);
    if (remote) {
      return new DriverPropertyInfo[] {
          property(TarnUrl.DATABASE, info, "The initial current database (JDBC schema); default: default"),
          property(TarnUrl.USER, info, "The user to log in as (with password)"),
          property(TarnUrl.PASSWORD, info, "The user's password"),
          property(TarnUrl.TOKEN, info, "A token the server accepts, instead of user and password"),
          property(TarnUrl.TLS, info, "true to connect with TLS; default: false"),
          property(TarnUrl.TRUST_STORE, info, "Certificates to trust for TLS: a PEM file or a PKCS#12/JKS store"),
          property(TarnUrl.TRUST_STORE_PASSWORD, info, "The trust store's password"),
          property(TarnUrl.DISABLE_CERTIFICATE_VERIFICATION, info, "true to skip TLS certificate checks")};
    }
    return new DriverPropertyInfo[] {
        property(TarnUrl.DATABASE, info, "The initial current database (JDBC schema); default: default"),
        property(TarnUrl.QUERY_MEMORY_LIMIT, info, "Memory limit of each query, such as 512m or 2g; default: 2g"),
        property(TarnUrl.BATCH_SIZE, info, "Rows per Arrow batch; default: 8192"),
        property(TarnUrl.THREADS, info, "Worker threads of the engine (parallel execution); default: one per"
            + " processor")};
  }

  private static DriverPropertyInfo property(String name, Properties info, String description) {
    DriverPropertyInfo property = new DriverPropertyInfo(name, info == null ? null : info.getProperty(name));
    property.description = description;
    return property;
  }

  @Override public int getMajorVersion() { return MAJOR_VERSION; }
  @Override public int getMinorVersion() { return MINOR_VERSION; }
  @Override public boolean jdbcCompliant() { return false; }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("Tarn does not log through java.util.logging");
  }
}
