package dev.tarn.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rows of {@link DatabaseMetaData#getTypeInfo()}: the SQL types Tarn's queries compute with (casts, literals,
 * columns). VARBINARY is left out: a catalog may declare binary columns, but no query can read or make one yet.
 */
final class TypeInfoRows {

  /** The longest CHAR(n) the catalog accepts. */
  static final int MAX_CHAR_LENGTH = 65535;
  static final int MAX_DECIMAL_PRECISION = 38;

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
    rows.add(row(JdbcTypes.decimal(MAX_DECIMAL_PRECISION, 0), null, null, "precision,scale"));
    rows.add(row(JdbcTypes.character(MAX_CHAR_LENGTH), "'", "'", "length"));
    rows.add(row(JdbcTypes.varchar(JdbcTypes.UNBOUNDED), "'", "'", "length"));
    rows.add(row(JdbcTypes.DATE, "DATE '", "'", null));
    rows.add(row(JdbcTypes.TIMESTAMP, "TIMESTAMP '", "'", null));
    rows.sort(Comparator.comparingInt(row -> (Integer) row[1]));
    return rows;
  }

  private static Object[] row(SqlType type, String prefix, String suffix, String createParameters) {
    boolean text = type.jdbcType() == Types.VARCHAR || type.jdbcType() == Types.CHAR;
    boolean decimal = type.jdbcType() == Types.DECIMAL;
    return new Object[] {
        type.name(), type.jdbcType(), type.precision(), prefix, suffix, createParameters,
        DatabaseMetaData.typeNullable, text,
        // LIKE takes text only; every type can be compared.
        text ? DatabaseMetaData.typeSearchable : DatabaseMetaData.typePredBasic,
        !type.signed() && type.isNumeric(), false, false, type.name(),
        decimal ? 0 : type.scale(), decimal ? MAX_DECIMAL_PRECISION : type.scale(),
        null, null, JdbcTypes.radix(type)};
  }
}
