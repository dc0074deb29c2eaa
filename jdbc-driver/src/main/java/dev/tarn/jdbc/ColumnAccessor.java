package dev.tarn.jdbc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
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
import java.time.ZoneOffset;
import java.util.Calendar;

/**
 * Reads one column of a result set at a row. Subclasses implement {@link #isNull} and {@link #getObject} (the
 * value in its JDBC default class) and override the getters they can answer without boxing; every other getter
 * converts the object with {@link ValueConversions}. Getters are only called for non-null values.
 */
abstract class ColumnAccessor {

  /** Whether the value at {@code row} is SQL NULL. */
  abstract boolean isNull(int row);

  /** The value in the JDBC default Java class of the column's type (JDBC 4.2, table B-3). */
  abstract Object getObject(int row) throws SQLException;

  String getString(int row) throws SQLException {
    return ValueConversions.toText(getObject(row));
  }

  boolean getBoolean(int row) throws SQLException {
    return ValueConversions.toBoolean(getObject(row));
  }

  byte getByte(int row) throws SQLException {
    return ValueConversions.toByte(getObject(row));
  }

  short getShort(int row) throws SQLException {
    return ValueConversions.toShort(getObject(row));
  }

  int getInt(int row) throws SQLException {
    return ValueConversions.toInt(getObject(row));
  }

  long getLong(int row) throws SQLException {
    return ValueConversions.toLong(getObject(row));
  }

  float getFloat(int row) throws SQLException {
    return ValueConversions.toFloat(getDouble(row));
  }

  double getDouble(int row) throws SQLException {
    return ValueConversions.toDouble(getObject(row));
  }

  BigDecimal getBigDecimal(int row) throws SQLException {
    return ValueConversions.toBigDecimal(getObject(row));
  }

  LocalDate getLocalDate(int row) throws SQLException {
    return ValueConversions.toLocalDate(getObject(row));
  }

  LocalDateTime getLocalDateTime(int row) throws SQLException {
    return ValueConversions.toLocalDateTime(getObject(row));
  }

  /** The time of day of a TIMESTAMP or of time text; a DATE has none (JDBC 4.2, table B-6). */
  LocalTime getLocalTime(int row) throws SQLException {
    return ValueConversions.toLocalTime(getObject(row));
  }

  /** The instant of a TIMESTAMP (a wall-clock time in UTC) or of timestamp text; a DATE is not an instant. */
  Instant getInstant(int row) throws SQLException {
    return ValueConversions.toInstant(getObject(row));
  }

  byte[] getBytes(int row) throws SQLException {
    Object value = getObject(row);
    if (value instanceof byte[] bytes) {
      return bytes;
    }
    if (value instanceof String text) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    throw ValueConversions.cannotConvert(value, "byte[]");
  }

  Date getDate(int row, Calendar calendar) throws SQLException {
    return ValueConversions.toDate(getLocalDate(row), calendar);
  }

  Timestamp getTimestamp(int row, Calendar calendar) throws SQLException {
    return ValueConversions.toTimestamp(getLocalDateTime(row), calendar);
  }

  Time getTime(int row, Calendar calendar) throws SQLException {
    return ValueConversions.toTime(getLocalTime(row), calendar);
  }

  /** The value converted to {@code type}, as {@link java.sql.ResultSet#getObject(int, Class)} specifies. */
  @SuppressWarnings("unchecked")
  <T> T getObject(int row, Class<T> type) throws SQLException {
    Object converted;
    if (type == String.class) {
      converted = getString(row);
    } else if (type == Integer.class) {
      converted = getInt(row);
    } else if (type == Long.class) {
      converted = getLong(row);
    } else if (type == Short.class) {
      converted = getShort(row);
    } else if (type == Byte.class) {
      converted = getByte(row);
    } else if (type == Double.class) {
      converted = getDouble(row);
    } else if (type == Float.class) {
      converted = getFloat(row);
    } else if (type == BigDecimal.class) {
      converted = getBigDecimal(row);
    } else if (type == BigInteger.class) {
      converted = getBigDecimal(row).setScale(0, RoundingMode.DOWN).toBigInteger();
    } else if (type == Boolean.class) {
      converted = getBoolean(row);
    } else if (type == LocalDate.class) {
      converted = getLocalDate(row);
    } else if (type == LocalDateTime.class) {
      converted = getLocalDateTime(row);
    } else if (type == LocalTime.class) {
      converted = getLocalTime(row);
    } else if (type == Instant.class) {
      converted = getInstant(row);
    } else if (type == OffsetDateTime.class) {
      converted = getInstant(row).atOffset(ZoneOffset.UTC);
    } else if (type == Date.class) {
      converted = getDate(row, null);
    } else if (type == Timestamp.class) {
      converted = getTimestamp(row, null);
    } else if (type == Time.class) {
      converted = getTime(row, null);
    } else if (type == byte[].class) {
      converted = getBytes(row);
    } else if (type == Object.class) {
      converted = getObject(row);
    } else {
      Object value = getObject(row);
      if (type.isInstance(value)) {
        return (T) value;
      }
      throw new SQLDataException("Cannot convert a column value to " + type.getName(), "22018");
    }
    return (T) converted;
  }
}
