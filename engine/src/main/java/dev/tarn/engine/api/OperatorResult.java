package dev.tarn.engine.api;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.Operator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A running query: pulls batches from the root operator. Closing it closes the operator tree and then the
 * query's allocator, which fails loudly if an operator leaked memory.
 */
final class OperatorResult implements QueryResult {

  private final String queryId;
  private final Operator root;
  private final ExecutionContext context;
  private final QueryExecution execution;
  private volatile boolean cancelRequested;
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
      Batch batch = root.next();
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
    cancelRequested = true;
    context.cancel();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      root.close();
    } finally {
      // A result closed before its end still succeeded (with the rows delivered), unless it was cancelled.
      if (cancelRequested) {
        execution.cancelled();
      } else {
        execution.succeeded();
      }
      context.allocator().close();
    }
  }
}
