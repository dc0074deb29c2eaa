package dev.tarn.jdbc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Calendar;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The conversions between a column's Java value (its JDBC default class) and what a getter asks for. Lenient
 * where JDBC drivers customarily are (numbers between each other, strings parsed), strict about range and
 * format: a value that does not fit fails with SQLSTATE 22003 and one that does not parse with 22018.
 */
final class ValueConversions {

  /** {@code yyyy-MM-dd HH:mm:ss[.f...]}: how Athena renders timestamps, with only the fraction digits needed. */
  static final DateTimeFormatter TIMESTAMP_FORMAT = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ')
      .appendPattern("HH:mm:ss").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
      .toFormatter(Locale.ROOT);

  private static final DateTimeFormatter TIMESTAMP_INPUT = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE).optionalStart().appendLiteral(' ').optionalEnd()
      .optionalStart().appendLiteral('T').optionalEnd()
      .appendPattern("HH:mm[:ss]").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
      .toFormatter(Locale.ROOT);

  private ValueConversions() {
  }

  static String toText(Object value) {
    if (value == null || value instanceof String) {
      return (String) value;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Timestamp timestamp) {
      return TIMESTAMP_FORMAT.format(timestamp.toLocalDateTime());
    }
    if (value instanceof LocalDateTime dateTime) {
      return TIMESTAMP_FORMAT.format(dateTime);
    }
    if (value instanceof byte[] bytes) {
      return HexFormat.of().formatHex(bytes);
    }
    return value.toString();
  }

  static long toLong(Object value) throws SQLException {
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Double || value instanceof Float) {
      double number = ((Number) value).doubleValue();
      if (Double.isNaN(number) || number >= 0x1p63 || number < -0x1p63) {
        throw outOfRange(value, "BIGINT");
      }
      return (long) number;
    }
    if (value instanceof BigDecimal || value instanceof BigInteger) {
      BigDecimal decimal = value instanceof BigDecimal d ? d : new BigDecimal((BigInteger) value);
      try {
        return decimal.setScale(0, RoundingMode.DOWN).longValueExact();
      } catch (ArithmeticException e) {
        throw outOfRange(value, "BIGINT");
      }
    }
    if (value instanceof Boolean bool) {
      return bool ? 1 : 0;
    }
    if (value instanceof String text) {
      try {
        return Long.parseLong(text.trim());
      } catch (NumberFormatException notAnInteger) {
        return toLong(toBigDecimal(text));
      }
    }
    throw cannotConvert(value, "long");
  }

  static int toInt(Object value) throws SQLException {
    long number = toLong(value);
    if (number != (int) number) {
      throw outOfRange(value, "INTEGER");
    }
    return (int) number;
  }

  static short toShort(Object value) throws SQLException {
    long number = toLong(value);
    if (number != (short) number) {
      throw outOfRange(value, "SMALLINT");
    }
    return (short) number;
  }

  static byte toByte(Object value) throws SQLException {
    long number = toLong(value);
    if (number != (byte) number) {
      throw outOfRange(value, "TINYINT");
    }
    return (byte) number;
  }

  /** A double as a float; finite values beyond float's range fail with 22003 (infinities and NaN stay). */
  static float toFloat(double value) throws SQLException {
    if (Double.isFinite(value) && Math.abs(value) > Float.MAX_VALUE) {
      throw outOfRange(value, "REAL");
    }
    return (float) value;
  }

  static double toDouble(Object value) throws SQLException {
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    if (value instanceof Boolean bool) {
      return bool ? 1 : 0;
    }
    if (value instanceof String text) {
      try {
        return Double.parseDouble(text.trim());
      } catch (NumberFormatException e) {
        throw notANumber(text);
      }
    }
    throw cannotConvert(value, "double");
  }

  static BigDecimal toBigDecimal(Object value) throws SQLException {
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof Double || value instanceof Float) {
      double number = ((Number) value).doubleValue();
      if (Double.isNaN(number) || Double.isInfinite(number)) {
        throw outOfRange(value, "DECIMAL");
      }
      return value instanceof Float ? new BigDecimal(value.toString()) : BigDecimal.valueOf(number);
    }
    if (value instanceof BigInteger integer) {
      return new BigDecimal(integer);
    }
    if (value instanceof Boolean bool) {
      return bool ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    if (value instanceof String text) {
      try {
        return new BigDecimal(text.trim());
      } catch (NumberFormatException e) {
        throw notANumber(text);
      }
    }
    throw cannotConvert(value, "BigDecimal");
  }

  static boolean toBoolean(Object value) throws SQLException {
    if (value instanceof Boolean bool) {
      return bool;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.signum() != 0;
    }
    if (value instanceof Number number) {
      return number.doubleValue() != 0;
    }
    if (value instanceof String text) {
      switch (text.trim().toLowerCase(Locale.ROOT)) {
        case "true", "t", "1", "yes", "y":
          return true;
        case "false", "f", "0", "no", "n":
          return false;
        default:
          throw new SQLDataException("Cannot convert '" + text + "' to boolean", "22018");
      }
    }
    throw cannotConvert(value, "boolean");
  }

  static LocalDate toLocalDate(Object value) throws SQLException {
    if (value instanceof Date date) {
      return date.toLocalDate();
    }
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value instanceof Timestamp || value instanceof LocalDateTime || value instanceof String) {
      if (value instanceof String text && text.trim().length() == 10) {
        try {
          return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
          throw new SQLDataException("Cannot convert '" + text + "' to a date", "22018", e);
        }
      }
      return toLocalDateTime(value).toLocalDate();
    }
    throw cannotConvert(value, "date");
  }

  static LocalDateTime toLocalDateTime(Object value) throws SQLException {
    if (value instanceof Timestamp timestamp) {
      return timestamp.toLocalDateTime();
    }
    if (value instanceof LocalDateTime dateTime) {
      return dateTime;
    }
    if (value instanceof Date || value instanceof LocalDate) {
      return toLocalDate(value).atStartOfDay();
    }
    if (value instanceof String text) {
      String trimmed = text.trim();
      try {
        return trimmed.length() == 10 ? LocalDate.parse(trimmed).atStartOfDay()
            : LocalDateTime.parse(trimmed, TIMESTAMP_INPUT);
      } catch (DateTimeParseException e) {
        throw new SQLDataException("Cannot convert '" + text + "' to a timestamp", "22018", e);
      }
    }
    throw cannotConvert(value, "timestamp");
  }

  /** A time of day from a timestamp or from text ({@code HH:mm[:ss[.f]]}, or a timestamp's text); not from a date. */
  static LocalTime toLocalTime(Object value) throws SQLException {
    if (value instanceof Timestamp || value instanceof LocalDateTime) {
      return toLocalDateTime(value).toLocalTime();
    }
    if (value instanceof Time time) {
      return time.toLocalTime();
    }
    if (value instanceof LocalTime time) {
      return time;
    }
    if (value instanceof String text) {
      String trimmed = text.trim();
      if (trimmed.indexOf('-') < 0) {
        try {
          return LocalTime.parse(trimmed);
        } catch (DateTimeParseException e) {
          throw new SQLDataException("Cannot convert '" + text + "' to a time", "22018", e);
        }
      }
      return toLocalDateTime(trimmed).toLocalTime();
    }
    throw cannotConvert(value, "time");
  }

  /**
   * The instant of a timestamp, a wall-clock time in UTC as Tarn's (and Athena's) TIMESTAMP values are; text may
   * carry its own offset ({@code 2024-01-31T10:00:00+01:00}). A date is a day, not an instant: it fails with 22018.
   */
  static Instant toInstant(Object value) throws SQLException {
    if (value instanceof Timestamp || value instanceof LocalDateTime) {
      return toLocalDateTime(value).toInstant(ZoneOffset.UTC);
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof String text) {
      String trimmed = text.trim();
      try {
        return OffsetDateTime.parse(trimmed).toInstant();
      } catch (DateTimeParseException noOffset) {
        if (trimmed.length() == 10) {
          throw new SQLDataException("Cannot convert the date '" + text + "' to an instant", "22018");
        }
        return toLocalDateTime(trimmed).toInstant(ZoneOffset.UTC);
      }
    }
    throw cannotConvert(value, "an instant");
  }

  /** A date at midnight in the calendar's time zone (the JVM's when {@code calendar} is null). */
  static Date toDate(LocalDate date, Calendar calendar) {
    if (calendar == null) {
      return Date.valueOf(date);
    }
    Calendar copy = (Calendar) calendar.clone();
    copy.clear();
    copy.set(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth(), 0, 0, 0);
    return new Date(copy.getTimeInMillis());
  }

  /** A wall-clock timestamp read in the calendar's time zone (the JVM's when {@code calendar} is null). */
  static Timestamp toTimestamp(LocalDateTime dateTime, Calendar calendar) {
    if (calendar == null) {
      return Timestamp.valueOf(dateTime);
    }
    Timestamp timestamp = Timestamp.from(dateTime.atZone(calendar.getTimeZone().toZoneId()).toInstant());
    timestamp.setNanos(dateTime.getNano());
    return timestamp;
  }

  /**
   * A time of day in the calendar's time zone (the JVM's when {@code calendar} is null), on 1970-01-01, to the
   * millisecond (all a java.sql.Time holds; {@code getObject(column, LocalTime.class)} keeps every digit).
   */
  static Time toTime(LocalTime time, Calendar calendar) {
    ZoneId zone = calendar == null ? ZoneId.systemDefault() : calendar.getTimeZone().toZoneId();
    return new Time(LocalDate.ofEpochDay(0).atTime(time).atZone(zone).toInstant().toEpochMilli());
  }

  static SQLException cannotConvert(Object value, String target) {
    return new SQLDataException("Cannot convert a value of type " + value.getClass().getSimpleName()
        + " to " + target, "22018");
  }

  private static SQLException outOfRange(Object value, String target) {
    return new SQLDataException("Value " + toText(value) + " is out of range for " + target, "22003");
  }

  private static SQLException notANumber(String text) {
    return new SQLDataException("Cannot convert '" + text + "' to a number", "22018");
  }
}
