package dev.tarn.engine.exec.expr;

import static dev.tarn.engine.exec.TestData.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.engine.exec.Batch;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InKernelTest {
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @Test
  void membershipWithSqlNullSemantics() {
    try (Batch input = batch(vector(allocator, INTEGER, 1, 2, null, 3))) {
      var value = column(0, INTEGER);
      assertThat(evaluate(call("in", BOOLEAN, value, literal(1, INTEGER), literal(3, INTEGER)), input, allocator))
          .isEqualTo(Arrays.asList(true, false, null, true));
      assertThat(evaluate(call("in", BOOLEAN, value, literal(1, INTEGER), literal(null, INTEGER)), input, allocator))
          .isEqualTo(Arrays.asList(true, null, null, null));
    }
  }

  @Test
  void everyValueFamily() {
    try (Batch input = batch(vector(allocator, VARCHAR, "a", "é", "abc", null))) {
      assertThat(evaluate(call("in", BOOLEAN, column(0, VARCHAR), literal("é", VARCHAR), literal("abc", VARCHAR)),
          input, allocator)).isEqualTo(Arrays.asList(false, true, true, null));
    }
    try (Batch input = batch(vector(allocator, DOUBLE, -0.0, Double.NaN, 2.5))) {
      assertThat(evaluate(call("in", BOOLEAN, column(0, DOUBLE), literal(0.0, DOUBLE), literal(Double.NaN, DOUBLE)),
          input, allocator)).containsExactly(true, false, false);
    }
    try (Batch input = batch(vector(allocator, decimal(5, 2), new BigDecimal("1.50"), new BigDecimal("2.00")))) {
      assertThat(evaluate(call("in", BOOLEAN, column(0, decimal(5, 2)), literal(new BigDecimal("1.5"), decimal(2, 1))),
          input, allocator)).containsExactly(true, false);
    }
    try (Batch input = batch(vector(allocator, decimal(30, 2), new BigDecimal("1.50"), new BigDecimal("2.00")))) {
      assertThat(evaluate(call("in", BOOLEAN, column(0, decimal(30, 2)), literal(new BigDecimal("2"), decimal(1, 0))),
          input, allocator)).containsExactly(false, true);
    }
    try (Batch input = batch(vector(allocator, DATE, LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1)))) {
      assertThat(evaluate(call("in", BOOLEAN, column(0, DATE), literal(LocalDate.of(2021, 1, 1), DATE)), input,
          allocator)).containsExactly(false, true);
    }
  }
}
