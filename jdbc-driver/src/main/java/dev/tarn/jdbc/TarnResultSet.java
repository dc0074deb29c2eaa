package dev.tarn.jdbc;

import dev.tarn.engine.api.QueryResult;
import dev.tarn.engine.exec.Batch;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A result set that streams a query's Arrow batches: it pulls one batch at a time from the {@link QueryResult},
 * reads its rows in place through column accessors, and closes each batch before pulling the next. Closing the
 * result set (or reaching its end) closes the query result, which releases the query's memory.
 */
final class TarnResultSet extends AbstractTarnResultSet {

  private final QueryResult result;
  private Batch batch;
  private boolean released;

  TarnResultSet(Statement statement, QueryResult result, long maxRows) {
    super(statement, ColumnDescription.of(result.schema()), maxRows);
    this.result = result;
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
    if (batch != null && row + 1 < batch.rowCount()) {
      row++;
      return true;
    }
    closeBatch();
    try {
      while (true) {
        Batch next = result.next();
        if (next == null) {
          return false;
        }
        if (next.rowCount() == 0) {
          next.close();
          continue;
        }
        batch = next;
        accessors = accessorsOf(next);
        row = 0;
        return true;
      }
    } catch (RuntimeException e) {
      throw SqlErrors.toSqlException(e, result.queryId());
    }
  }

  private static ColumnAccessor[] accessorsOf(Batch batch) throws SQLException {
    ColumnAccessor[] columns = new ColumnAccessor[batch.columnCount()];
    for (int index = 0; index < columns.length; index++) {
      columns[index] = ArrowAccessors.forVector(batch.column(index));
    }
    return columns;
  }

  /** Stops the query from another thread: the reader's next {@code next()} fails with CANCELLED. */
  void cancel() {
    result.cancel();
  }

  private void closeBatch() {
    if (batch != null) {
      batch.close();
      batch = null;
    }
  }

  @Override
  void release() {
    if (!released) {
      released = true;
      closeBatch();
      result.close();
    }
  }
}
