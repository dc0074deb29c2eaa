package dev.tarn.engine.api;

import java.nio.file.Path;

/**
 * How an engine is opened.
 *
 * @param warehouse the warehouse directory: it holds the catalog store ({@code catalog.db}) and, for the demo, data
 * @param queryMemoryLimitBytes the limit of each query's child allocator
 * @param batchSize rows per batch
 */
public record EngineConfig(Path warehouse, long queryMemoryLimitBytes, int batchSize) {

  public static final long DEFAULT_QUERY_MEMORY_LIMIT = 2L << 30;

  public static EngineConfig defaults(Path warehouse) {
    return new EngineConfig(warehouse, DEFAULT_QUERY_MEMORY_LIMIT, dev.tarn.engine.exec.ExecutionContext.DEFAULT_BATCH_SIZE);
  }

  /** The warehouse used when none is named: {@code ~/.tarn/warehouse}. */
  public static Path defaultWarehouse() {
    return Path.of(System.getProperty("user.home"), ".tarn", "warehouse");
  }
}
