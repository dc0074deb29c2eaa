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
 */
public record EngineConfig(Path warehouse, long queryMemoryLimitBytes, int batchSize, int queryHistorySize) {

  public static final long DEFAULT_QUERY_MEMORY_LIMIT = 2L << 30;
  public static final int DEFAULT_QUERY_HISTORY_SIZE = 10_000;

  public EngineConfig {
    if (queryHistorySize < 1) {
      throw new IllegalArgumentException("queryHistorySize must be at least 1, not " + queryHistorySize);
    }
  }

  /** A configuration keeping the default number of history records. */
  public EngineConfig(Path warehouse, long queryMemoryLimitBytes, int batchSize) {
    this(warehouse, queryMemoryLimitBytes, batchSize, DEFAULT_QUERY_HISTORY_SIZE);
  }

  public static EngineConfig defaults(Path warehouse) {
    return new EngineConfig(warehouse, DEFAULT_QUERY_MEMORY_LIMIT, dev.tarn.engine.exec.ExecutionContext.DEFAULT_BATCH_SIZE);
  }

  /** The same configuration keeping {@code size} history records. */
  public EngineConfig withQueryHistorySize(int size) {
    return new EngineConfig(warehouse, queryMemoryLimitBytes, batchSize, size);
  }

  /** The warehouse used when none is named: {@code ~/.tarn/warehouse}. */
  public static Path defaultWarehouse() {
    return Path.of(System.getProperty("user.home"), ".tarn", "warehouse");
  }
}
