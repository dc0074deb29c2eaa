package dev.tarn.engine.exec.expr;

import static dev.tarn.engine.exec.TestData.BIGINT;
import static dev.tarn.engine.exec.TestData.BOOLEAN;
import static dev.tarn.engine.exec.TestData.DATE;
import static dev.tarn.engine.exec.TestData.INTEGER;
import static dev.tarn.engine.exec.TestData.SMALLINT;
import static dev.tarn.engine.exec.TestData.TINYINT;
import static dev.tarn.engine.exec.TestData.batch;
import static dev.tarn.engine.exec.TestData.call;
import static dev.tarn.engine.exec.TestData.column;
import static dev.tarn.engine.exec.TestData.decimal;
import static dev.tarn.engine.exec.TestData.values;
import static dev.tarn.engine.exec.TestData.literal;
import static dev.tarn.engine.exec.TestData.vector;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.plan.expr.Expr;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The buffer-reading comparison loops (integers of every width, dates, short decimals across scales; column or
 * constant on either side; NULLs; row counts not a multiple of 8) against Java's own comparison of the values.
 */
class ComparisonFastPathTest {
  private static final String[] FUNCTIONS = {"equal", "not_equal", "less_than", "less_than_or_equal",
      "greater_than", "greater_than_or_equal"};
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @Test
  void integersAndDatesMatchJava() {
    Random random = new Random(11);
    ArrowType[] types = {TINYINT, SMALLINT, INTEGER, BIGINT, DATE};
    for (int round = 0; round < 300; round++) {
      ArrowType type = types[random.nextInt(types.length)];
      int rows = 1 + random.nextInt(40);
      List<Object> left = new ArrayList<>();
      List<Object> right = new ArrayList<>();
      for (int i = 0; i < rows; i++) {
        left.add(random.nextInt(6) == 0 ? null : value(random, type));
        right.add(random.nextInt(6) == 0 ? null : value(random, type));
      }
      check(random, round, type, type, left, right);
    }
  }

  @Test
  void shortDecimalsAcrossScalesMatchBigDecimal() {
    Random random = new Random(12);
    for (int round = 0; round < 300; round++) {
      ArrowType leftType = decimal(1 + random.nextInt(10), 0);
      int leftScale = random.nextInt(((ArrowType.Decimal) leftType).getPrecision() + 1);
      leftType = decimal(((ArrowType.Decimal) leftType).getPrecision(), leftScale);
      int rightPrecision = 1 + random.nextInt(8);
      ArrowType rightType = decimal(rightPrecision, random.nextInt(rightPrecision + 1));
      int rows = 1 + random.nextInt(40);
      List<Object> left = new ArrayList<>();
      List<Object> right = new ArrayList<>();
      for (int i = 0; i < rows; i++) {
        left.add(random.nextInt(6) == 0 ? null : decimalValue(random, leftType));
        right.add(random.nextInt(6) == 0 ? null : random.nextInt(4) == 0 && left.get(i) != null
            ? ((BigDecimal) left.get(i)).setScale(((ArrowType.Decimal) rightType).getScale(),
                java.math.RoundingMode.DOWN).min(maximum(rightType)).max(maximum(rightType).negate())
            : decimalValue(random, rightType));
      }
      check(random, round, leftType, rightType, left, right);
    }
  }

  private void check(Random random, int round, ArrowType leftType, ArrowType rightType, List<Object> left,
      List<Object> right) {
    String function = FUNCTIONS[round % FUNCTIONS.length];
    // 0: two columns, 1: constant left, 2: constant right, 3: both constant (compiled unfolded below).
    int shape = random.nextInt(4);
    List<Object> l = shape == 1 || shape == 3 ? constant(left) : left;
    List<Object> r = shape == 2 || shape == 3 ? constant(right) : right;
    Expr leftExpr = shape == 1 || shape == 3 ? literal(l.get(0), leftType) : column(0, leftType);
    Expr rightExpr = shape == 2 || shape == 3 ? literal(r.get(0), rightType) : column(1, rightType);
    List<Object> expected = new ArrayList<>();
    for (int i = 0; i < l.size(); i++) {
      expected.add(l.get(i) == null || r.get(i) == null ? null
          : test(function, compare(l.get(i), r.get(i))));
    }
    try (Batch input = batch(vector(allocator, "l", leftType, l), vector(allocator, "r", rightType, r))) {
      assertThat(evaluateUnfolded(call(function, BOOLEAN, leftExpr, rightExpr), input))
          .as("%s %s %s shape %d", function, leftType, rightType, shape).isEqualTo(expected);
    }
  }

  /** Unfolded, so that a call of two constants reaches the kernel with two one-row scalars. */
  private List<Object> evaluateUnfolded(Expr expression, Batch input) {
    try (FieldVector result = ExpressionCompiler.compile(expression, false).evaluate(input, allocator)) {
      return values(result);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object left, Object right) {
    return ((Comparable) left).compareTo(right);
  }

  private static boolean test(String function, int sign) {
    return switch (function) {
      case "equal" -> sign == 0;
      case "not_equal" -> sign != 0;
      case "less_than" -> sign < 0;
      case "less_than_or_equal" -> sign <= 0;
      case "greater_than" -> sign > 0;
      default -> sign >= 0;
    };
  }

  private static List<Object> constant(List<Object> values) {
    List<Object> copies = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      copies.add(values.get(0));
    }
    return copies;
  }

  private static Object value(Random random, ArrowType type) {
    if (type.equals(DATE)) {
      return LocalDate.ofEpochDay(random.nextInt(20) - 10);
    }
    int bits = ((ArrowType.Int) type).getBitWidth();
    return switch (random.nextInt(3)) {
      case 0 -> (long) random.nextInt(5) - 2;
      case 1 -> bits == 64 ? (random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE)
          : (random.nextBoolean() ? 1L : -1L) * ((1L << (bits - 1)) - 1);
      default -> random.nextLong() >> (64 - bits);
    };
  }

  private static BigDecimal maximum(ArrowType type) {
    ArrowType.Decimal decimal = (ArrowType.Decimal) type;
    return BigDecimal.valueOf((long) Math.pow(10, decimal.getPrecision()) - 1, decimal.getScale());
  }

  private static BigDecimal decimalValue(Random random, ArrowType type) {
    ArrowType.Decimal decimal = (ArrowType.Decimal) type;
    long bound = (long) Math.pow(10, decimal.getPrecision());
    long unscaled = random.nextInt(3) == 0 ? random.nextInt(5) - 2 : (long) (random.nextDouble() * bound);
    unscaled = Math.min(bound - 1, unscaled) * (random.nextBoolean() ? 1 : -1);
    return BigDecimal.valueOf(unscaled, decimal.getScale());
  }
}
