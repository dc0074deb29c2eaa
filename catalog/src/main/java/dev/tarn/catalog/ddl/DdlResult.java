package dev.tarn.catalog.ddl;

import java.util.List;

/**
 * The outcome of a DDL statement: a small result set ({@code columnNames} and string {@code rows}, empty for
 * statements without rows), a human message, the update count (0 except for partition changes), and for
 * {@code USE} the validated database the session should switch to ({@code useDatabase}, else null).
 */
public record DdlResult(List<String> columnNames, List<List<String>> rows, String message, long updateCount,
    String useDatabase) {

  public DdlResult {
    columnNames = List.copyOf(columnNames);
    rows = rows.stream().map(List::copyOf).toList();
  }

  /** A result set with one column per name. */
  public static DdlResult rows(List<String> columnNames, List<List<String>> rows) {
    return new DdlResult(columnNames, rows, null, 0, null);
  }

  /** A statement without rows. */
  public static DdlResult done(String message, long updateCount) {
    return new DdlResult(List.of(), List.of(), message, updateCount, null);
  }
}
