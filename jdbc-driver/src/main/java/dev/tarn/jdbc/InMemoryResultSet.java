package dev.tarn.jdbc;

import java.sql.Statement;
import java.util.List;

/**
 * A result set over rows held in memory, each value already in its column's JDBC default class. Used for
 * {@link java.sql.DatabaseMetaData} answers: the one place where Tarn materializes rows.
 */
final class InMemoryResultSet extends AbstractTarnResultSet {

  private final List<Object[]> rows;
  private final ColumnAccessor[] rowAccessors;
  private int next;

  InMemoryResultSet(Statement statement, List<ColumnDescription> columns, List<Object[]> rows) {
    super(statement, columns, 0);
    this.rows = List.copyOf(rows);
    this.rowAccessors = new ColumnAccessor[columns.size()];
    for (int index = 0; index < rowAccessors.length; index++) {
      rowAccessors[index] = new RowAccessor(this.rows, index);
    }
  }

  @Override
  boolean advance() {
    if (next >= rows.size()) {
      return false;
    }
    accessors = rowAccessors;
    row = next++;
    return true;
  }

  @Override
  boolean hasNextRow() {
    return next < rows.size();
  }

  @Override
  void release() {
  }
}
