package dev.tarn.engine.exec.expr;

import static dev.tarn.engine.exec.TestData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.Batch;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DateTimeKernelsTest {
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @Test
  void timestampsBeforeTheEpochTruncateAndExtractDownward() {
    LocalDateTime beforeEpoch = LocalDateTime.parse("1969-12-31T23:59:59.999999");
    try (Batch input = batch(vector(allocator, TIMESTAMP, beforeEpoch, null))) {
      assertThat(evaluate(call("date_trunc", TIMESTAMP, literal("day", VARCHAR), column(0, TIMESTAMP)), input, allocator))
          .isEqualTo(Arrays.asList(LocalDateTime.parse("1969-12-31T00:00"), null));
      assertThat(evaluate(call("date_trunc", TIMESTAMP, literal("second", VARCHAR), column(0, TIMESTAMP)), input,
          allocator)).isEqualTo(Arrays.asList(LocalDateTime.parse("1969-12-31T23:59:59"), null));
      assertThat(evaluate(call("extract", BIGINT, literal("hour", VARCHAR), column(0, TIMESTAMP)), input, allocator))
          .isEqualTo(Arrays.asList(23L, null));
      assertThat(evaluate(call("extract", BIGINT, literal("millisecond", VARCHAR), column(0, TIMESTAMP)), input,
          allocator)).isEqualTo(Arrays.asList(999L, null));
    }
  }

  @Test
  void dateAddClampsAndChecksOverflow() {
    try (Batch input = batch(vector(allocator, DATE, LocalDate.parse("2024-01-31"), LocalDate.parse("2023-03-31")))) {
      assertThat(evaluate(call("date_add", DATE, literal("month", VARCHAR), literal(1L, BIGINT), column(0, DATE)), input,
          allocator)).containsExactly(LocalDate.parse("2024-02-29"), LocalDate.parse("2023-04-30"));
      assertThatThrownBy(() -> evaluate(call("date_add", DATE, literal("day", VARCHAR), literal(Long.MAX_VALUE, BIGINT),
          column(0, DATE)), input, allocator))
          .isInstanceOfSatisfying(TarnException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NUMERIC_OVERFLOW));
      assertThatThrownBy(() -> evaluate(call("date_add", DATE, literal("day", VARCHAR), literal(3_000_000_000L, BIGINT),
          column(0, DATE)), input, allocator))
          .isInstanceOfSatisfying(TarnException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NUMERIC_OVERFLOW));
    }
  }

  @Test
  void unitsAndPatternsAreCheckedWhenCompiled() {
    // Compilation alone (no batch evaluated) rejects a bad unit and a bad regular expression.
    assertThatThrownBy(() -> ExpressionCompiler.compile(call("date_trunc", DATE, literal("hour", VARCHAR),
        column(0, DATE))))
        .isInstanceOfSatisfying(TarnException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    assertThatThrownBy(() -> ExpressionCompiler.compile(call("regexp_like", BOOLEAN, column(0, VARCHAR),
        literal("(", VARCHAR))))
        .isInstanceOfSatisfying(TarnException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    assertThatThrownBy(() -> ExpressionCompiler.compile(call("date_format", VARCHAR, column(0, TIMESTAMP),
        literal("%Q", VARCHAR))))
        .isInstanceOfSatisfying(TarnException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }
}
