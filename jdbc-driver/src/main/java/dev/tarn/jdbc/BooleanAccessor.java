package dev.tarn.jdbc;

import org.apache.arrow.vector.BitVector;

/** A BOOLEAN column (Arrow Bool). */
final class BooleanAccessor extends ColumnAccessor {

  private final BitVector vector;

  BooleanAccessor(BitVector vector) {
    this.vector = vector;
  }

  @Override
  boolean isNull(int row) {
    return vector.isNull(row);
  }

  @Override
  Object getObject(int row) {
    return vector.get(row) != 0;
  }

  @Override
  boolean getBoolean(int row) {
    return vector.get(row) != 0;
  }

  @Override
  long getLong(int row) {
    return vector.get(row);
  }

  @Override
  int getInt(int row) {
    return vector.get(row);
  }

  @Override
  String getString(int row) {
    return vector.get(row) != 0 ? "true" : "false";
  }
}
