package dev.tarn.engine.exec.expr;

import dev.tarn.engine.exec.vector.SqlTypes;
import dev.tarn.engine.exec.vector.Validity;
import dev.tarn.engine.exec.vector.Vectors;
import dev.tarn.engine.plan.expr.Functions;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * Decimal arithmetic with Trino semantics: each argument keeps its own precision and scale, the result type
 * gives the result's; rounding is HALF_UP; a result wider than its precision fails with NUMERIC_OVERFLOW.
 * When every value of a batch fits in a long (whatever precision the types declare), the kernel computes on
 * unscaled longs read straight from the vectors' buffers, falling back to {@link #reference} for a row whose
 * intermediate overflows a long; a batch holding a wider value takes the BigDecimal path.
 */
final class DecimalArithmetic {
  private static final long[] POWERS_OF_TEN = new long[19];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
  }

  private DecimalArithmetic() {}

  static Kernel resolve(String function, List<ArrowType> types, ArrowType resultType) {
    Field field = new Field(function, FieldType.nullable(resultType), null);
    if (fastScalesSupported(function, types, resultType)) {
      return (arguments, rowCount, allocator) -> fast(function, field, arguments, rowCount, allocator);
    }
    return (arguments, rowCount, allocator) -> slow(function, field, arguments, rowCount, allocator);
  }

  /** The fast path only rescales upward (exactly), except where it rounds explicitly. */
  private static boolean fastScalesSupported(String function, List<ArrowType> types, ArrowType resultType) {
    int scale = SqlTypes.scale(resultType);
    int leftScale = SqlTypes.scale(types.get(0));
    int rightScale = types.size() > 1 ? SqlTypes.scale(types.get(1)) : 0;
    return switch (function) {
      case Functions.ADD, Functions.SUBTRACT -> scale >= leftScale && scale >= rightScale;
      case Functions.DIVIDE -> scale - leftScale + rightScale >= 0 && scale - leftScale + rightScale <= 18;
      default -> true;
    };
  }

  /** The exact result of one operation by BigDecimal: the specification the fast path must match. */
  static BigDecimal reference(String function, BigDecimal left, BigDecimal right, ArrowType resultType) {
    int scale = SqlTypes.scale(resultType);
    BigDecimal exact = switch (function) {
      case Functions.ADD -> left.add(right);
      case Functions.SUBTRACT -> left.subtract(right);
      case Functions.MULTIPLY -> left.multiply(right);
      case Functions.DIVIDE -> {
        if (right.signum() == 0) {
          throw KernelErrors.divisionByZero(function);
        }
        yield left.divide(right, scale, RoundingMode.HALF_UP);
      }
      case Functions.MODULUS -> {
        if (right.signum() == 0) {
          throw KernelErrors.divisionByZero(function);
        }
        yield left.remainder(right);
      }
      case Functions.NEGATE -> left.negate();
      default -> throw new IllegalStateException(function);
    };
    BigDecimal result = exact.setScale(scale, RoundingMode.HALF_UP);
    if (result.unscaledValue().abs().compareTo(BigInteger.TEN.pow(SqlTypes.precision(resultType))) >= 0) {
      throw KernelErrors.overflow(function, resultType);
    }
    return result;
  }

  private static FieldVector slow(String function, Field field, List<FieldVector> arguments, int rowCount,
      BufferAllocator allocator) {
    DecimalVector result = (DecimalVector) Vectors.allocate(field, rowCount, allocator);
    try {
      Validity.intersect(arguments, result, rowCount);
      ArrowBuf valid = result.getValidityBuffer();
      DecimalVector left = (DecimalVector) arguments.get(0);
      DecimalVector right = arguments.size() > 1 ? (DecimalVector) arguments.get(1) : null;
      for (int i = 0; i < rowCount; i++) {
        if (Validity.isValid(valid, i)) {
          BigDecimal value = reference(function, left.getObject(i), right == null ? null : right.getObject(i),
              field.getType());
          result.set(i, value);
        }
      }
      result.setValueCount(rowCount);
      return result;
    } catch (RuntimeException e) {
      result.close();
      throw e;
    }
  }

  private static FieldVector fast(String function, Field field, List<FieldVector> arguments, int rowCount,
      BufferAllocator allocator) {
    DecimalVector result = (DecimalVector) Vectors.allocate(field, rowCount, allocator);
    try {
      Validity.intersect(arguments, result, rowCount);
      ArrowBuf valid = result.getValidityBuffer();
      long[] left = Vectors.readDecimalLongsIfSmall((DecimalVector) arguments.get(0), rowCount);
      long[] right = arguments.size() > 1
          ? Vectors.readDecimalLongsIfSmall((DecimalVector) arguments.get(1), rowCount) : null;
      if (left == null || (arguments.size() > 1 && right == null)) {
        result.close();
        return slow(function, field, arguments, rowCount, allocator);
      }
      ArrowType type = field.getType();
      int scale = SqlTypes.scale(type);
      // A long holds at most 19 digits, so a wider precision can never be exceeded on this path.
      boolean bounded = SqlTypes.precision(type) <= 18;
      long limit = bounded ? POWERS_OF_TEN[SqlTypes.precision(type)] : 0;
      ArrowType leftType = arguments.get(0).getField().getType();
      ArrowType rightType = arguments.size() > 1 ? arguments.get(1).getField().getType() : leftType;
      int leftScale = SqlTypes.scale(leftType);
      int rightScale = SqlTypes.scale(rightType);
      long[] out = new long[rowCount];
      for (int i = 0; i < rowCount; i++) {
        if (!Validity.isValid(valid, i)) {
          continue;
        }
        long value;
        try {
          value = switch (function) {
            case Functions.ADD -> Math.addExact(rescale(left[i], leftScale, scale),
                rescale(right[i], rightScale, scale));
            case Functions.SUBTRACT -> Math.subtractExact(rescale(left[i], leftScale, scale),
                rescale(right[i], rightScale, scale));
            case Functions.MULTIPLY -> rescale(Math.multiplyExact(left[i], right[i]), leftScale + rightScale, scale);
            case Functions.DIVIDE -> divide(function, Math.multiplyExact(left[i],
                POWERS_OF_TEN[scale - leftScale + rightScale]), right[i]);
            case Functions.MODULUS -> modulus(function, left[i], leftScale, right[i], rightScale, scale);
            case Functions.NEGATE -> rescale(Math.negateExact(left[i]), leftScale, scale);
            default -> throw new IllegalStateException(function);
          };
        } catch (ArithmeticException e) {
          // An intermediate exceeded a long: the exact path decides whether the result itself overflows.
          value = reference(function, BigDecimal.valueOf(left[i], leftScale),
              right == null ? null : BigDecimal.valueOf(right[i], rightScale), type).unscaledValue().longValueExact();
        }
        if (bounded && (value >= limit || value <= -limit)) {
          throw KernelErrors.overflow(function, type);
        }
        out[i] = value;
      }
      Vectors.writeLongs(result, out, rowCount);
      result.setValueCount(rowCount);
      return result;
    } catch (RuntimeException e) {
      result.close();
      throw e;
    }
  }

  /** Changes the scale of an unscaled value, rounding HALF_UP when it shrinks; throws ArithmeticException on overflow. */
  static long rescale(long value, int fromScale, int toScale) {
    if (toScale >= fromScale) {
      return Math.multiplyExact(value, power(toScale - fromScale));
    }
    return roundedDivide(value, power(fromScale - toScale));
  }

  private static long power(int exponent) {
    if (exponent >= POWERS_OF_TEN.length) {
      throw new ArithmeticException("scale");
    }
    return POWERS_OF_TEN[exponent];
  }

  /** {@code dividend / divisor} rounded half away from zero. */
  static long roundedDivide(long dividend, long divisor) {
    long quotient = dividend / divisor;
    long remainder = dividend % divisor;
    // |remainder| < |divisor| <= 10^18, so doubling it cannot overflow.
    if (Math.abs(remainder) * 2 >= Math.abs(divisor)) {
      quotient += (dividend < 0) == (divisor < 0) ? 1 : -1;
    }
    return quotient;
  }

  private static long divide(String function, long scaledDividend, long divisor) {
    if (divisor == 0) {
      throw KernelErrors.divisionByZero(function);
    }
    return roundedDivide(scaledDividend, divisor);
  }

  private static long modulus(String function, long left, int leftScale, long right, int rightScale, int scale) {
    if (right == 0) {
      throw KernelErrors.divisionByZero(function);
    }
    int common = Math.max(leftScale, rightScale);
    long remainder = rescale(left, leftScale, common) % rescale(right, rightScale, common);
    return rescale(remainder, common, scale);
  }
}
