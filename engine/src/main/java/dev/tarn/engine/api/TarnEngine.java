package dev.tarn.engine.api;

import dev.tarn.catalog.fs.FileSystem;
import dev.tarn.catalog.fs.LocalFileSystem;
import dev.tarn.catalog.model.Database;
import dev.tarn.catalog.store.CachingCatalogStore;
import dev.tarn.catalog.store.CatalogStore;
import dev.tarn.catalog.store.SqliteCatalogStore;
import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.memory.MallocAllocationManager;
import dev.tarn.engine.exec.parallel.WorkerPool;
import dev.tarn.engine.parquet.FooterCache;
import dev.tarn.engine.sql.stats.TableStatistics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * One open warehouse: its catalog store, its root allocator (every query gets a child of it, with a limit), its
 * file system and its worker threads. Thread-safe; open one per warehouse per JVM and share it between sessions (the JDBC driver
 * does). Closing it closes the store and fails if a query leaked memory.
 */
public final class TarnEngine implements AutoCloseable {

  /** The database that exists in every warehouse, as in Athena. */
  public static final String DEFAULT_DATABASE = "default";
  /** The catalog store's file inside the warehouse directory. */
  public static final String CATALOG_FILE = "catalog.db";
  /** The query history's file inside the warehouse directory (its own file: history never waits for the catalog). */
  public static final String HISTORY_FILE = "history.db";

  private static final int FOOTER_CACHE_ENTRIES = 4096;

  private final EngineConfig config;
  private final CatalogStore catalog;
  private final BufferAllocator rootAllocator;
  private final FileSystem fileSystem = LocalFileSystem.INSTANCE;
  private final TableStatistics statistics;
  private final QueryHistory history;
  private final QueryLog queryLog;
  private final WorkerPool workers;
  /** Footers of the files queries read, per file version; a few thousand footers are a few tens of MB at most. */
  private final FooterCache footerCache = new FooterCache(FOOTER_CACHE_ENTRIES);

  private TarnEngine(EngineConfig config, CatalogStore catalog, QueryHistory history, BufferAllocator rootAllocator) {
    this.config = config;
    this.workers = WorkerPool.create(config.threads());
    this.catalog = catalog;
    this.rootAllocator = rootAllocator;
    this.statistics = new TableStatistics(catalog, fileSystem);
    this.history = history;
    this.queryLog = new QueryLog(history, config.queryHistorySize());
  }

  /** Opens (creating if needed) the warehouse in {@code config.warehouse()}, with a {@code default} database. */
  public static TarnEngine open(EngineConfig config) {
    Path warehouse = config.warehouse().toAbsolutePath().normalize();
    try {
      Files.createDirectories(warehouse);
    } catch (IOException e) {
      throw new TarnException(ErrorCode.IO_ERROR, warehouse.toString(),
          "Cannot create warehouse directory " + warehouse + ": " + e.getMessage(), e);
    }
    // Planning reads the same table and partition definitions for every query: keep them until the store changes.
    CatalogStore store = new CachingCatalogStore(SqliteCatalogStore.open(warehouse.resolve(CATALOG_FILE)));
    store.createDatabase(Database.named(DEFAULT_DATABASE), true);
    EngineConfig resolved = new EngineConfig(warehouse, config.queryMemoryLimitBytes(), config.batchSize(),
        config.queryHistorySize(), config.threads());
    QueryHistory history;
    try {
      history = SqliteQueryHistory.open(warehouse.resolve(HISTORY_FILE), resolved.queryHistorySize());
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    RootAllocator root = new RootAllocator(RootAllocator.configBuilder()
        .allocationManagerFactory(MallocAllocationManager.FACTORY).maxAllocation(Long.MAX_VALUE).build());
    return new TarnEngine(resolved, store, history, root);
  }

  public EngineConfig config() {
    return config;
  }

  public Path warehouse() {
    return config.warehouse();
  }

  /** The catalog of this warehouse. */
  public CatalogStore catalog() {
    return catalog;
  }

  public FileSystem fileSystem() {
    return fileSystem;
  }

  /** Row counts for the optimizer, cached per file across queries. */
  public TableStatistics statistics() {
    return statistics;
  }

  /** The running and finished queries of this warehouse (what {@code system.queries} shows). */
  public QueryLog queryLog() {
    return queryLog;
  }

  /** The allocator every query's child allocator comes from. */
  public BufferAllocator rootAllocator() {
    return rootAllocator;
  }

  /** Parsed Parquet footers, shared by the queries of this engine. */
  public FooterCache footerCache() {
    return footerCache;
  }

  /** The threads every query of this engine runs its parallel pipeline fragments on. */
  public WorkerPool workerPool() {
    return workers;
  }

  /** A new session whose current database is {@code database} (null: {@code default}). */
  public TarnSession openSession(String database) {
    EmbeddedSession session = new EmbeddedSession(this);
    if (database != null && !database.isBlank()) {
      session.setCurrentDatabase(database);
    }
    return session;
  }

  @Override
  public void close() {
    try {
      workers.close();
      history.close();
      catalog.close();
    } finally {
      rootAllocator.close();
    }
  }
}
