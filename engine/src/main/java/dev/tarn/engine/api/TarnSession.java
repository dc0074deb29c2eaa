package dev.tarn.engine.api;

import java.util.List;

/**
 * A conversation with an engine: its current database and its statements. One thread at a time per session;
 * sessions are cheap. Errors are {@link dev.tarn.engine.TarnException}s; the session stays usable after them.
 * A statement that fails once it has a query id (every {@link #execute}) fails with a
 * {@link QueryFailedException}, which names that id: the failure is in {@code system.queries} under it.
 */
public interface TarnSession extends AutoCloseable {

  /** The database that unqualified table names resolve in (set by {@code USE db}). */
  String currentDatabase();

  /** Changes the current database; fails with NOT_FOUND if it does not exist. */
  void setCurrentDatabase(String database);

  /** Runs one statement (query, DDL, SHOW, EXPLAIN, USE). */
  default QueryResult execute(String sql) {
    return execute(sql, List.of());
  }

  /**
   * Runs one statement whose {@code ?} markers take {@code parameters} in order (null, Boolean, Number,
   * BigDecimal, String, LocalDate, LocalDateTime, java.sql.Date, java.sql.Timestamp).
   */
  QueryResult execute(String sql, List<Object> parameters);

  /** The number of {@code ?} markers in a statement; fails with SYNTAX_ERROR if it does not parse. */
  int parameterCount(String sql);

  /**
   * The result columns and parameters of a statement, found by planning it without running it; fails as
   * {@link #execute} would for a statement that does not parse or validate (without a query id: nothing ran).
   */
  StatementDescription describe(String sql);

  @Override
  void close();
}
