package dev.tarn.cli;

import java.sql.Types;
import java.util.List;

/**
 * Writes the rows of one result in one {@link OutputFormat}: {@link #start} once, {@link #row} per row (values as
 * the driver's {@code getString}, null for SQL NULL), then {@link #finish}. A writer may hold rows back (the
 * aligned table measures a page of rows before printing it) until the next page or {@link #finish}.
 */
interface RowWriter {

  /**
   * A result column.
   *
   * @param label the column's label
   * @param jdbcType its {@link java.sql.Types} code
   */
  record Column(String label, int jdbcType) {

    /** Whether values are numbers (right-aligned in tables, unquoted in JSON). */
    boolean isNumeric() {
      return switch (jdbcType) {
        case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL, Types.FLOAT, Types.DOUBLE,
            Types.DECIMAL, Types.NUMERIC -> true;
        default -> false;
      };
    }

    boolean isBoolean() {
      return jdbcType == Types.BOOLEAN || jdbcType == Types.BIT;
    }
  }

  void start(List<Column> columns);

  void row(String[] values);

  void finish();
}
