package dev.tarn.jdbc;

import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.ValueVector;

/** A REAL (Arrow Float4, read as Float) or DOUBLE (Arrow Float8, read as Double) column. */
final class FloatingPointAccessor extends ColumnAccessor {

  private final ValueVector vector;
  private final Float4Vector floats;
  private final Float8Vector doubles;

  private FloatingPointAccessor(ValueVector vector, Float4Vector floats, Float8Vector doubles) {
    this.vector = vector;
    this.floats = floats;
    this.doubles = doubles;
  }

  static FloatingPointAccessor ofFloat(Float4Vector vector) {
    return new FloatingPointAccessor(vector, vector, null);
  }

  static FloatingPointAccessor ofDouble(Float8Vector vector) {
    return new FloatingPointAccessor(vector, null, vector);
  }

  @Override
  boolean isNull(int row) {
    return vector.isNull(row);
  }

  @Override
  Object getObject(int row) {
    return floats != null ? (Object) floats.get(row) : (Object) doubles.get(row);
  }

  @Override
  double getDouble(int row) {
    return floats != null ? floats.get(row) : doubles.get(row);
  }

  @Override
  float getFloat(int row) {
    return floats != null ? floats.get(row) : (float) doubles.get(row);
  }

  @Override
  String getString(int row) {
    return floats != null ? Float.toString(floats.get(row)) : Double.toString(doubles.get(row));
  }
}
