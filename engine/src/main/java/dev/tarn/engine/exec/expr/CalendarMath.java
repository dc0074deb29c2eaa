package dev.tarn.engine.exec.expr;

/**
 * Proleptic Gregorian calendar arithmetic on epoch days without allocating (Howard Hinnant's civil-date
 * algorithms). A civil date is packed into a long as {@code year << 9 | month << 5 | day}.
 */
final class CalendarMath {
  private CalendarMath() {}

  /** The packed civil date of epoch day {@code days}. */
  static long civil(long days) {
    long shifted = days + 719_468;
    long era = Math.floorDiv(shifted, 146_097);
    long dayOfEra = shifted - era * 146_097;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long monthIndex = (5 * dayOfYear + 2) / 153;
    long day = dayOfYear - (153 * monthIndex + 2) / 5 + 1;
    long month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
    long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    return (year << 9) | (month << 5) | day;
  }

  static long year(long civil) {
    return civil >> 9;
  }

  static int month(long civil) {
    return (int) ((civil >> 5) & 0xF);
  }

  static int day(long civil) {
    return (int) (civil & 0x1F);
  }

  /** The epoch day of a civil date. */
  static long days(long year, int month, int day) {
    long shiftedYear = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(shiftedYear, 400);
    long yearOfEra = shiftedYear - era * 400;
    long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
  }

  static boolean isLeapYear(long year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  }

  static int daysInMonth(long year, int month) {
    return switch (month) {
      case 2 -> isLeapYear(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** ISO day of week: Monday 1 .. Sunday 7 (1970-01-01 was a Thursday). */
  static int dayOfWeek(long days) {
    return (int) Math.floorMod(days + 3, 7) + 1;
  }

  /** {@code days} moved by {@code months}, the day clamped to the target month's last day (Trino, Joda). */
  static long addMonths(long days, long months) {
    long civil = civil(days);
    long total = Math.addExact(Math.addExact(Math.multiplyExact(year(civil), 12), month(civil) - 1), months);
    long year = Math.floorDiv(total, 12);
    int month = (int) Math.floorMod(total, 12) + 1;
    return days(year, month, Math.min(day(civil), daysInMonth(year, month)));
  }

  /**
   * Whole months from {@code fromDays + fromTime} to {@code toDays + toTime} (times in microseconds of the day),
   * as Joda's month field difference that Trino uses: the end of a shorter month counts as a whole month.
   */
  static long monthsBetween(long fromDays, long fromTime, long toDays, long toTime) {
    long from = civil(fromDays);
    long to = civil(toDays);
    long difference = (year(to) - year(from)) * 12 + month(to) - month(from);
    int fromDay = day(from);
    int toDay = day(to);
    if (toDay == daysInMonth(year(to), month(to)) && fromDay > toDay) {
      fromDay = toDay;
    }
    long microsPerDay = 86_400_000_000L;
    long toRemainder = (toDay - 1) * microsPerDay + toTime;
    long fromRemainder = (fromDay - 1) * microsPerDay + fromTime;
    if (difference > 0 && toRemainder < fromRemainder) {
      difference--;
    } else if (difference < 0 && toRemainder > fromRemainder) {
      difference++;
    }
    return difference;
  }
}
