package dev.tarn.server.sql;

import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Flight SQL's GetXdbcTypeInfo: the SQL types Tarn's tables and queries use, in the columns of
 * {@code FlightSqlProducer.Schemas.GET_TYPE_INFO_SCHEMA}, ordered by data type as JDBC's getTypeInfo is.
 */
final class XdbcTypeInfo {

  private static final int DECIMAL_DIGITS = 38;
  private static final int CHAR_LENGTH = 65_535;
  private static final int RADIX = 10;

  private XdbcTypeInfo() {}

  /** @param dataType the JDBC type to answer for, or null for all */
  static List<Object[]> rows(Integer dataType) {
    List<Object[]> rows = new ArrayList<>();
    rows.add(number("BOOLEAN", Types.BOOLEAN, 1, null));
    rows.add(number("TINYINT", Types.TINYINT, 3, 0));
    rows.add(number("SMALLINT", Types.SMALLINT, 5, 0));
    rows.add(number("INTEGER", Types.INTEGER, 10, 0));
    rows.add(number("BIGINT", Types.BIGINT, 19, 0));
    rows.add(number("REAL", Types.REAL, 7, null));
    rows.add(number("DOUBLE", Types.DOUBLE, 15, null));
    rows.add(row("DECIMAL", Types.DECIMAL, DECIMAL_DIGITS, null, null, List.of("precision", "scale"), false, 0,
        DECIMAL_DIGITS, RADIX));
    rows.add(row("CHAR", Types.CHAR, CHAR_LENGTH, "'", "'", List.of("length"), true, null, null, null));
    rows.add(row("VARCHAR", Types.VARCHAR, Integer.MAX_VALUE, "'", "'", List.of("length"), true, null, null, null));
    rows.add(row("DATE", Types.DATE, 10, "DATE '", "'", null, false, null, null, null));
    rows.add(row("TIMESTAMP", Types.TIMESTAMP, 26, "TIMESTAMP '", "'", null, false, 0, 6, null));
    rows.removeIf(row -> dataType != null && !row[1].equals(dataType));
    rows.sort(Comparator.comparingInt(row -> (Integer) row[1]));
    return rows;
  }

  private static Object[] number(String name, int jdbcType, int precision, Integer scale) {
    return row(name, jdbcType, precision, null, null, null, false, scale, scale, jdbcType == Types.BOOLEAN ? null
        : RADIX);
  }

  private static Object[] row(String name, int jdbcType, int columnSize, String prefix, String suffix,
      List<String> createParameters, boolean caseSensitive, Integer minimumScale, Integer maximumScale,
      Integer radix) {
    boolean numeric = radix != null;
    return new Object[] {
        name, jdbcType, columnSize, prefix, suffix, createParameters, DatabaseMetaData.typeNullable, caseSensitive,
        DatabaseMetaData.typeSearchable, numeric ? Boolean.FALSE : null, jdbcType == Types.DECIMAL, false, name,
        minimumScale, maximumScale, jdbcType, null, radix, null};
  }
}
