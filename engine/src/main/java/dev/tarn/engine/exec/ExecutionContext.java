package dev.tarn.engine.exec;

import dev.tarn.catalog.fs.FileSystem;
import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.dynamic.DynamicFilters;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The runtime state of one query: its memory (a child allocator with a limit), the file system it reads, its
 * counters, and its cancellation flag. Plans are immutable and shared; this is per execution.
 */
public final class ExecutionContext {

  /** Rows per batch that operators aim for. */
  public static final int DEFAULT_BATCH_SIZE = 8192;

  private final String queryId;
  private final BufferAllocator allocator;
  private final FileSystem fileSystem;
  private final int batchSize;
  private final QueryStats stats = new QueryStats();
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final DynamicFilters dynamicFilters = new DynamicFilters();

  public ExecutionContext(String queryId, BufferAllocator allocator, FileSystem fileSystem, int batchSize) {
    this.queryId = queryId;
    this.allocator = allocator;
    this.fileSystem = fileSystem;
    this.batchSize = batchSize;
  }

  public String queryId() {
    return queryId;
  }

  /** The query's allocator: every vector of this query is allocated from it. */
  public BufferAllocator allocator() {
    return allocator;
  }

  public FileSystem fileSystem() {
    return fileSystem;
  }

  public int batchSize() {
    return batchSize;
  }

  public QueryStats stats() {
    return stats;
  }

  /** The query's dynamic filters: published by hash joins, read by the scans they prune. */
  public DynamicFilters dynamicFilters() {
    return dynamicFilters;
  }

  public void cancel() {
    cancelled.set(true);
  }

  /** Operators call this between batches; it throws CANCELLED once the query was cancelled. */
  public void checkCancelled() {
    if (cancelled.get()) {
      throw new TarnException(ErrorCode.CANCELLED, queryId, "Query " + queryId + " was cancelled");
    }
  }
}
