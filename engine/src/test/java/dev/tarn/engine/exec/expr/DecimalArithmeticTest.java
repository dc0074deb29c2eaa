package dev.tarn.engine.exec.expr;

import static dev.tarn.engine.exec.TestData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.Batch;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DecimalArithmeticTest {
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private List<Object> apply(String function, ArrowType result, ArrowType leftType, ArrowType rightType,
      Object left, Object right) {
    try (Batch input = batch(vector(allocator, leftType, left), vector(allocator, rightType, right))) {
      return evaluate(call(function, result, column(0, leftType), column(1, rightType)), input, allocator);
    }
  }

  @Test
  void arithmeticRescalesToTheResultType() {
    ArrowType a = decimal(5, 2);
    ArrowType b = decimal(4, 1);
    assertThat(apply("add", decimal(7, 2), a, b, new BigDecimal("1.50"), new BigDecimal("2.5")))
        .containsExactly(new BigDecimal("4.00"));
    assertThat(apply("subtract", decimal(7, 2), a, b, new BigDecimal("1.50"), new BigDecimal("2.5")))
        .containsExactly(new BigDecimal("-1.00"));
    assertThat(apply("multiply", decimal(9, 3), a, b, new BigDecimal("1.50"), new BigDecimal("2.5")))
        .containsExactly(new BigDecimal("3.750"));
    // 1.00 / 3.0 = 0.333.. at scale 6; 2 / 3 rounds half up at the last digit.
    assertThat(apply("divide", decimal(10, 6), a, b, new BigDecimal("1.00"), new BigDecimal("3.0")))
        .containsExactly(new BigDecimal("0.333333"));
    assertThat(apply("divide", decimal(10, 2), a, b, new BigDecimal("-2.00"), new BigDecimal("3.0")))
        .containsExactly(new BigDecimal("-0.67"));
    assertThat(apply("modulus", decimal(5, 2), a, b, new BigDecimal("5.25"), new BigDecimal("2.0")))
        .containsExactly(new BigDecimal("1.25"));
    assertThat(apply("add", decimal(7, 2), a, b, null, new BigDecimal("2.5"))).containsExactly((Object) null);
  }

  @Test
  void overflowAndDivisionByZero() {
    ArrowType small = decimal(3, 0);
    assertThatThrownBy(() -> apply("add", small, small, small, new BigDecimal("999"), new BigDecimal("1")))
        .isInstanceOfSatisfying(TarnException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NUMERIC_OVERFLOW));
    assertThatThrownBy(() -> apply("divide", decimal(10, 2), decimal(5, 2), small, new BigDecimal("1.00"),
        new BigDecimal("0"))).isInstanceOfSatisfying(TarnException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.DIVISION_BY_ZERO));
    ArrowType wide = decimal(38, 0);
    BigDecimal big = new BigDecimal("9".repeat(38));
    assertThatThrownBy(() -> apply("add", wide, wide, wide, big, BigDecimal.ONE))
        .isInstanceOfSatisfying(TarnException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NUMERIC_OVERFLOW));
    assertThat(apply("subtract", wide, wide, wide, big, BigDecimal.ONE)).containsExactly(new BigDecimal("9".repeat(37) + "8"));
  }

  @Test
  void fastPathMatchesReferenceOnRandomData() {
    Random random = new Random(42);
    String[] functions = {"add", "subtract", "multiply", "divide", "modulus"};
    for (int round = 0; round < 200; round++) {
      int leftPrecision = 1 + random.nextInt(9);
      int rightPrecision = 1 + random.nextInt(9);
      ArrowType leftType = decimal(leftPrecision, random.nextInt(leftPrecision + 1));
      ArrowType rightType = decimal(rightPrecision, random.nextInt(rightPrecision + 1));
      String function = functions[round % functions.length];
      int leftScale = ((ArrowType.Decimal) leftType).getScale();
      int rightScale = ((ArrowType.Decimal) rightType).getScale();
      int scale = switch (function) {
        case "multiply" -> leftScale + rightScale;
        case "divide" -> Math.max(leftScale, 6);
        default -> Math.max(leftScale, rightScale);
      };
      ArrowType resultType = decimal(18, scale);
      List<Object> left = new ArrayList<>();
      List<Object> right = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        left.add(random.nextInt(10) == 0 ? null : randomDecimal(random, leftType));
        BigDecimal divisor = randomDecimal(random, rightType);
        right.add(divisor.signum() == 0 ? BigDecimal.valueOf(1, rightScale) : divisor);
      }
      List<Object> expected = new ArrayList<>();
      for (int i = 0; i < left.size(); i++) {
        expected.add(left.get(i) == null ? null
            : DecimalArithmetic.reference(function, (BigDecimal) left.get(i), (BigDecimal) right.get(i), resultType));
      }
      try (Batch input = batch(vector(allocator, "l", leftType, left), vector(allocator, "r", rightType, right))) {
        assertThat(evaluate(call(function, resultType, column(0, leftType), column(1, rightType)), input, allocator))
            .as("%s %s %s", function, leftType, rightType).isEqualTo(expected);
      }
    }
  }

  /**
   * Wide declared types (as TPC-H's decimal(38,6) price expressions) take the long path per batch when their
   * values fit in longs, and the BigDecimal path when one does not: both must equal the reference.
   */
  @Test
  void wideTypesMatchReferenceWithSmallAndLargeValues() {
    Random random = new Random(7);
    ArrowType leftType = decimal(31, 4);
    ArrowType rightType = decimal(16, 2);
    ArrowType resultType = decimal(38, 6);
    for (boolean withHugeValue : new boolean[] {false, true}) {
      for (String function : new String[] {"add", "subtract", "multiply"}) {
        List<Object> left = new ArrayList<>();
        List<Object> right = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
          left.add(random.nextInt(10) == 0 ? null : BigDecimal.valueOf(random.nextLong() % 100_000_000_000L, 4));
          right.add(BigDecimal.valueOf(random.nextInt(2_000_000) - 1_000_000, 2));
        }
        if (withHugeValue) {
          left.set(250, new BigDecimal("123456789012345678901234.5678"));
        }
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < left.size(); i++) {
          expected.add(left.get(i) == null ? null
              : DecimalArithmetic.reference(function, (BigDecimal) left.get(i), (BigDecimal) right.get(i), resultType));
        }
        try (Batch input = batch(vector(allocator, "l", leftType, left), vector(allocator, "r", rightType, right))) {
          assertThat(evaluate(call(function, resultType, column(0, leftType), column(1, rightType)), input, allocator))
              .as("%s huge=%s", function, withHugeValue).isEqualTo(expected);
        }
      }
    }
  }

  private static BigDecimal randomDecimal(Random random, ArrowType type) {
    ArrowType.Decimal decimal = (ArrowType.Decimal) type;
    long bound = (long) Math.pow(10, decimal.getPrecision());
    long unscaled = (long) (random.nextDouble() * bound) * (random.nextBoolean() ? 1 : -1);
    return BigDecimal.valueOf(Math.max(-bound + 1, Math.min(bound - 1, unscaled)), decimal.getScale());
  }
}
