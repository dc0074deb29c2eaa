package dev.tarn.jdbc;

import dev.tarn.engine.api.QueryResult;
import dev.tarn.engine.exec.Batch;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A result set that streams a query's Arrow batches: it pulls one batch at a time from the {@link QueryResult},
 * reads its rows in place through column accessors, and closes each batch before pulling the next. Closing the
 * result set, reaching its end, or a failure of the query closes the query result, which releases the query's
 * memory at once; after a failure every {@code next()} throws that failure again. Over {@link QueryResult} only, so
 * embedded and remote queries behave the same.
 *
 * <p>One thread reads a result set; another may close it (or its statement or connection) while the reader waits
 * for the query's next batch: the close then cancels the query, waits until the reader's fetch has returned, and
 * frees the query, so the two never touch the query at once.
 */
final class TarnResultSet extends AbstractTarnResultSet {

  private final QueryResult result;
  private final RunningQuery running;
  /** The batch whose rows are being read. */
  private Batch batch;
  /** The next non-empty batch, pulled early (by the first fetch at execution, or by isLast). */
  private Batch lookahead;
  private boolean exhausted;
  private SQLException failure;
  private boolean released;
  /** The thread waiting for the query's next batch, if one is. */
  private volatile Thread fetching;

  /**
   * @param running the execution, finished when this result set releases its query
   * @param maxRows the most rows to return (0: all)
   * @param fetchSize the fetch size hint (0: the engine's batch size)
   */
  TarnResultSet(Statement statement, QueryResult result, RunningQuery running, long maxRows, int fetchSize) {
    super(statement, ColumnDescription.of(result.schema()), maxRows, fetchSize);
    this.result = result;
    this.running = running;
    if (fetchSize > 0) {
      result.setFetchSize(fetchSize);
    }
  }

  /**
   * Waits for the query's first rows, or its end, so that executing a statement returns once rows can be read and a
   * query that fails early fails there; a query without rows is released at once.
   */
  void awaitFirstRows() throws SQLException {
    lookahead = fetch();
    if (lookahead == null) {
      release();
    }
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type == TarnExecutionInfo.class) {
      return type.cast(ExecutionInfo.of(result));
    }
    return super.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type == TarnExecutionInfo.class || super.isWrapperFor(type);
  }

  @Override
  boolean advance() throws SQLException {
    if (running.isStopped() && !exhausted) {
      // Cancelled or timed out: the rows fetched already are not worth reading, the engine's failure is.
      closeBatch();
      discardLookahead();
    }
    if (batch != null && row + 1 < batch.rowCount()) {
      row++;
      return true;
    }
    closeBatch();
    Batch next = lookahead != null ? lookahead : fetch();
    lookahead = null;
    if (next == null) {
      return false;
    }
    batch = next;
    accessors = accessorsOf(next);
    row = 0;
    return true;
  }

  @Override
  boolean hasNextRow() throws SQLException {
    if (batch != null && row + 1 < batch.rowCount()) {
      return true;
    }
    if (lookahead == null) {
      lookahead = fetch();
    }
    return lookahead != null;
  }

  /** The query's next non-empty batch, or null at its end; a failure releases the query and is kept. */
  private Batch fetch() throws SQLException {
    fetching = Thread.currentThread();
    try {
      synchronized (this) {
        return fetchLocked();
      }
    } finally {
      fetching = null;
    }
  }

  private Batch fetchLocked() throws SQLException {
    if (failure != null) {
      throw failure;
    }
    if (exhausted || released) {
      return null;
    }
    try {
      while (true) {
        Batch next = result.next();
        if (next == null) {
          exhausted = true;
          return null;
        }
        if (next.rowCount() > 0) {
          return next;
        }
        next.close();
      }
    } catch (RuntimeException e) {
      failure = running.translate(SqlErrors.toSqlException(e, result.queryId()));
      release();
      throw failure;
    }
  }

  private static ColumnAccessor[] accessorsOf(Batch batch) throws SQLException {
    ColumnAccessor[] columns = new ColumnAccessor[batch.columnCount()];
    for (int index = 0; index < columns.length; index++) {
      columns[index] = ArrowAccessors.forVector(batch.column(index));
    }
    return columns;
  }

  @Override
  void fetchSizeChanged(int rows) {
    if (!released) {
      result.setFetchSize(rows);
    }
  }

  private void discardLookahead() {
    if (lookahead != null) {
      lookahead.close();
      lookahead = null;
    }
  }

  private void closeBatch() {
    if (batch != null) {
      batch.close();
      batch = null;
    }
  }

  /**
   * Frees the batches and the query (its memory), and ends the execution's timeout; once. From another thread than
   * one waiting for a batch, it first cancels the query and waits for that fetch to return.
   */
  @Override
  void release() {
    Thread reader = fetching;
    if (reader != null && reader != Thread.currentThread()) {
      running.cancel();
    }
    synchronized (this) {
      releaseLocked();
    }
  }

  private void releaseLocked() {
    if (released) {
      return;
    }
    released = true;
    accessors = null; // the current row's vectors are about to be freed
    try {
      closeBatch();
      discardLookahead();
      result.close();
    } finally {
      running.finish();
    }
  }
}
