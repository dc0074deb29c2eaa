package dev.tarn.jdbc;

import dev.tarn.engine.api.QueryResult;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement: runs SQL on its connection's session and exposes one result at a time, either a streaming
 * {@link TarnResultSet} or an update count. Running again, closing the statement or {@code getMoreResults}
 * closes the open result set (and so releases its query's memory).
 */
public class TarnStatement implements Statement, TarnExecutionInfo {

  private final TarnConnection connection;
  private final List<String> batch = new ArrayList<>();
  private volatile TarnResultSet resultSet;
  private volatile ExecutionInfo lastExecution = ExecutionInfo.NONE;
  private long updateCount = -1;
  private long maxRows;
  private int fetchSize;
  private int queryTimeoutSeconds;
  private boolean closeOnCompletion;
  private boolean poolable;
  private volatile boolean closed;

  TarnStatement(TarnConnection connection) {
    this.connection = connection;
  }

  TarnConnection tarnConnection() {
    return connection;
  }

  void checkOpen() throws SQLException {
    if (closed) {
      throw SqlErrors.closed("statement");
    }
    connection.checkOpen();
  }

  /** Runs one statement and makes its outcome current; returns whether it produced a result set. */
  boolean run(String sql, List<Object> parameters) throws SQLException {
    checkOpen();
    closeResultSet();
    updateCount = -1;
    // Never the previous execution's figures: a failed statement reports its own id and figures, if it got an id.
    lastExecution = ExecutionInfo.NONE;
    QueryResult result;
    try {
      result = connection.execute(sql, parameters);
    } catch (SQLException e) {
      lastExecution = ExecutionInfo.failedWith(e);
      throw e;
    }
    lastExecution = ExecutionInfo.of(result);
    if (result.hasResultSet()) {
      try {
        resultSet = new TarnResultSet(this, result, maxRows);
      } catch (RuntimeException e) {
        result.close();
        throw SqlErrors.toSqlException(e, result.queryId());
      }
      return true;
    }
    try {
      updateCount = result.updateCount();
    } finally {
      result.close();
    }
    return false;
  }

  private void closeResultSet() {
    TarnResultSet open = resultSet;
    if (open != null) {
      resultSet = null;
      open.close();
    }
  }

  /** Told by a result set of this statement that it closed. */
  void resultSetClosed(AbstractTarnResultSet closedResultSet) {
    if (closedResultSet == resultSet) {
      resultSet = null;
      if (closeOnCompletion) {
        close();
      }
    }
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    return run(sql, List.of());
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    if (!execute(sql)) {
      throw new SQLException("The statement produced no result set; use executeUpdate or execute", "07000");
    }
    return resultSet;
  }

  @Override
  public int executeUpdate(String sql) throws SQLException {
    return (int) Math.min(executeLargeUpdate(sql), Integer.MAX_VALUE);
  }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    return requireUpdateCount(execute(sql));
  }

  long requireUpdateCount(boolean producedResultSet) throws SQLException {
    if (producedResultSet) {
      closeResultSet();
      throw new SQLException("The statement produced a result set; use executeQuery or execute", "07000");
    }
    return updateCount;
  }

  @Override
  public ResultSet getResultSet() throws SQLException {
    checkOpen();
    return resultSet;
  }

  @Override
  public int getUpdateCount() throws SQLException {
    return (int) Math.min(getLargeUpdateCount(), Integer.MAX_VALUE);
  }

  @Override
  public long getLargeUpdateCount() throws SQLException {
    checkOpen();
    return updateCount;
  }

  @Override
  public boolean getMoreResults() throws SQLException {
    checkOpen();
    closeResultSet();
    updateCount = -1;
    return false;
  }

  @Override
  public boolean getMoreResults(int current) throws SQLException {
    return getMoreResults();
  }

  /** Stops the running query: its result set's next read fails with SQLSTATE 57014 (CANCELLED). */
  @Override
  public void cancel() throws SQLException {
    checkOpen();
    TarnResultSet open = resultSet;
    if (open != null) {
      try {
        open.cancel();
      } catch (RuntimeException e) {
        throw SqlErrors.toSqlException(e);
      }
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      closeResultSet();
      connection.statementClosed(this);
    }
  }

  @Override public boolean isClosed() { return closed; }
  @Override public Connection getConnection() throws SQLException { checkOpen(); return connection; }

  @Override
  public void setMaxRows(int max) throws SQLException {
    setLargeMaxRows(max);
  }

  @Override
  public void setLargeMaxRows(long max) throws SQLException {
    checkOpen();
    if (max < 0) {
      throw new SQLException("maxRows must be 0 or more, not " + max, "HY024");
    }
    maxRows = max;
  }

  @Override public int getMaxRows() throws SQLException { checkOpen(); return (int) Math.min(maxRows, Integer.MAX_VALUE); }
  @Override public long getLargeMaxRows() throws SQLException { checkOpen(); return maxRows; }
  @Override public int getMaxFieldSize() throws SQLException { checkOpen(); return 0; }
  @Override public void setMaxFieldSize(int max) throws SQLException { checkOpen(); }
  @Override public void setEscapeProcessing(boolean enable) throws SQLException { checkOpen(); }

  /** Recorded but not enforced yet: use {@link #cancel()} from another thread to stop a query. */
  @Override
  public void setQueryTimeout(int seconds) throws SQLException {
    checkOpen();
    if (seconds < 0) {
      throw new SQLException("The query timeout must be 0 or more, not " + seconds, "HY024");
    }
    queryTimeoutSeconds = seconds;
  }

  @Override public int getQueryTimeout() throws SQLException { checkOpen(); return queryTimeoutSeconds; }
  @Override public SQLWarning getWarnings() throws SQLException { checkOpen(); return null; }
  @Override public void clearWarnings() throws SQLException { checkOpen(); }
  @Override public void setCursorName(String name) throws SQLException { throw SqlErrors.notSupported("named cursors"); }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    checkOpen();
    if (direction != ResultSet.FETCH_FORWARD) {
      throw SqlErrors.notSupported("fetch directions other than forward");
    }
  }

  @Override public int getFetchDirection() throws SQLException { checkOpen(); return ResultSet.FETCH_FORWARD; }
  @Override public void setFetchSize(int rows) throws SQLException { checkOpen(); fetchSize = rows; }
  @Override public int getFetchSize() throws SQLException { checkOpen(); return fetchSize; }
  @Override public int getResultSetConcurrency() throws SQLException { checkOpen(); return ResultSet.CONCUR_READ_ONLY; }
  @Override public int getResultSetType() throws SQLException { checkOpen(); return ResultSet.TYPE_FORWARD_ONLY; }
  @Override public int getResultSetHoldability() throws SQLException { checkOpen(); return ResultSet.CLOSE_CURSORS_AT_COMMIT; }

  @Override
  public void addBatch(String sql) throws SQLException {
    checkOpen();
    batch.add(sql);
  }

  @Override
  public void clearBatch() throws SQLException {
    checkOpen();
    batch.clear();
  }

  @Override
  public int[] executeBatch() throws SQLException {
    long[] counts = executeLargeBatch();
    int[] narrowed = new int[counts.length];
    for (int index = 0; index < counts.length; index++) {
      narrowed[index] = (int) Math.min(counts[index], Integer.MAX_VALUE);
    }
    return narrowed;
  }

  @Override
  public long[] executeLargeBatch() throws SQLException {
    checkOpen();
    List<String> statements = new ArrayList<>(batch);
    batch.clear();
    long[] counts = new long[statements.size()];
    for (int index = 0; index < counts.length; index++) {
      counts[index] = requireUpdateCount(execute(statements.get(index)));
    }
    return counts;
  }

  @Override
  public ResultSet getGeneratedKeys() throws SQLException {
    checkOpen();
    return new InMemoryResultSet(this, List.of(), List.of());
  }

  @Override
  public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    return executeUpdate(sql);
  }

  @Override
  public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
    throw SqlErrors.notSupported("generated keys");
  }

  @Override
  public int executeUpdate(String sql, String[] columnNames) throws SQLException {
    throw SqlErrors.notSupported("generated keys");
  }

  @Override
  public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
    return execute(sql);
  }

  @Override
  public boolean execute(String sql, int[] columnIndexes) throws SQLException {
    throw SqlErrors.notSupported("generated keys");
  }

  @Override
  public boolean execute(String sql, String[] columnNames) throws SQLException {
    throw SqlErrors.notSupported("generated keys");
  }

  @Override public void setPoolable(boolean poolable) throws SQLException { checkOpen(); this.poolable = poolable; }
  @Override public boolean isPoolable() throws SQLException { checkOpen(); return poolable; }
  @Override public void closeOnCompletion() throws SQLException { checkOpen(); closeOnCompletion = true; }
  @Override public boolean isCloseOnCompletion() throws SQLException { checkOpen(); return closeOnCompletion; }

  @Override public String queryId() { return lastExecution.queryId(); }
  @Override public long rows() { return lastExecution.rows(); }
  @Override public long bytesScanned() { return lastExecution.bytesScanned(); }
  @Override public long partitionsScanned() { return lastExecution.partitionsScanned(); }
  @Override public long partitionsTotal() { return lastExecution.partitionsTotal(); }
  @Override public long filesScanned() { return lastExecution.filesScanned(); }
  @Override public long filesTotal() { return lastExecution.filesTotal(); }
  @Override public long rowGroupsScanned() { return lastExecution.rowGroupsScanned(); }
  @Override public long rowGroupsTotal() { return lastExecution.rowGroupsTotal(); }
  @Override public long pagesSkipped() { return lastExecution.pagesSkipped(); }
  @Override public long elapsedMillis() { return lastExecution.elapsedMillis(); }
  @Override public long rowsScanned() { return lastExecution.rowsScanned(); }
  @Override public long splitsCompleted() { return lastExecution.splitsCompleted(); }
  @Override public long splitsTotal() { return lastExecution.splitsTotal(); }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("Not a wrapper of " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
