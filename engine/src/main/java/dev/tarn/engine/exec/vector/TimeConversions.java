package dev.tarn.engine.exec.vector;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Conversions between Tarn's physical date/time encodings (days, microseconds since the epoch) and java.time. */
public final class TimeConversions {
  public static final long MICROS_PER_SECOND = 1_000_000L;
  public static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;

  private TimeConversions() {}

  public static long toMicros(LocalDateTime value) {
    return Math.addExact(Math.multiplyExact(value.toEpochSecond(ZoneOffset.UTC), MICROS_PER_SECOND),
        value.getNano() / 1000);
  }

  public static LocalDateTime fromMicros(long micros) {
    long seconds = Math.floorDiv(micros, MICROS_PER_SECOND);
    int nanos = (int) Math.floorMod(micros, MICROS_PER_SECOND) * 1000;
    return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
  }

  public static int toDays(LocalDate value) {
    return Math.toIntExact(value.toEpochDay());
  }

  public static LocalDate fromDays(long days) {
    return LocalDate.ofEpochDay(days);
  }
}
