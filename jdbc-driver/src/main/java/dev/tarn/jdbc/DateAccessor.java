package dev.tarn.jdbc;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.function.IntToLongFunction;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.ValueVector;

/** A DATE column (Arrow DateDay, or DateMilli), read as java.sql.Date; its string form is {@code yyyy-MM-dd}. */
final class DateAccessor extends ColumnAccessor {

  private static final long MILLIS_PER_DAY = 86_400_000L;

  private final ValueVector vector;
  private final IntToLongFunction epochDay;

  private DateAccessor(ValueVector vector, IntToLongFunction epochDay) {
    this.vector = vector;
    this.epochDay = epochDay;
  }

  static DateAccessor ofDays(DateDayVector vector) {
    return new DateAccessor(vector, vector::get);
  }

  static DateAccessor ofMillis(DateMilliVector vector) {
    return new DateAccessor(vector, row -> Math.floorDiv(vector.get(row), MILLIS_PER_DAY));
  }

  @Override
  boolean isNull(int row) {
    return vector.isNull(row);
  }

  @Override
  Object getObject(int row) {
    return java.sql.Date.valueOf(getLocalDate(row));
  }

  @Override
  LocalDate getLocalDate(int row) {
    return LocalDate.ofEpochDay(epochDay.applyAsLong(row));
  }

  @Override
  LocalDateTime getLocalDateTime(int row) {
    return getLocalDate(row).atStartOfDay();
  }

  @Override
  String getString(int row) {
    return getLocalDate(row).toString();
  }
}
