package dev.tarn.jdbc;

import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.VariableWidthFieldVector;

/** A VARCHAR column (Arrow Utf8 or LargeUtf8), read as String. */
final class TextAccessor extends ColumnAccessor {

  private final VariableWidthFieldVector vector;

  TextAccessor(VariableWidthFieldVector vector) {
    this.vector = vector;
  }

  @Override
  boolean isNull(int row) {
    return vector.isNull(row);
  }

  @Override
  Object getObject(int row) {
    return getString(row);
  }

  @Override
  String getString(int row) {
    return new String(vector.get(row), StandardCharsets.UTF_8);
  }

  @Override
  byte[] getBytes(int row) {
    return vector.get(row);
  }
}
