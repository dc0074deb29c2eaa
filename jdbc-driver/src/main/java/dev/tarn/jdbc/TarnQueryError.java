package dev.tarn.jdbc;

/**
 * Implemented by every {@link java.sql.SQLException} the driver throws for a failure reported by the engine, next
 * to the JDBC class that the SQLSTATE calls for ({@link java.sql.SQLSyntaxErrorException},
 * {@link java.sql.SQLDataException}, ...). As with Athena's driver, a failed statement's id is also at the end of
 * the message ({@code "DIVISION_BY_ZERO: Division by zero [query id: <id>]"}); with it,
 * {@code SELECT * FROM system.queries WHERE query_id = '<id>'} shows the execution as FAILED (or CANCELLED) with
 * its error.
 *
 * <pre>{@code
 * } catch (SQLException e) {
 *   if (e instanceof TarnQueryError failed) {
 *     log.warn("query {} failed with {}", failed.queryId(), failed.errorCode());
 *   }
 * }
 * }</pre>
 */
public interface TarnQueryError {

  /**
   * The Athena-style id (a UUID) of the failed execution, or null if the failure came before the statement got
   * one (a syntax error found by {@code prepareStatement}, a catalog call of {@code DatabaseMetaData}).
   */
  String queryId();

  /** The name of Tarn's error code, as in {@code system.queries.error_code}: e.g. {@code NOT_FOUND}. */
  String errorCode();
}
