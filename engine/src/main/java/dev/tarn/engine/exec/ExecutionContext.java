package dev.tarn.engine.exec;

import dev.tarn.catalog.fs.FileSystem;
import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.dynamic.DynamicFilters;
import dev.tarn.engine.exec.parallel.WorkerPool;
import dev.tarn.engine.exec.scan.SplitSources;
import dev.tarn.engine.parquet.FooterCache;
import java.util.concurrent.Executor;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The runtime state of one query: its memory (a child allocator with a limit), the file system it reads, its
 * counters, its cancellation flag, and the engine's worker threads with the state its parallel operators share
 * (split sources, dynamic filters). Plans are immutable and shared; this is per execution. Thread-safe: the copies
 * of a pipeline fragment use it from worker threads.
 */
public final class ExecutionContext {

  /** Rows per batch that operators aim for. */
  public static final int DEFAULT_BATCH_SIZE = 8192;

  private final String queryId;
  private final BufferAllocator allocator;
  private final FileSystem fileSystem;
  private final int batchSize;
  private final QueryStats stats = new QueryStats();
  private volatile boolean cancelled;
  /** Why the query was cancelled, if a reason was given; written once, before {@link #cancelled} is set. */
  private volatile String cancelReason;
  private final DynamicFilters dynamicFilters = new DynamicFilters();
  private final SplitSources splitSources = new SplitSources();
  private final WorkerPool workers;
  private final FooterCache footerCache;

  /** A single-threaded execution. */
  public ExecutionContext(String queryId, BufferAllocator allocator, FileSystem fileSystem, int batchSize) {
    this(queryId, allocator, fileSystem, batchSize, WorkerPool.SINGLE_THREADED);
  }

  /** An execution that runs copies of its pipeline fragments on {@code workers} (one thread: none). */
  public ExecutionContext(String queryId, BufferAllocator allocator, FileSystem fileSystem, int batchSize,
      WorkerPool workers) {
    this(queryId, allocator, fileSystem, batchSize, workers, FooterCache.none());
  }

  /** As above, reading Parquet footers through the engine's {@code footerCache}. */
  public ExecutionContext(String queryId, BufferAllocator allocator, FileSystem fileSystem, int batchSize,
      WorkerPool workers, FooterCache footerCache) {
    this.queryId = queryId;
    this.footerCache = footerCache;
    this.allocator = allocator;
    this.fileSystem = fileSystem;
    this.batchSize = batchSize;
    this.workers = workers;
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

  /** Parsed footers of the files this query's scans open (the engine's, shared by its queries). */
  public FooterCache footerCache() {
    return footerCache;
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

  /** The scans' morsel sources, one per table scan node (by identity), shared by the scan's copies. */
  public SplitSources splitSources() {
    return splitSources;
  }

  /** How many copies of a pipeline fragment run at once; 1 runs everything on the query's own thread. */
  public int parallelism() {
    return workers.threads();
  }

  /** The engine's worker threads; only when {@link #parallelism()} is above 1. */
  public Executor executor() {
    return workers.executor();
  }

  /** Whether {@link #cancel()} was called. */
  public boolean isCancelled() {
    return cancelled;
  }

  /** Cancels the query: every operator and worker copy stops at its next check. */
  public void cancel() {
    cancel(null);
  }

  /** Cancels the query, saying why (null: no reason); the first cancellation's reason is kept. */
  public synchronized void cancel(String reason) {
    if (!cancelled) {
      cancelReason = reason;
      cancelled = true;
    }
  }

  /** Why the query was cancelled; null if it was not, or no reason was given. */
  public String cancelReason() {
    return cancelReason;
  }

  /** Operators call this between batches; it throws CANCELLED once the query was cancelled. */
  public void checkCancelled() {
    if (cancelled) {
      throw new TarnException(ErrorCode.CANCELLED, queryId, cancelledMessage(queryId, cancelReason));
    }
  }

  /** How a cancelled query's error reads: {@code Query <id> was cancelled[: <reason>]}. */
  public static String cancelledMessage(String queryId, String reason) {
    return "Query " + queryId + " was cancelled" + (reason == null ? "" : ": " + reason);
  }
}
