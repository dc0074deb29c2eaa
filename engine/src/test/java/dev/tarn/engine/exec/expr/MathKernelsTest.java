package dev.tarn.engine.exec.expr;

import static dev.tarn.engine.exec.TestData.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.engine.exec.Batch;
import java.math.BigDecimal;
import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MathKernelsTest {
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @Test
  void doubleRoundingIsHalfAwayFromZero() {
    assertThat(MathKernels.round(2.5, 0)).isEqualTo(3.0);
    assertThat(MathKernels.round(-2.5, 0)).isEqualTo(-3.0);
    assertThat(MathKernels.round(0.49999999999999994, 0)).isEqualTo(0.0);
    assertThat(MathKernels.round(1.25, 1)).isEqualTo(1.3);
    assertThat(MathKernels.round(1234.5, -2)).isEqualTo(1200.0);
    assertThat(MathKernels.round(1e300, 2)).isEqualTo(1e300);
    assertThat(MathKernels.round(Double.NaN, 2)).isNaN();
    assertThat(MathKernels.truncate(-2.79, 1)).isEqualTo(-2.7);
  }

  @Test
  void decimalRoundingKeepsTrinoTypes() {
    try (Batch input = batch(vector(allocator, decimal(20, 3), new BigDecimal("2.500"), new BigDecimal("-2.450"), null,
        new BigDecimal("99999999999999999.999")))) {
      assertThat(evaluate(call("round", decimal(18, 0), column(0, decimal(20, 3))), input, allocator))
          .isEqualTo(Arrays.asList(new BigDecimal("3"), new BigDecimal("-2"), null, new BigDecimal("100000000000000000")));
      assertThat(evaluate(call("round", decimal(21, 3), column(0, decimal(20, 3)), literal(1L, BIGINT)), input, allocator))
          .isEqualTo(Arrays.asList(new BigDecimal("2.500"), new BigDecimal("-2.500"), null,
              new BigDecimal("100000000000000000.000")));
      assertThat(evaluate(call("floor", decimal(20, 0), column(0, decimal(20, 3))), input, allocator))
          .isEqualTo(Arrays.asList(new BigDecimal("2"), new BigDecimal("-3"), null, new BigDecimal("99999999999999999")));
    }
  }

  @Test
  void greatestAndLeastAreNullWhenAnyArgumentIs() {
    try (Batch input = batch(vector(allocator, INTEGER, 1, 5, null), vector(allocator, INTEGER, 3, 2, 4))) {
      assertThat(evaluate(call("greatest", INTEGER, column(0, INTEGER), column(1, INTEGER)), input, allocator))
          .isEqualTo(Arrays.asList(3L, 5L, null));
      assertThat(evaluate(call("least", INTEGER, column(0, INTEGER), column(1, INTEGER)), input, allocator))
          .isEqualTo(Arrays.asList(1L, 2L, null));
    }
  }
}
