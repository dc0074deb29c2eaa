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
 *
 * <p>Executing a query returns once it has produced its first rows or ended, so a query that fails early fails in
 * {@code execute}; the other rows stream while the result set is read. An execution lasts until its result set is
 * read to the end, fails or is closed: {@link #cancel()} from another thread and the {@linkplain #setQueryTimeout
 * query timeout} stop it at any point of that, whether the reading thread waits in {@code execute} or in
 * {@code next()}, which then throws SQLSTATE 57014 (cancelled) or a {@link java.sql.SQLTimeoutException} with
 * HYT00 (timed out). The engine stops the query's threads, frees its memory and records it as CANCELLED in
 * {@code system.queries}. Both work through the engine's {@link QueryResult} contract, embedded or remote.
 */
public class TarnStatement implements Statement, TarnExecutionInfo {

  private final TarnConnection connection;
  private final List<String> batch = new ArrayList<>();
  private volatile TarnResultSet resultSet;
  /** The execution in progress (or the last one, finished), which cancel() stops. */
  private volatile RunningQuery running;
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
    RunningQuery query = new RunningQuery(queryTimeoutSeconds);
    running = query;
    QueryResult result;
    try {
      result = connection.execute(sql, parameters);
    } catch (SQLException e) {
      query.finish();
      lastExecution = ExecutionInfo.failedWith(e);
      throw e;
    }
    query.attach(result);
    lastExecution = ExecutionInfo.of(result);
    if (!result.hasResultSet()) {
      query.finish();
      try {
        updateCount = result.updateCount();
      } finally {
        result.close();
      }
      return false;
    }
    TarnResultSet rows;
    try {
      rows = new TarnResultSet(this, result, query, maxRows, fetchSize);
    } catch (RuntimeException e) {
      query.finish();
      result.close();
      throw SqlErrors.toSqlException(e, result.queryId());
    }
    resultSet = rows; // before waiting, so that a close from another thread finds and stops it
    try {
      rows.awaitFirstRows();
    } catch (SQLException e) {
      resultSet = null;
      rows.close(); // already released by the failure; never this statement's result
      throw e;
    }
    return true;
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

  /**
   * As {@link #getMoreResults()} for {@link #CLOSE_CURRENT_RESULT}. A statement has one result only, and JDBC asks
   * a driver without multiple open results to refuse {@link #KEEP_CURRENT_RESULT} and {@link #CLOSE_ALL_RESULTS}.
   */
  @Override
  public boolean getMoreResults(int current) throws SQLException {
    checkOpen();
    if (current == KEEP_CURRENT_RESULT || current == CLOSE_ALL_RESULTS) {
      throw SqlErrors.notSupported("multiple open results");
    }
    if (current != CLOSE_CURRENT_RESULT) {
      throw new SQLException("Invalid getMoreResults flag " + current, "HY024");
    }
    return getMoreResults();
  }

  /**
   * Stops the current execution from another thread: the thread waiting in {@code execute} or {@code next()}
   * gets a SQLException with SQLSTATE 57014 within moments, and the query's memory is freed. Nothing happens if
   * no execution is in progress (a finished one, or one whose result set is closed).
   */
  @Override
  public void cancel() throws SQLException {
    checkOpen();
    RunningQuery current = running;
    if (current != null) {
      try {
        current.cancel();
      } catch (RuntimeException e) {
        throw SqlErrors.toSqlException(e);
      }
    }
  }

  /** Closes the result set; an execution still being started by another thread is cancelled. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      RunningQuery current = running;
      if (current != null && resultSet == null) {
        current.cancel(); // no effect once finished
      }
      closeResultSet();
      connection.statementClosed(this);
    }
  }

  @Override public boolean isClosed() { return closed; }
  @Override public Connection getConnection() throws SQLException { checkOpen(); return connection; }

  /** See {@link #setLargeMaxRows}. */
  @Override
  public void setMaxRows(int max) throws SQLException {
    setLargeMaxRows(max);
  }

  /**
   * Limits the rows of later result sets to {@code max} (0: no limit); rows beyond it are never returned. The
   * query is closed, and so stops, as soon as {@code next()} passes the limit, or when the result set is closed.
   */
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

  /** Always 0 (no limit): Tarn never truncates values. */
  @Override public int getMaxFieldSize() throws SQLException { checkOpen(); return 0; }

  /** Accepted and ignored: values are never truncated, which a limit of 0 means anyway. */
  @Override
  public void setMaxFieldSize(int max) throws SQLException {
    checkOpen();
    if (max < 0) {
      throw new SQLException("maxFieldSize must be 0 or more, not " + max, "HY024");
    }
  }

  /** Accepted: Tarn has no JDBC escape syntax to process, so both settings run the SQL as written. */
  @Override public void setEscapeProcessing(boolean enable) throws SQLException { checkOpen(); }

  /**
   * Limits each execution to {@code seconds} (0: no limit), from {@code execute} until its result set is read to
   * the end or closed (JDBC lets a driver apply the limit to fetching too, and Tarn's queries run while rows are
   * fetched). At the deadline the query is cancelled; the waiting thread gets a {@link java.sql.SQLTimeoutException}
   * with SQLSTATE HYT00, and {@code system.queries} records the query as CANCELLED with the reason. One daemon
   * timer thread serves every statement.
   */
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

  /** Only {@link ResultSet#FETCH_FORWARD}: Tarn's result sets are forward-only. */
  @Override
  public void setFetchDirection(int direction) throws SQLException {
    checkOpen();
    SqlErrors.checkFetchDirection(direction);
  }

  @Override public int getFetchDirection() throws SQLException { checkOpen(); return ResultSet.FETCH_FORWARD; }

  /**
   * A hint for how many rows to fetch at a time (0, the default: the engine's batch size, 8192 rows unless the
   * connection says otherwise). Embedded, the engine hands its batches to the driver in place, without copying, and a
   * fetch size caps the rows of each (a larger batch is handed over in zero-copy slices); remote, it is the rows per
   * transfer. It applies to the result sets of later executions; {@link ResultSet#setFetchSize} changes it for one.
   */
  @Override
  public void setFetchSize(int rows) throws SQLException {
    checkOpen();
    if (rows < 0) {
      throw new SQLException("The fetch size must be 0 or more, not " + rows, "HY024");
    }
    fetchSize = rows;
  }

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
    checkNoGeneratedKeys(autoGeneratedKeys);
    return executeUpdate(sql);
  }

  @Override
  public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    checkNoGeneratedKeys(autoGeneratedKeys);
    return executeLargeUpdate(sql);
  }

  @Override
  public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
    throw SqlErrors.notSupported("generated keys");
  }

  @Override
  public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
    throw SqlErrors.notSupported("generated keys");
  }

  /** Tarn's statements generate no keys: asking for them is not supported, an invalid flag is an error. */
  static void checkNoGeneratedKeys(int autoGeneratedKeys) throws SQLException {
    if (autoGeneratedKeys == RETURN_GENERATED_KEYS) {
      throw SqlErrors.notSupported("generated keys");
    }
    if (autoGeneratedKeys != NO_GENERATED_KEYS) {
      throw new SQLException("Invalid autoGeneratedKeys flag " + autoGeneratedKeys, "HY092");
    }
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
    checkNoGeneratedKeys(autoGeneratedKeys);
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
