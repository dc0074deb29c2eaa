package dev.tarn.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** The columns of a Tarn result set. Tables and schemas of result columns are not tracked: they are "". */
final class TarnResultSetMetaData implements ResultSetMetaData {

  private final List<ColumnDescription> columns;

  TarnResultSetMetaData(List<ColumnDescription> columns) {
    this.columns = List.copyOf(columns);
  }

  private ColumnDescription column(int column) throws SQLException {
    if (column < 1 || column > columns.size()) {
      throw new SQLException("Column index " + column + " is out of range 1.." + columns.size(), "07009");
    }
    return columns.get(column - 1);
  }

  @Override public int getColumnCount() { return columns.size(); }
  @Override public boolean isAutoIncrement(int column) throws SQLException { column(column); return false; }

  @Override
  public boolean isCaseSensitive(int column) throws SQLException {
    int type = column(column).type().jdbcType();
    return type == Types.VARCHAR || type == Types.CHAR;
  }

  @Override public boolean isSearchable(int column) throws SQLException { column(column); return true; }
  @Override public boolean isCurrency(int column) throws SQLException { column(column); return false; }
  @Override public int isNullable(int column) throws SQLException { return column(column).nullable(); }
  @Override public boolean isSigned(int column) throws SQLException { return column(column).type().signed(); }

  @Override
  public int getColumnDisplaySize(int column) throws SQLException {
    return Math.max(column(column).type().displaySize(), column(column).label().length());
  }

  @Override public String getColumnLabel(int column) throws SQLException { return column(column).label(); }
  @Override public String getColumnName(int column) throws SQLException { return column(column).label(); }
  @Override public String getSchemaName(int column) throws SQLException { column(column); return ""; }
  @Override public int getPrecision(int column) throws SQLException { return column(column).type().precision(); }
  @Override public int getScale(int column) throws SQLException { return column(column).type().scale(); }
  @Override public String getTableName(int column) throws SQLException { column(column); return ""; }
  @Override public String getCatalogName(int column) throws SQLException { column(column); return ""; }
  @Override public int getColumnType(int column) throws SQLException { return column(column).type().jdbcType(); }
  @Override public String getColumnTypeName(int column) throws SQLException { return column(column).type().name(); }
  @Override public boolean isReadOnly(int column) throws SQLException { column(column); return true; }
  @Override public boolean isWritable(int column) throws SQLException { column(column); return false; }
  @Override public boolean isDefinitelyWritable(int column) throws SQLException { column(column); return false; }
  @Override public String getColumnClassName(int column) throws SQLException { return column(column).type().className(); }

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
