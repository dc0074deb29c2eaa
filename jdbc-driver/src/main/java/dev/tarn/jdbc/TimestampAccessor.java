package dev.tarn.jdbc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * A TIMESTAMP column (Arrow Timestamp of any unit; Tarn produces microseconds), read as java.sql.Timestamp. The
 * values are wall-clock times without a zone, as in Athena; a vector that carries a zone is read in UTC.
 */
final class TimestampAccessor extends ColumnAccessor {

  private final TimeStampVector vector;
  private final long unitsPerSecond;
  private final long nanosPerUnit;

  TimestampAccessor(TimeStampVector vector, ArrowType.Timestamp type) {
    this.vector = vector;
    this.unitsPerSecond = switch (type.getUnit()) {
      case SECOND -> 1L;
      case MILLISECOND -> 1_000L;
      case MICROSECOND -> 1_000_000L;
      case NANOSECOND -> 1_000_000_000L;
    };
    this.nanosPerUnit = 1_000_000_000L / unitsPerSecond;
  }

  @Override
  boolean isNull(int row) {
    return vector.isNull(row);
  }

  @Override
  Object getObject(int row) {
    return java.sql.Timestamp.valueOf(getLocalDateTime(row));
  }

  @Override
  LocalDateTime getLocalDateTime(int row) {
    long value = vector.get(row);
    long seconds = Math.floorDiv(value, unitsPerSecond);
    int nanos = (int) (Math.floorMod(value, unitsPerSecond) * nanosPerUnit);
    return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
  }

  @Override
  LocalTime getLocalTime(int row) {
    return getLocalDateTime(row).toLocalTime();
  }

  @Override
  Instant getInstant(int row) {
    return getLocalDateTime(row).toInstant(ZoneOffset.UTC);
  }

  @Override
  LocalDate getLocalDate(int row) {
    return getLocalDateTime(row).toLocalDate();
  }

  @Override
  String getString(int row) {
    return ValueConversions.TIMESTAMP_FORMAT.format(getLocalDateTime(row));
  }
}
