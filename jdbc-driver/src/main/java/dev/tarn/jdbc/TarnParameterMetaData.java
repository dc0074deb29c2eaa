package dev.tarn.jdbc;

import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.sql.Types;

/**
 * The parameters of a prepared statement: their count is exact; their types are not inferred before the
 * statement runs, so each is reported as an IN parameter of unknown type (OTHER) that may be null.
 */
final class TarnParameterMetaData implements ParameterMetaData {

  private final int count;

  TarnParameterMetaData(int count) {
    this.count = count;
  }

  private void check(int parameter) throws SQLException {
    if (parameter < 1 || parameter > count) {
      throw new SQLException("Parameter index " + parameter + " is out of range 1.." + count, "07009");
    }
  }

  @Override public int getParameterCount() { return count; }
  @Override public int isNullable(int parameter) throws SQLException { check(parameter); return parameterNullableUnknown; }
  @Override public boolean isSigned(int parameter) throws SQLException { check(parameter); return false; }
  @Override public int getPrecision(int parameter) throws SQLException { check(parameter); return 0; }
  @Override public int getScale(int parameter) throws SQLException { check(parameter); return 0; }
  @Override public int getParameterType(int parameter) throws SQLException { check(parameter); return Types.OTHER; }
  @Override public String getParameterTypeName(int parameter) throws SQLException { check(parameter); return "UNKNOWN"; }
  @Override public String getParameterClassName(int parameter) throws SQLException { check(parameter); return Object.class.getName(); }
  @Override public int getParameterMode(int parameter) throws SQLException { check(parameter); return parameterModeIn; }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("Not a wrapper of " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
