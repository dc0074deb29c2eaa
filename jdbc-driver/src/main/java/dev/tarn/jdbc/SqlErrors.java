package dev.tarn.jdbc;

import dev.tarn.catalog.store.CatalogException;
import dev.tarn.engine.api.CatalogErrors;
import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;

/**
 * Turns engine and catalog failures into SQLExceptions: SQLSTATE from the error code, the code's ordinal + 1 as
 * vendor code, and the message {@code "CODE: message"}. The subclass follows the SQLSTATE class (42 syntax,
 * 22 data, 0A feature) so that tools which branch on exception types behave.
 */
final class SqlErrors {

  private SqlErrors() {
  }

  /** The SQLException a client sees for a failure thrown by the engine or the catalog. */
  static SQLException toSqlException(RuntimeException failure) {
    if (failure instanceof TarnException tarn) {
      return create(tarn.code(), tarn.getMessage(), tarn);
    }
    if (failure instanceof CatalogException catalog) {
      TarnException tarn = CatalogErrors.toTarn(catalog);
      return create(tarn.code(), tarn.getMessage(), catalog);
    }
    if (failure instanceof UnsupportedOperationException unsupported) {
      return create(ErrorCode.NOT_SUPPORTED, ErrorCode.NOT_SUPPORTED.name() + ": " + unsupported.getMessage(),
          unsupported);
    }
    String message = failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage();
    return create(ErrorCode.INTERNAL_ERROR, ErrorCode.INTERNAL_ERROR.name() + ": " + message, failure);
  }

  private static SQLException create(ErrorCode code, String message, Throwable cause) {
    String state = code.sqlState();
    int vendorCode = code.ordinal() + 1;
    if (state.startsWith("42")) {
      return new SQLSyntaxErrorException(message, state, vendorCode, cause);
    }
    if (state.startsWith("22")) {
      return new SQLDataException(message, state, vendorCode, cause);
    }
    if (state.startsWith("0A")) {
      return new SQLFeatureNotSupportedException(message, state, vendorCode, cause);
    }
    return new SQLException(message, state, vendorCode, cause);
  }

  /** The error for using a closed connection, statement or result set. */
  static SQLException closed(String what) {
    return new SQLNonTransientConnectionException("The " + what + " is closed", "08003");
  }

  static SQLFeatureNotSupportedException notSupported(String feature) {
    return new SQLFeatureNotSupportedException("Not supported: " + feature, "0A000");
  }
}
