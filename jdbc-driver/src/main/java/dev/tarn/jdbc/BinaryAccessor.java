package dev.tarn.jdbc;

import org.apache.arrow.vector.VariableWidthFieldVector;

/** A VARBINARY column (Arrow Binary or LargeBinary), read as byte[]; its string form is lower-case hex. */
final class BinaryAccessor extends ColumnAccessor {

  private final VariableWidthFieldVector vector;

  BinaryAccessor(VariableWidthFieldVector vector) {
    this.vector = vector;
  }

  @Override
  boolean isNull(int row) {
    return vector.isNull(row);
  }

  @Override
  Object getObject(int row) {
    return vector.get(row);
  }

  @Override
  byte[] getBytes(int row) {
    return vector.get(row);
  }
}
