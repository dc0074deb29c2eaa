package dev.tarn.engine.api;

import java.nio.file.Path;

/**
 * How an engine is opened.
 *
 * @param warehouse the warehouse directory: it holds the catalog store ({@code catalog.db}), the query history
 *     ({@code history.db}) and, for the demo, data
 * @param queryMemoryLimitBytes the limit of each query's child allocator
 * @param batchSize rows per batch
 * @param queryHistorySize how many finished queries the history keeps (the newest ones)
 * @param threads the engine's worker threads, and so how many copies of a pipeline fragment a query runs at once;
 *     1 runs every query on its caller's thread
 */
public record EngineConfig(Path warehouse, long queryMemoryLimitBytes, int batchSize, int queryHistorySize,
    int threads) {

  public static final long DEFAULT_QUERY_MEMORY_LIMIT = 2L << 30;
  public static final int DEFAULT_QUERY_HISTORY_SIZE = 10_000;

  public EngineConfig {
    if (queryHistorySize < 1) {
      throw new IllegalArgumentException("queryHistorySize must be at least 1, not " + queryHistorySize);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
  }

  /** A configuration with one worker thread per available processor. */
  public EngineConfig(Path warehouse, long queryMemoryLimitBytes, int batchSize, int queryHistorySize) {
    this(warehouse, queryMemoryLimitBytes, batchSize, queryHistorySize, defaultThreads());
  }

  /** A configuration keeping the default number of history records. */
  public EngineConfig(Path warehouse, long queryMemoryLimitBytes, int batchSize) {
    this(warehouse, queryMemoryLimitBytes, batchSize, DEFAULT_QUERY_HISTORY_SIZE);
  }

  /** One worker thread per processor available to the JVM. */
  public static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  public static EngineConfig defaults(Path warehouse) {
    return new EngineConfig(warehouse, DEFAULT_QUERY_MEMORY_LIMIT, dev.tarn.engine.exec.ExecutionContext.DEFAULT_BATCH_SIZE);
  }

  /** The same configuration keeping {@code size} history records. */
  public EngineConfig withQueryHistorySize(int size) {
    return new EngineConfig(warehouse, queryMemoryLimitBytes, batchSize, size, threads);
  }

  /** The same configuration with {@code count} worker threads. */
  public EngineConfig withThreads(int count) {
    return new EngineConfig(warehouse, queryMemoryLimitBytes, batchSize, queryHistorySize, count);
  }

  /** The warehouse used when none is named: {@code ~/.tarn/warehouse}. */
  public static Path defaultWarehouse() {
    return Path.of(System.getProperty("user.home"), ".tarn", "warehouse");
  }
}
