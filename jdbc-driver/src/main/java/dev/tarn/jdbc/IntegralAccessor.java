package dev.tarn.jdbc;

import java.math.BigDecimal;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * A TINYINT, SMALLINT, INTEGER or BIGINT column (Arrow Int8/16/32/64). {@link #getObject} gives Integer for the
 * first three and Long for BIGINT, as JDBC 4.2 (table B-3) specifies; Byte and Short come from
 * {@code getObject(column, Byte.class)}.
 */
final class IntegralAccessor extends ColumnAccessor {

  private final BaseIntVector vector;
  private final boolean bigint;

  IntegralAccessor(BaseIntVector vector) {
    this.vector = vector;
    this.bigint = ((ArrowType.Int) vector.getField().getType()).getBitWidth() == 64;
  }

  @Override
  boolean isNull(int row) {
    return vector.isNull(row);
  }

  @Override
  Object getObject(int row) {
    long value = vector.getValueAsLong(row);
    return bigint ? (Object) value : (Object) (int) value;
  }

  @Override
  long getLong(int row) {
    return vector.getValueAsLong(row);
  }

  @Override
  double getDouble(int row) {
    return vector.getValueAsLong(row);
  }

  @Override
  BigDecimal getBigDecimal(int row) {
    return BigDecimal.valueOf(vector.getValueAsLong(row));
  }

  @Override
  String getString(int row) {
    return Long.toString(vector.getValueAsLong(row));
  }
}
