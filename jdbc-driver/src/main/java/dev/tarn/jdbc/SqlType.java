package dev.tarn.jdbc;

/**
 * A SQL type as JDBC reports it.
 *
 * @param jdbcType the {@link java.sql.Types} constant
 * @param name the SQL name clients show ({@code VARCHAR}, {@code DECIMAL}, ...), without parameters
 * @param precision digits for numbers, characters for text and date-times (JDBC's COLUMN_SIZE)
 * @param scale digits after the point for DECIMAL (6 for microsecond timestamps), else 0
 * @param displaySize the maximum width of the value's string form
 * @param className the Java class {@code getObject} returns
 * @param signed whether the type holds negative numbers
 */
record SqlType(int jdbcType, String name, int precision, int scale, int displaySize, String className,
    boolean signed) {

  /** Whether values are numbers (right-aligned in tables, NUM_PREC_RADIX 10 in metadata). */
  boolean isNumeric() {
    return switch (jdbcType) {
      case java.sql.Types.TINYINT, java.sql.Types.SMALLINT, java.sql.Types.INTEGER, java.sql.Types.BIGINT,
          java.sql.Types.REAL, java.sql.Types.FLOAT, java.sql.Types.DOUBLE, java.sql.Types.DECIMAL,
          java.sql.Types.NUMERIC -> true;
      default -> false;
    };
  }

  /** The SQL spelling with parameters: {@code DECIMAL(15,2)}, {@code VARCHAR(10)}, {@code BIGINT}. */
  String fullName() {
    return switch (jdbcType) {
      case java.sql.Types.DECIMAL -> name + "(" + precision + "," + scale + ")";
      case java.sql.Types.CHAR -> name + "(" + precision + ")";
      case java.sql.Types.VARCHAR -> precision == JdbcTypes.UNBOUNDED ? name : name + "(" + precision + ")";
      default -> name;
    };
  }
}
