package dev.tarn.engine.exec.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class CalendarMathTest {

  @Test
  void civilDatesMatchJavaTimeOverFourCenturies() {
    for (long day = LocalDate.of(1800, 1, 1).toEpochDay(); day <= LocalDate.of(2200, 12, 31).toEpochDay(); day++) {
      LocalDate expected = LocalDate.ofEpochDay(day);
      long civil = CalendarMath.civil(day);
      assertThat(CalendarMath.year(civil)).isEqualTo(expected.getYear());
      assertThat(CalendarMath.month(civil)).isEqualTo(expected.getMonthValue());
      assertThat(CalendarMath.day(civil)).isEqualTo(expected.getDayOfMonth());
      assertThat(CalendarMath.days(expected.getYear(), expected.getMonthValue(), expected.getDayOfMonth())).isEqualTo(day);
      assertThat(CalendarMath.dayOfWeek(day)).isEqualTo(expected.getDayOfWeek().getValue());
    }
  }

  @Test
  void addMonthsClampsToTheLastDayLikeJavaTime() {
    LocalDate start = LocalDate.of(2019, 1, 1);
    for (int offset = 0; offset < 800; offset++) {
      LocalDate date = start.plusDays(offset);
      for (int months = -30; months <= 30; months += 7) {
        assertThat(LocalDate.ofEpochDay(CalendarMath.addMonths(date.toEpochDay(), months)))
            .isEqualTo(date.plusMonths(months));
      }
    }
  }

  @Test
  void monthsBetweenFollowsJodaAtMonthEnds() {
    assertThat(months("2020-01-31", "2020-02-29")).isEqualTo(1);
    assertThat(months("2020-01-31", "2020-02-28")).isZero();
    assertThat(months("2020-02-29", "2020-01-31")).isEqualTo(-0);
    assertThat(months("2020-03-31", "2020-02-29")).isEqualTo(-1);
    assertThat(months("2020-01-15", "2021-01-14")).isEqualTo(11);
    assertThat(months("2020-01-15", "2021-01-15")).isEqualTo(12);
    // Away from month ends it agrees with java.time.
    LocalDate from = LocalDate.of(2020, 5, 10);
    for (int offset = -400; offset < 400; offset += 3) {
      LocalDate to = from.plusDays(offset);
      assertThat(CalendarMath.monthsBetween(from.toEpochDay(), 0, to.toEpochDay(), 0))
          .isEqualTo(ChronoUnit.MONTHS.between(from, to));
    }
  }

  private static long months(String from, String to) {
    return CalendarMath.monthsBetween(LocalDate.parse(from).toEpochDay(), 0, LocalDate.parse(to).toEpochDay(), 0);
  }
}
