package dev.tarn.engine.exec.expr;

import static dev.tarn.engine.exec.TestData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.Batch;
import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ArithmeticKernelsTest {
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private Batch two(org.apache.arrow.vector.types.pojo.ArrowType type, Object[] left, Object[] right) {
    return batch(vector(allocator, type, left), vector(allocator, type, right));
  }

  @Test
  void integerOperationsWithNullsInEveryPosition() {
    try (Batch input = two(INTEGER, new Object[] {7, null, -7, null, 10}, new Object[] {2, 3, 2, null, null})) {
      var left = column(0, INTEGER);
      var right = column(1, INTEGER);
      assertThat(evaluate(call("add", INTEGER, left, right), input, allocator))
          .containsExactly(9L, null, -5L, null, null);
      assertThat(evaluate(call("subtract", INTEGER, left, right), input, allocator))
          .containsExactly(5L, null, -9L, null, null);
      assertThat(evaluate(call("multiply", INTEGER, left, right), input, allocator))
          .containsExactly(14L, null, -14L, null, null);
      assertThat(evaluate(call("divide", INTEGER, left, right), input, allocator))
          .containsExactly(3L, null, -3L, null, null);
      assertThat(evaluate(call("modulus", INTEGER, left, right), input, allocator))
          .containsExactly(1L, null, -1L, null, null);
      assertThat(evaluate(call("negate", INTEGER, left), input, allocator))
          .containsExactly(-7L, null, 7L, null, -10L);
    }
  }

  @Test
  void integerOverflowFailsPerWidth() {
    try (Batch input = two(INTEGER, new Object[] {Integer.MAX_VALUE}, new Object[] {1})) {
      assertThatThrownBy(() -> evaluate(call("add", INTEGER, column(0, INTEGER), column(1, INTEGER)), input, allocator))
          .isInstanceOfSatisfying(TarnException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NUMERIC_OVERFLOW));
    }
    try (Batch input = two(BIGINT, new Object[] {Long.MAX_VALUE / 2 + 1}, new Object[] {2L})) {
      assertThatThrownBy(() -> evaluate(call("multiply", BIGINT, column(0, BIGINT), column(1, BIGINT)), input, allocator))
          .isInstanceOfSatisfying(TarnException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NUMERIC_OVERFLOW));
    }
    try (Batch input = two(BIGINT, new Object[] {Long.MIN_VALUE}, new Object[] {-1L})) {
      assertThatThrownBy(() -> evaluate(call("divide", BIGINT, column(0, BIGINT), column(1, BIGINT)), input, allocator))
          .isInstanceOfSatisfying(TarnException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NUMERIC_OVERFLOW));
    }
    try (Batch input = two(TINYINT, new Object[] {-128}, new Object[] {0})) {
      assertThatThrownBy(() -> evaluate(call("negate", TINYINT, column(0, TINYINT)), input, allocator))
          .isInstanceOfSatisfying(TarnException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NUMERIC_OVERFLOW));
    }
  }

  @Test
  void integerDivisionByZeroFailsButNotOnNullRows() {
    try (Batch input = two(SMALLINT, new Object[] {1, null}, new Object[] {0, 0})) {
      assertThatThrownBy(() -> evaluate(call("divide", SMALLINT, column(0, SMALLINT), column(1, SMALLINT)), input,
          allocator)).isInstanceOfSatisfying(TarnException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.DIVISION_BY_ZERO));
      assertThatThrownBy(() -> evaluate(call("modulus", SMALLINT, column(0, SMALLINT), column(1, SMALLINT)), input,
          allocator)).isInstanceOfSatisfying(TarnException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.DIVISION_BY_ZERO));
    }
    try (Batch input = two(SMALLINT, new Object[] {null, 4}, new Object[] {0, 2})) {
      assertThat(evaluate(call("divide", SMALLINT, column(0, SMALLINT), column(1, SMALLINT)), input, allocator))
          .containsExactly(null, 2L);
    }
  }

  @Test
  void floatingPointFollowsIeee() {
    try (Batch input = two(DOUBLE, new Object[] {1.0, -1.0, 0.0, null, 5.5}, new Object[] {0.0, 0.0, 0.0, 1.0, 2.0})) {
      assertThat(evaluate(call("divide", DOUBLE, column(0, DOUBLE), column(1, DOUBLE)), input, allocator))
          .containsExactly(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, null, 2.75);
      assertThat(evaluate(call("modulus", DOUBLE, column(0, DOUBLE), column(1, DOUBLE)), input, allocator).get(4))
          .isEqualTo(1.5);
    }
    try (Batch input = two(REAL, new Object[] {0.1f, null}, new Object[] {0.2f, 1f})) {
      assertThat(evaluate(call("add", REAL, column(0, REAL), column(1, REAL)), input, allocator))
          .containsExactly((double) (0.1f + 0.2f), null);
    }
  }

  @Test
  void literalsBroadcastAndUnknownSignaturesAreNotSupported() {
    try (Batch input = batch(vector(allocator, BIGINT, 1L, 2L, null))) {
      assertThat(evaluate(call("add", BIGINT, column(0, BIGINT), literal(10L, BIGINT)), input, allocator))
          .containsExactly(11L, 12L, null);
      assertThat(evaluate(call("add", BIGINT, column(0, BIGINT), literal(null, NULL)), input, allocator))
          .isEqualTo(Arrays.asList(null, null, null));
    }
    assertThatThrownBy(() -> ExpressionCompiler.compile(call("add", VARCHAR, literal("a", VARCHAR), literal("b", VARCHAR))))
        .isInstanceOfSatisfying(TarnException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.NOT_SUPPORTED);
          assertThat(e.rawMessage()).isEqualTo("not supported yet: function add(varchar, varchar)");
        });
  }
}
