package dev.tarn.jdbc;

import java.util.List;

/** One column of in-memory rows (metadata result sets): values are already in their JDBC default class. */
final class RowAccessor extends ColumnAccessor {

  private final List<Object[]> rows;
  private final int column;

  RowAccessor(List<Object[]> rows, int column) {
    this.rows = rows;
    this.column = column;
  }

  @Override
  boolean isNull(int row) {
    return rows.get(row)[column] == null;
  }

  @Override
  Object getObject(int row) {
    return rows.get(row)[column];
  }
}
