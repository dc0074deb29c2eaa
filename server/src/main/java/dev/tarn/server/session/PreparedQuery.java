package dev.tarn.server.session;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.api.StatementDescription;
import java.util.List;

/**
 * A Flight SQL prepared statement: its SQL, its description (sent to the client when prepared) and the parameter
 * rows the client bound last (one row per execution; several for a batch update). It runs on the session of the
 * call that executes it.
 */
public final class PreparedQuery {

  private final String identity;
  private final String sql;
  private final StatementDescription description;
  private volatile List<List<Object>> parameterRows = List.of();
  volatile long lastUsedNanos = System.nanoTime();

  PreparedQuery(String identity, String sql, StatementDescription description) {
    this.identity = identity;
    this.sql = sql;
    this.description = description;
  }

  String identity() {
    return identity;
  }

  public String sql() {
    return sql;
  }

  public StatementDescription description() {
    return description;
  }

  /** Replaces the bound parameter rows. */
  public void bind(List<List<Object>> rows) {
    parameterRows = List.copyOf(rows);
  }

  /** The bound rows, or one empty row for a statement without parameters. */
  public List<List<Object>> parameterRows() {
    List<List<Object>> rows = parameterRows;
    return rows.isEmpty() ? List.of(List.of()) : rows;
  }

  /** The one row a query runs with; several rows are a batch, which only updates take. */
  public List<Object> queryParameters() {
    List<List<Object>> rows = parameterRows();
    if (rows.size() > 1) {
      throw new TarnException(ErrorCode.NOT_SUPPORTED, sql,
          "A query runs with one set of parameters, not " + rows.size() + " (batches are for updates)");
    }
    return rows.get(0);
  }
}
