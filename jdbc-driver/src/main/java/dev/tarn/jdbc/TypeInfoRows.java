package dev.tarn.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The rows of {@link DatabaseMetaData#getTypeInfo()}: the SQL types Tarn's tables and queries use. */
final class TypeInfoRows {

  private TypeInfoRows() {
  }

  /** The 18 standard columns per type, ordered by DATA_TYPE as JDBC asks. */
  static List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    rows.add(row(JdbcTypes.BOOLEAN, null, null, null));
    rows.add(row(JdbcTypes.TINYINT, null, null, null));
    rows.add(row(JdbcTypes.SMALLINT, null, null, null));
    rows.add(row(JdbcTypes.INTEGER, null, null, null));
    rows.add(row(JdbcTypes.BIGINT, null, null, null));
    rows.add(row(JdbcTypes.REAL, null, null, null));
    rows.add(row(JdbcTypes.DOUBLE, null, null, null));
    rows.add(row(JdbcTypes.decimal(38, 0), null, null, "precision,scale"));
    rows.add(row(JdbcTypes.character(65535), "'", "'", "length"));
    rows.add(row(JdbcTypes.varchar(JdbcTypes.UNBOUNDED), "'", "'", "length"));
    rows.add(row(JdbcTypes.DATE, "DATE '", "'", null));
    rows.add(row(JdbcTypes.TIMESTAMP, "TIMESTAMP '", "'", null));
    rows.add(row(JdbcTypes.VARBINARY, "X'", "'", null));
    rows.sort(Comparator.comparingInt(row -> (Integer) row[1]));
    return rows;
  }

  private static Object[] row(SqlType type, String prefix, String suffix, String createParameters) {
    boolean text = type.jdbcType() == Types.VARCHAR || type.jdbcType() == Types.CHAR;
    int maximumScale = type.jdbcType() == Types.DECIMAL ? 38 : type.scale();
    return new Object[] {
        type.name(), type.jdbcType(), type.precision(), prefix, suffix, createParameters,
        DatabaseMetaData.typeNullable, text, DatabaseMetaData.typeSearchable, !type.signed() && type.isNumeric(),
        false, false, type.name(), 0, maximumScale, null, null, type.isNumeric() ? 10 : null};
  }
}
