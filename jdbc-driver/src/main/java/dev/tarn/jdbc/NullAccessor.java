package dev.tarn.jdbc;

/** A column of the SQL NULL type ({@code SELECT NULL}): every value is null. */
final class NullAccessor extends ColumnAccessor {

  @Override
  boolean isNull(int row) {
    return true;
  }

  @Override
  Object getObject(int row) {
    return null;
  }
}
