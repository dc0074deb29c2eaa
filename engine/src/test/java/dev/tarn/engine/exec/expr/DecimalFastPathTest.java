package dev.tarn.engine.exec.expr;

import static dev.tarn.engine.exec.TestData.batch;
import static dev.tarn.engine.exec.TestData.call;
import static dev.tarn.engine.exec.TestData.column;
import static dev.tarn.engine.exec.TestData.decimal;
import static dev.tarn.engine.exec.TestData.literal;
import static dev.tarn.engine.exec.TestData.values;
import static dev.tarn.engine.exec.TestData.vector;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.plan.expr.Expr;
import java.math.BigDecimal;
import java.math.BigInteger;
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
 * The long fast paths of {@link DecimalArithmetic} (tight loops chosen by magnitude bounds, exact per-row
 * arithmetic, constant operands read as one-row scalars) against the BigDecimal {@link DecimalArithmetic#reference}
 * row by row: the same values, or the same error at the first failing row. Random types cover scales 0..18 and
 * precisions up to 38; values mix zeros, small numbers, values near the type's bound and beyond a long, with and
 * without NULLs.
 */
class DecimalFastPathTest {
  private static final String[] FUNCTIONS = {"add", "subtract", "multiply", "divide", "modulus"};
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @Test
  void columnsMatchReference() {
    Random random = new Random(1);
    for (int round = 0; round < 600; round++) {
      check(random, round, false, false);
    }
  }

  @Test
  void constantOperandsMatchReference() {
    Random random = new Random(2);
    for (int round = 0; round < 600; round++) {
      boolean both = random.nextInt(3) == 0;
      check(random, round, both || random.nextBoolean(), both || random.nextInt(2) == 0);
    }
  }

  @Test
  void negateMatchesReference() {
    Random random = new Random(3);
    for (int round = 0; round < 100; round++) {
      ArrowType type = randomType(random);
      List<Object> values = randomValues(random, type, 64, random.nextBoolean());
      List<Object> expected = expected("negate", values, values, type);
      try (Batch input = batch(vector(allocator, "a", type, values))) {
        assertThat(run(call("negate", type, column(0, type)), input)).as("negate %s", type).isEqualTo(expected);
      }
    }
  }

  /** Overflow detection at the bounds of a short precision, where the tight loops must check the limit. */
  @Test
  void overflowAtTheLimitMatchesReference() {
    ArrowType type = decimal(4, 2);
    List<Object> left = new ArrayList<>();
    List<Object> right = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      left.add(BigDecimal.valueOf(9000 + i * 25L, 2));
      right.add(i == 39 ? BigDecimal.valueOf(999, 2) : BigDecimal.valueOf(i, 2));
    }
    for (String function : new String[] {"add", "subtract", "multiply"}) {
      ArrowType result = function.equals("multiply") ? decimal(4, 4) : type;
      List<Object> expected = expected(function, left, right, result);
      try (Batch input = batch(vector(allocator, "l", type, left), vector(allocator, "r", type, right))) {
        assertThat(run(call(function, result, column(0, type), column(1, type)), input)).as(function)
            .isEqualTo(expected);
      }
    }
  }

  private void check(Random random, int round, boolean constantLeft, boolean constantRight) {
    String function = FUNCTIONS[round % FUNCTIONS.length];
    ArrowType leftType = randomType(random);
    ArrowType rightType = randomType(random);
    ArrowType resultType = resultType(random, function, leftType, rightType);
    int rows = 1 + random.nextInt(3) * 40 + random.nextInt(30);
    boolean nulls = random.nextBoolean();
    List<Object> left = randomValues(random, leftType, rows, nulls);
    List<Object> right = randomValues(random, rightType, rows, nulls);
    if (constantLeft) {
      left = constant(left, rows);
    }
    if (constantRight) {
      right = constant(right, rows);
    }
    Expr leftExpr = constantLeft ? literal(left.get(0), leftType) : column(0, leftType);
    Expr rightExpr = constantRight ? literal(right.get(0), rightType) : column(1, rightType);
    try (Batch input = batch(vector(allocator, "l", leftType, left), vector(allocator, "r", rightType, right))) {
      Object actual = run(call(function, resultType, leftExpr, rightExpr), input);
      assertThat(actual).as("%s(%s, %s) -> %s rows=%d", function, leftType, rightType, resultType, rows)
          .isEqualTo(expected(function, left, right, resultType));
    }
  }

  private static List<Object> constant(List<Object> values, int rows) {
    List<Object> copies = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      copies.add(values.get(0));
    }
    return copies;
  }

  /** The values, or the error code as a one-element list, of evaluating {@code expression}. */
  private Object run(Expr expression, Batch input) {
    // Unfolded, so that a call of two constants reaches the kernel with two one-row scalars.
    try (FieldVector result = ExpressionCompiler.compile(expression, false).evaluate(input, allocator)) {
      return values(result);
    } catch (TarnException e) {
      return List.of(e.code());
    }
  }

  /** Row by row by the reference: NULL if either side is NULL, else its value, or its first error. */
  private static List<Object> expected(String function, List<Object> left, List<Object> right,
      ArrowType resultType) {
    List<Object> expected = new ArrayList<>();
    boolean unary = function.equals("negate");
    for (int i = 0; i < left.size(); i++) {
      if (left.get(i) == null || (!unary && right.get(i) == null)) {
        expected.add(null);
        continue;
      }
      try {
        expected.add(DecimalArithmetic.reference(function, (BigDecimal) left.get(i),
            unary ? null : (BigDecimal) right.get(i), resultType));
      } catch (TarnException e) {
        return List.of(e.code());
      }
    }
    return expected;
  }

  private static ArrowType randomType(Random random) {
    int precision = switch (random.nextInt(4)) {
      case 0 -> 1 + random.nextInt(9);
      case 1 -> 10 + random.nextInt(9);
      case 2 -> 19 + random.nextInt(20);
      default -> 15;
    };
    return decimal(precision, random.nextInt(Math.min(precision, 18) + 1));
  }

  /** Trino's result type, or now and then a narrower one so that overflow happens. */
  private static ArrowType resultType(Random random, String function, ArrowType left, ArrowType right) {
    int p1 = ((ArrowType.Decimal) left).getPrecision();
    int s1 = ((ArrowType.Decimal) left).getScale();
    int p2 = ((ArrowType.Decimal) right).getPrecision();
    int s2 = ((ArrowType.Decimal) right).getScale();
    int precision;
    int scale;
    switch (function) {
      case "add", "subtract" -> {
        scale = Math.max(s1, s2);
        precision = Math.min(38, Math.max(p1 - s1, p2 - s2) + scale + 1);
      }
      case "multiply" -> {
        scale = s1 + s2;
        precision = Math.min(38, p1 + p2);
      }
      case "divide" -> {
        scale = Math.max(s1, s2);
        precision = Math.min(38, p1 - s1 + s2 + scale);
      }
      default -> {
        scale = Math.max(s1, s2);
        precision = Math.min(38, Math.min(p1 - s1, p2 - s2) + scale);
      }
    }
    precision = Math.max(precision, scale);
    if (random.nextInt(5) == 0) {
      precision = Math.max(scale, Math.max(1, precision - 1 - random.nextInt(3)));
    }
    return decimal(Math.max(precision, 1), scale);
  }

  private static List<Object> randomValues(Random random, ArrowType type, int rows, boolean nulls) {
    int precision = ((ArrowType.Decimal) type).getPrecision();
    int scale = ((ArrowType.Decimal) type).getScale();
    BigInteger bound = BigInteger.TEN.pow(precision);
    boolean huge = random.nextInt(6) == 0;
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      if (nulls && random.nextInt(5) == 0) {
        values.add(null);
        continue;
      }
      BigInteger unscaled = switch (random.nextInt(huge ? 5 : 4)) {
        case 0 -> BigInteger.valueOf(random.nextInt(3) - 1);
        case 1 -> BigInteger.valueOf(random.nextInt(2_000_001) - 1_000_000);
        case 2 -> bound.subtract(BigInteger.ONE).subtract(BigInteger.valueOf(random.nextInt(5)));
        case 3 -> new BigInteger(bound.bitLength() + 2, random).mod(bound);
        default -> new BigInteger(bound.bitLength(), random).mod(bound);
      };
      unscaled = unscaled.abs().min(bound.subtract(BigInteger.ONE));
      if (random.nextBoolean()) {
        unscaled = unscaled.negate();
      }
      values.add(new BigDecimal(unscaled, scale));
    }
    return values;
  }
}
