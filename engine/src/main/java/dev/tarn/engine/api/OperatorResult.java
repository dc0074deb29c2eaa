package dev.tarn.engine.api;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.Operator;
import dev.tarn.engine.exec.vector.Vectors;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A running query: pulls batches from the root operator. Closing it closes the operator tree and then the
 * query's allocator, which fails loudly if an operator leaked memory. With a fetch size, a root batch larger than
 * it is handed out as zero-copy slices of that many rows.
 */
final class OperatorResult implements QueryResult {

  private final String queryId;
  private final Operator root;
  private final ExecutionContext context;
  private final QueryExecution execution;
  private volatile int fetchSize;
  /** A root batch being handed out in slices of the fetch size, and the first row not handed out yet. */
  private Batch slicing;
  private int slicedRows;
  private boolean closed;

  OperatorResult(String queryId, Operator root, ExecutionContext context, QueryExecution execution) {
    this.queryId = queryId;
    this.root = root;
    this.context = context;
    this.execution = execution;
    execution.attach(context.stats());
  }

  @Override
  public String queryId() {
    return queryId;
  }

  @Override
  public Schema schema() {
    return root.schema();
  }

  @Override
  public boolean hasResultSet() {
    return true;
  }

  @Override
  public Batch next() {
    if (closed) {
      return null;
    }
    try {
      context.checkCancelled();
      Batch batch = slicing != null ? nextSlice() : root.next();
      if (batch != null && slicing == null && fetchSize > 0 && batch.rowCount() > fetchSize) {
        slicing = batch;
        slicedRows = 0;
        batch = nextSlice();
      }
      if (batch == null) {
        execution.succeeded();
      } else {
        execution.addRows(batch.rowCount());
      }
      return batch;
    } catch (RuntimeException e) {
      throw execution.fail(toTarn(e));
    }
  }

  /** The next fetch-size slice of the batch being sliced, which is closed with its last slice. */
  private Batch nextSlice() {
    int size = fetchSize;
    int rows = Math.min(size > 0 ? size : Integer.MAX_VALUE, slicing.rowCount() - slicedRows);
    Batch slice = Vectors.sliceBatch(slicing.columns(), slicedRows, rows, context.allocator());
    slicedRows += rows;
    if (slicedRows == slicing.rowCount()) {
      slicing.close();
      slicing = null;
    }
    return slice;
  }

  @Override
  public void setFetchSize(int rows) {
    if (rows < 0) {
      throw new IllegalArgumentException("fetch size must be 0 or more, not " + rows);
    }
    fetchSize = rows;
  }

  private TarnException toTarn(RuntimeException e) {
    if (e instanceof TarnException tarn) {
      return tarn;
    }
    if (e instanceof OutOfMemoryException) {
      return new TarnException(ErrorCode.OUT_OF_MEMORY, queryId, "Query " + queryId
          + " exceeded its memory limit of " + context.allocator().getLimit() + " bytes: " + e.getMessage(), e);
    }
    return new TarnException(ErrorCode.INTERNAL_ERROR, queryId, "Query " + queryId + " failed: " + e, e);
  }

  @Override
  public QueryStatistics statistics() {
    return execution.statistics();
  }

  @Override
  public long updateCount() {
    return -1;
  }

  @Override
  public void cancel() {
    cancel(null);
  }

  @Override
  public void cancel(String reason) {
    context.cancel(reason);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (slicing != null) {
        slicing.close();
        slicing = null;
      }
      root.close();
    } finally {
      // A result closed before its end still succeeded (with the rows delivered), unless it was cancelled.
      if (context.isCancelled()) {
        execution.cancelled(context.cancelReason());
      } else {
        execution.succeeded();
      }
      context.allocator().close();
    }
  }
}
