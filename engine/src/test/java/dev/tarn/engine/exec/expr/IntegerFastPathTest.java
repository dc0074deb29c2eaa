package dev.tarn.engine.exec.expr;

import static dev.tarn.engine.exec.TestData.BIGINT;
import static dev.tarn.engine.exec.TestData.INTEGER;
import static dev.tarn.engine.exec.TestData.SMALLINT;
import static dev.tarn.engine.exec.TestData.TINYINT;
import static dev.tarn.engine.exec.TestData.batch;
import static dev.tarn.engine.exec.TestData.call;
import static dev.tarn.engine.exec.TestData.column;
import static dev.tarn.engine.exec.TestData.literal;
import static dev.tarn.engine.exec.TestData.values;
import static dev.tarn.engine.exec.TestData.vector;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.plan.expr.Expr;
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
 * Integer arithmetic in place, with constants as scalars, against BigInteger: same values, or the same error
 * (division by zero at its row takes precedence over a narrow-type overflow, which is reported after the pass).
 */
class IntegerFastPathTest {
  private static final String[] FUNCTIONS = {"add", "subtract", "multiply", "divide", "modulus", "negate"};
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @Test
  void matchesBigInteger() {
    Random random = new Random(21);
    ArrowType[] types = {TINYINT, SMALLINT, INTEGER, BIGINT};
    for (int round = 0; round < 800; round++) {
      String function = FUNCTIONS[round % FUNCTIONS.length];
      ArrowType type = types[random.nextInt(types.length)];
      int bits = ((ArrowType.Int) type).getBitWidth();
      int rows = 1 + random.nextInt(30);
      int shape = random.nextInt(4);
      List<Object> left = new ArrayList<>();
      List<Object> right = new ArrayList<>();
      for (int i = 0; i < rows; i++) {
        left.add(random.nextInt(7) == 0 ? null : value(random, bits));
        right.add(random.nextInt(7) == 0 ? null : value(random, bits));
      }
      if (shape == 1 || shape == 3) {
        left.replaceAll(unused -> left.get(0));
      }
      if (shape == 2 || shape == 3) {
        right.replaceAll(unused -> right.get(0));
      }
      Expr l = shape == 1 || shape == 3 ? literal(left.get(0), type) : column(0, type);
      Expr r = shape == 2 || shape == 3 ? literal(right.get(0), type) : column(1, type);
      Expr expression = function.equals("negate") ? call(function, type, l) : call(function, type, l, r);
      Object expected = expected(function, left, right, bits);
      try (Batch input = batch(vector(allocator, "l", type, left), vector(allocator, "r", type, right));
          FieldVector result = ExpressionCompiler.compile(expression, false).evaluate(input, allocator)) {
        assertThat((Object) values(result)).as("%s %s shape %d", function, type, shape).isEqualTo(expected);
      } catch (TarnException e) {
        assertThat((Object) e.code()).as("%s %s shape %d", function, type, shape).isEqualTo(expected);
      }
    }
  }

  private static Object expected(String function, List<Object> left, List<Object> right, int bits) {
    BigInteger minimum = BigInteger.ONE.shiftLeft(bits - 1).negate();
    BigInteger maximum = BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
    boolean unary = function.equals("negate");
    boolean outOfRange = false;
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < left.size(); i++) {
      if (left.get(i) == null || (!unary && right.get(i) == null)) {
        values.add(null);
        continue;
      }
      BigInteger a = BigInteger.valueOf((Long) left.get(i));
      BigInteger b = unary ? BigInteger.ZERO : BigInteger.valueOf((Long) right.get(i));
      if ((function.equals("divide") || function.equals("modulus")) && b.signum() == 0) {
        return ErrorCode.DIVISION_BY_ZERO;
      }
      BigInteger value = switch (function) {
        case "add" -> a.add(b);
        case "subtract" -> a.subtract(b);
        case "multiply" -> a.multiply(b);
        case "divide" -> a.divide(b);
        case "modulus" -> a.remainder(b);
        default -> a.negate();
      };
      if (value.bitLength() > 63) {
        return ErrorCode.NUMERIC_OVERFLOW;
      }
      outOfRange |= value.compareTo(minimum) < 0 || value.compareTo(maximum) > 0;
      values.add(value.longValue());
    }
    return outOfRange ? ErrorCode.NUMERIC_OVERFLOW : values;
  }

  private static long value(Random random, int bits) {
    long max = (1L << (bits - 1)) - 1;
    return switch (random.nextInt(4)) {
      case 0 -> random.nextInt(5) - 2;
      case 1 -> random.nextBoolean() ? max : -max - 1;
      default -> random.nextLong() >> (64 - bits + random.nextInt(bits / 2 + 1));
    };
  }
}
