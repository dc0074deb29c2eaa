package dev.tarn.engine.testing;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Renders values from either engine the same way, so rows compare as text: NULL, true/false, integers, decimals
 * as plain strings with their scale, doubles as Java prints them, dates ISO, timestamps with trailing zero
 * fractions trimmed.
 */
public final class ValueFormat {

  private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
      .appendPattern("yyyy-MM-dd HH:mm:ss")
      .appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true)
      .toFormatter();

  private ValueFormat() {}

  public static String format(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Float f) {
      return Double.toString(f.doubleValue());
    }
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate().toString();
    }
    if (value instanceof LocalDate date) {
      return date.toString();
    }
    if (value instanceof Timestamp timestamp) {
      return TIMESTAMP.format(timestamp.toLocalDateTime());
    }
    if (value instanceof LocalDateTime timestamp) {
      return TIMESTAMP.format(timestamp);
    }
    if (value instanceof java.time.OffsetDateTime timestamp) {
      return TIMESTAMP.format(timestamp.toLocalDateTime());
    }
    return value.toString();
  }

  /**
   * Whether a value from Tarn and one from DuckDB are the same. Numbers compare numerically; a decimal against a
   * double (AVG and division differ in type between Tarn, which keeps decimals as Trino does, and DuckDB) may
   * differ by half a unit of the decimal's last digit, the rounding the TPC-H acceptance allows; two doubles
   * may differ in the last bits (summation order).
   */
  public static boolean sameValue(Object tarn, Object oracle) {
    if (tarn instanceof Number left && oracle instanceof Number right) {
      boolean leftFloating = left instanceof Double || left instanceof Float;
      boolean rightFloating = right instanceof Double || right instanceof Float;
      if (!leftFloating && !rightFloating) {
        return new BigDecimal(left.toString()).compareTo(new BigDecimal(right.toString())) == 0;
      }
      double a = left.doubleValue();
      double b = right.doubleValue();
      if (Double.isNaN(a) || Double.isNaN(b) || Double.isInfinite(a) || Double.isInfinite(b)) {
        return Double.compare(a, b) == 0;
      }
      double tolerance = 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
      if (leftFloating != rightFloating) {
        BigDecimal decimal = new BigDecimal((leftFloating ? right : left).toString());
        tolerance = Math.max(tolerance, Math.pow(10, -Math.max(decimal.scale(), 0)) / 2 + 1e-12);
      }
      return Math.abs(a - b) <= tolerance;
    }
    return format(tarn).equals(format(oracle));
  }
}
