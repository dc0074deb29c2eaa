package dev.tarn.jdbc;

import java.math.BigDecimal;
import java.util.function.IntFunction;
import org.apache.arrow.vector.ValueVector;

/** A DECIMAL(p,s) column (Arrow Decimal128 or Decimal256), read as BigDecimal with the column's scale. */
final class DecimalAccessor extends ColumnAccessor {

  private final ValueVector vector;
  private final IntFunction<BigDecimal> reader;

  DecimalAccessor(ValueVector vector, IntFunction<BigDecimal> reader) {
    this.vector = vector;
    this.reader = reader;
  }

  @Override
  boolean isNull(int row) {
    return vector.isNull(row);
  }

  @Override
  Object getObject(int row) {
    return reader.apply(row);
  }

  @Override
  BigDecimal getBigDecimal(int row) {
    return reader.apply(row);
  }

  @Override
  double getDouble(int row) {
    return reader.apply(row).doubleValue();
  }

  @Override
  String getString(int row) {
    return reader.apply(row).toPlainString();
  }
}
