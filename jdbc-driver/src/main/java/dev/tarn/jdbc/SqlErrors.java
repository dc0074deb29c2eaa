package dev.tarn.jdbc;

import dev.tarn.catalog.store.CatalogException;
import dev.tarn.engine.api.CatalogErrors;
import dev.tarn.engine.api.QueryFailedException;
import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.util.Optional;

/**
 * Turns engine and catalog failures into SQLExceptions: SQLSTATE from the error code, the code's ordinal + 1 as
 * vendor code, and the message {@code "CODE: message"}, followed by {@code " [query id: <id>]"} when the failure
 * belongs to an execution (as Athena's driver does). The subclass follows the SQLSTATE class (42 syntax, 22 data,
 * 0A feature) so that tools which branch on exception types behave; every one is also a {@link TarnQueryError}.
 */
final class SqlErrors {

  /** SQLSTATE HYT00: the query timeout expired. */
  static final String TIMEOUT_STATE = "HYT00";

  private SqlErrors() {
  }

  /** The SQLException a client sees for a failure thrown by the engine or the catalog. */
  static SQLException toSqlException(RuntimeException failure) {
    return toSqlException(failure, null);
  }

  /**
   * The SQLException a client sees for a failure of the execution {@code queryId} (null: unknown); the id a
   * {@link QueryFailedException} carries wins.
   */
  static SQLException toSqlException(RuntimeException failure, String queryId) {
    String id = failure instanceof QueryFailedException failed ? failed.queryId() : queryId;
    if (failure instanceof TarnException tarn) {
      return create(tarn.code(), tarn.getMessage(), id, tarn);
    }
    if (failure instanceof CatalogException catalog) {
      TarnException tarn = CatalogErrors.toTarn(catalog);
      return create(tarn.code(), tarn.getMessage(), id, catalog);
    }
    if (failure instanceof UnsupportedOperationException unsupported) {
      return create(ErrorCode.NOT_SUPPORTED, ErrorCode.NOT_SUPPORTED.name() + ": " + unsupported.getMessage(), id,
          unsupported);
    }
    String message = failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage();
    return create(ErrorCode.INTERNAL_ERROR, ErrorCode.INTERNAL_ERROR.name() + ": " + message, id, failure);
  }

  private static SQLException create(ErrorCode code, String message, String queryId, Throwable cause) {
    String state = code.sqlState();
    int vendorCode = code.ordinal() + 1;
    String text = queryId == null ? message : message + " [query id: " + queryId + "]";
    if (state.startsWith("42")) {
      return new QuerySyntaxError(text, state, vendorCode, cause, queryId, code.name());
    }
    if (state.startsWith("22")) {
      return new QueryDataError(text, state, vendorCode, cause, queryId, code.name());
    }
    if (state.startsWith("0A")) {
      return new QueryFeatureError(text, state, vendorCode, cause, queryId, code.name());
    }
    return new QueryError(text, state, vendorCode, cause, queryId, code.name());
  }

  /**
   * The error for a query cancelled because its timeout ran out: a {@link SQLTimeoutException} with SQLSTATE HYT00
   * ("timeout expired"), otherwise as {@code cancelled} (message, vendor code, cause, query id and error code).
   */
  static SQLException timedOut(SQLException cancelled) {
    String queryId = cancelled instanceof TarnQueryError error ? error.queryId() : null;
    String errorCode = cancelled instanceof TarnQueryError error ? error.errorCode() : ErrorCode.CANCELLED.name();
    return new QueryTimeoutError(cancelled.getMessage(), TIMEOUT_STATE, cancelled.getErrorCode(), cancelled.getCause(),
        queryId, errorCode);
  }

  /** The engine's account of the failed execution behind {@code error} (its id and statistics), if it gave one. */
  static Optional<QueryFailedException> failedExecution(SQLException error) {
    return error.getCause() instanceof QueryFailedException failed ? Optional.of(failed) : Optional.empty();
  }

  /** The error for using a closed connection, statement or result set. */
  static SQLException closed(String what) {
    return new SQLNonTransientConnectionException("The " + what + " is closed", "08003");
  }

  /** Accepts {@link java.sql.ResultSet#FETCH_FORWARD}; the other directions are not supported, other values invalid. */
  static void checkFetchDirection(int direction) throws SQLException {
    switch (direction) {
      case java.sql.ResultSet.FETCH_FORWARD -> { }
      case java.sql.ResultSet.FETCH_REVERSE, java.sql.ResultSet.FETCH_UNKNOWN ->
          throw notSupported("fetch directions other than FETCH_FORWARD (result sets are forward-only)");
      default -> throw new SQLException("Invalid fetch direction " + direction, "HY024");
    }
  }

  static SQLFeatureNotSupportedException notSupported(String feature) {
    return new SQLFeatureNotSupportedException("Not supported: " + feature, "0A000");
  }

  private static final class QueryError extends SQLException implements TarnQueryError {
    private final String queryId;
    private final String errorCode;

    QueryError(String message, String state, int vendorCode, Throwable cause, String queryId, String errorCode) {
      super(message, state, vendorCode, cause);
      this.queryId = queryId;
      this.errorCode = errorCode;
    }

    @Override public String queryId() { return queryId; }
    @Override public String errorCode() { return errorCode; }
  }

  private static final class QuerySyntaxError extends SQLSyntaxErrorException implements TarnQueryError {
    private final String queryId;
    private final String errorCode;

    QuerySyntaxError(String message, String state, int vendorCode, Throwable cause, String queryId, String errorCode) {
      super(message, state, vendorCode, cause);
      this.queryId = queryId;
      this.errorCode = errorCode;
    }

    @Override public String queryId() { return queryId; }
    @Override public String errorCode() { return errorCode; }
  }

  private static final class QueryDataError extends SQLDataException implements TarnQueryError {
    private final String queryId;
    private final String errorCode;

    QueryDataError(String message, String state, int vendorCode, Throwable cause, String queryId, String errorCode) {
      super(message, state, vendorCode, cause);
      this.queryId = queryId;
      this.errorCode = errorCode;
    }

    @Override public String queryId() { return queryId; }
    @Override public String errorCode() { return errorCode; }
  }

  private static final class QueryFeatureError extends SQLFeatureNotSupportedException implements TarnQueryError {
    private final String queryId;
    private final String errorCode;

    QueryFeatureError(String message, String state, int vendorCode, Throwable cause, String queryId, String errorCode) {
      super(message, state, vendorCode, cause);
      this.queryId = queryId;
      this.errorCode = errorCode;
    }

    @Override public String queryId() { return queryId; }
    @Override public String errorCode() { return errorCode; }
  }

  private static final class QueryTimeoutError extends SQLTimeoutException implements TarnQueryError {
    private final String queryId;
    private final String errorCode;

    QueryTimeoutError(String message, String state, int vendorCode, Throwable cause, String queryId, String errorCode) {
      super(message, state, vendorCode, cause);
      this.queryId = queryId;
      this.errorCode = errorCode;
    }

    @Override public String queryId() { return queryId; }
    @Override public String errorCode() { return errorCode; }
  }
}
