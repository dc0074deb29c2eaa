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
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * Decimal arithmetic with Trino semantics: each argument keeps its own precision and scale, the result type
 * gives the result's; rounding is HALF_UP; a result wider than its precision fails with NUMERIC_OVERFLOW.
 * When every value of a batch fits in a long (whatever precision the types declare), the kernel computes on
 * unscaled longs read straight from the vectors' buffers (see {@link #fast}), falling back to {@link #reference}
 * for a row whose intermediate overflows a long; a batch holding a wider value takes the BigDecimal path. A
 * constant operand arrives as a one-row scalar ({@link BroadcastKernel}).
 */
final class DecimalArithmetic {
  private static final long[] POWERS_OF_TEN = new long[19];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
  }

  private static final int ADD = 0;
  private static final int SUBTRACT = 1;
  private static final int MULTIPLY = 2;
  private static final int DIVIDE = 3;
  private static final int MODULUS = 4;
  private static final int NEGATE = 5;
  /** A bound below Long.MAX_VALUE with room for a double's rounding error, for up-front overflow tests. */
  private static final double SAFE = 9.0e18;

  private DecimalArithmetic() {}

  static Kernel resolve(String function, List<ArrowType> types, ArrowType resultType) {
    Field field = new Field(function, FieldType.nullable(resultType), null);
    if (fastScalesSupported(function, types, resultType)) {
      int operation = operation(function);
      return (BroadcastKernel) (arguments, rowCount, allocator) ->
          fast(function, operation, field, arguments, rowCount, allocator);
    }
    return (BroadcastKernel) (arguments, rowCount, allocator) -> slow(function, field, arguments, rowCount, allocator);
  }

  private static int operation(String function) {
    return switch (function) {
      case Functions.ADD -> ADD;
      case Functions.SUBTRACT -> SUBTRACT;
      case Functions.MULTIPLY -> MULTIPLY;
      case Functions.DIVIDE -> DIVIDE;
      case Functions.MODULUS -> MODULUS;
      case Functions.NEGATE -> NEGATE;
      default -> throw new IllegalStateException(function);
    };
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
      BroadcastKernel.intersect(arguments, result, rowCount);
      ArrowBuf valid = result.getValidityBuffer();
      DecimalVector left = (DecimalVector) arguments.get(0);
      DecimalVector right = arguments.size() > 1 ? (DecimalVector) arguments.get(1) : null;
      int leftStep = BroadcastKernel.isScalar(left, rowCount) ? 0 : 1;
      int rightStep = right != null && BroadcastKernel.isScalar(right, rowCount) ? 0 : 1;
      for (int i = 0; i < rowCount; i++) {
        if (Validity.isValid(valid, i)) {
          BigDecimal value = reference(function, left.getObject(i * leftStep),
              right == null ? null : right.getObject(i * rightStep), field.getType());
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

  /**
   * The long path. Operands are read straight from the vectors' buffers (a one-row scalar as one value). One pass
   * per operand checks that every value fits in a long and bounds its magnitude; when the bounds prove that no
   * intermediate overflows a long (and whether the result can exceed its precision), add, subtract and multiply
   * run a tight loop without exact arithmetic; otherwise each row is computed exactly, falling back to
   * {@link #reference} for a row whose intermediate overflows. Any non-NULL value wider than a long sends the batch
   * to {@link #slow}.
   */
  private static FieldVector fast(String function, int operation, Field field, List<FieldVector> arguments,
      int rowCount, BufferAllocator allocator) {
    DecimalVector left = (DecimalVector) arguments.get(0);
    DecimalVector right = arguments.size() > 1 ? (DecimalVector) arguments.get(1) : null;
    long leftBound = magnitudeBound(left, rowCount);
    long rightBound = right == null ? 0 : magnitudeBound(right, rowCount);
    if (leftBound < 0 || rightBound < 0) {
      return slow(function, field, arguments, rowCount, allocator);
    }
    DecimalVector result = (DecimalVector) Vectors.allocate(field, rowCount, allocator);
    try {
      if (!BroadcastKernel.intersect(arguments, result, rowCount)) {
        result.setValueCount(rowCount);
        return result;
      }
      boolean allValid = allValid(left, rowCount) && (right == null || allValid(right, rowCount));
      ArrowType type = field.getType();
      int scale = SqlTypes.scale(type);
      int leftScale = left.getScale();
      int rightScale = right == null ? 0 : right.getScale();
      // A long holds at most 19 digits, so a wider precision can never be exceeded on this path: no limit.
      long limit = SqlTypes.precision(type) <= 18 ? POWERS_OF_TEN[SqlTypes.precision(type)] : Long.MAX_VALUE;
      Operand l = new Operand(left, rowCount);
      Operand r = right == null ? l : new Operand(right, rowCount);
      ArrowBuf out = result.getDataBuffer();
      boolean done = switch (operation) {
        case ADD, SUBTRACT -> addOrSubtract(operation == SUBTRACT, l, r, leftBound, rightBound, scale - leftScale,
            scale - rightScale, limit, allValid, result, rowCount, function);
        case MULTIPLY -> multiply(l, r, leftBound, rightBound, scale - leftScale - rightScale, limit, allValid, result,
            rowCount, function);
        default -> false;
      };
      if (!done) {
        exact(function, operation, l, r, leftScale, rightScale, scale, limit, allValid, result, rowCount);
      } else if (!allValid) {
        zeroNullRows(result, rowCount);
      }
      result.setValueCount(rowCount);
      return result;
    } catch (RuntimeException e) {
      result.close();
      throw e;
    }
  }

  /** An operand's unscaled values: the low words of its 16-byte decimals (a scalar is read as row 0). */
  private record Operand(ArrowBuf data, long stride) {
    Operand(DecimalVector vector, int rowCount) {
      this(vector.getDataBuffer(), BroadcastKernel.isScalar(vector, rowCount) ? 0 : 16);
    }

    long get(int row) {
      return data.getLong(row * stride);
    }
  }

  private static boolean allValid(DecimalVector vector, int rowCount) {
    return BroadcastKernel.isScalar(vector, rowCount) || vector.getNullCount() == 0;
  }

  /**
   * An upper bound of |value| over the non-NULL values of {@code vector} (its first {@code rowCount} rows, or its one
   * value if it is a scalar), or -1 when one of them does not fit in a long. The bound is the power of two above the
   * OR of the magnitudes (at most twice the largest): ORs, unlike a running maximum, carry no compare from row to
   * row, which keeps this pass cheap next to the arithmetic it guards.
   */
  static long magnitudeBound(DecimalVector vector, int rowCount) {
    int count = BroadcastKernel.isScalar(vector, rowCount) ? 1 : rowCount;
    ArrowBuf data = vector.getDataBuffer();
    long wide = 0;
    long magnitudes = 0;
    if (vector.getNullCount() == 0) {
      int i = 0;
      long wide2 = 0;
      long magnitudes2 = 0;
      for (; i + 1 < count; i += 2) {
        long low = data.getLong(i * 16L);
        long low2 = data.getLong(i * 16L + 16);
        long sign = low >> 63;
        long sign2 = low2 >> 63;
        wide |= data.getLong(i * 16L + 8) ^ sign;
        wide2 |= data.getLong(i * 16L + 24) ^ sign2;
        // low ^ sign is |low| - 1 for negatives: never negative, even for Long.MIN_VALUE.
        magnitudes |= low ^ sign;
        magnitudes2 |= low2 ^ sign2;
      }
      for (; i < count; i++) {
        long low = data.getLong(i * 16L);
        long sign = low >> 63;
        wide |= data.getLong(i * 16L + 8) ^ sign;
        magnitudes |= low ^ sign;
      }
      wide |= wide2;
      magnitudes |= magnitudes2;
    } else {
      ArrowBuf validity = vector.getValidityBuffer();
      for (int i = 0; i < count; i++) {
        if (BitVectorHelper.get(validity, i) != 0) {
          long low = data.getLong(i * 16L);
          long sign = low >> 63;
          wide |= data.getLong(i * 16L + 8) ^ sign;
          magnitudes |= low ^ sign;
        }
      }
    }
    if (wide != 0) {
      return -1;
    }
    // Every magnitude is at most (OR of (|low| or |low| - 1)) + 1 <= the power of two above the OR.
    return magnitudes >= 1L << 62 ? Long.MAX_VALUE : Long.highestOneBit(magnitudes) << 1 | 1;
  }

  /** Tight add or subtract when both operands rescaled and their sum provably fit in a long; false otherwise. */
  private static boolean addOrSubtract(boolean subtract, Operand l, Operand r, long leftBound, long rightBound,
      int leftShift, int rightShift, long limit, boolean allValid, DecimalVector result, int rowCount,
      String function) {
    if (leftShift >= POWERS_OF_TEN.length || rightShift >= POWERS_OF_TEN.length) {
      return false;
    }
    long leftFactor = POWERS_OF_TEN[leftShift];
    long rightFactor = POWERS_OF_TEN[rightShift];
    long half = Long.MAX_VALUE / 2;
    if (leftBound > half / leftFactor || rightBound > half / rightFactor) {
      return false;
    }
    ArrowBuf out = result.getDataBuffer();
    long sign = subtract ? -1 : 1;
    if (leftFactor == 1 && rightFactor == 1) {
      for (int i = 0; i < rowCount; i++) {
        long value = l.get(i) + sign * r.get(i);
        out.setLong(i * 16L, value);
        out.setLong(i * 16L + 8, value >> 63);
      }
    } else {
      for (int i = 0; i < rowCount; i++) {
        long value = l.get(i) * leftFactor + sign * (r.get(i) * rightFactor);
        out.setLong(i * 16L, value);
        out.setLong(i * 16L + 8, value >> 63);
      }
    }
    if (leftBound * leftFactor + rightBound * rightFactor >= limit) {
      checkLimit(result, rowCount, limit, allValid, function);
    }
    return true;
  }

  /** Tight multiply when the product, rescaled, provably fits in a long; false otherwise. */
  private static boolean multiply(Operand l, Operand r, long leftBound, long rightBound, int shift, long limit,
      boolean allValid, DecimalVector result, int rowCount, String function) {
    if (Math.abs(shift) >= POWERS_OF_TEN.length) {
      return false;
    }
    long factor = POWERS_OF_TEN[Math.abs(shift)];
    double product = (double) leftBound * (double) rightBound;
    ArrowBuf out = result.getDataBuffer();
    long bound;
    if (shift >= 0) {
      if (product * factor >= SAFE) {
        return false;
      }
      bound = leftBound * rightBound * factor;
      if (factor == 1) {
        for (int i = 0; i < rowCount; i++) {
          long value = l.get(i) * r.get(i);
          out.setLong(i * 16L, value);
          out.setLong(i * 16L + 8, value >> 63);
        }
      } else {
        for (int i = 0; i < rowCount; i++) {
          long value = l.get(i) * r.get(i) * factor;
          out.setLong(i * 16L, value);
          out.setLong(i * 16L + 8, value >> 63);
        }
      }
    } else {
      if (product >= SAFE) {
        return false;
      }
      bound = leftBound * rightBound / factor + 1;
      for (int i = 0; i < rowCount; i++) {
        long value = roundedDivide(l.get(i) * r.get(i), factor);
        out.setLong(i * 16L, value);
        out.setLong(i * 16L + 8, value >> 63);
      }
    }
    if (bound >= limit) {
      checkLimit(result, rowCount, limit, allValid, function);
    }
    return true;
  }

  /** Fails with NUMERIC_OVERFLOW at the first non-NULL result of magnitude at least {@code limit}. */
  private static void checkLimit(DecimalVector result, int rowCount, long limit, boolean allValid, String function) {
    ArrowBuf out = result.getDataBuffer();
    ArrowBuf valid = result.getValidityBuffer();
    for (int i = 0; i < rowCount; i++) {
      long value = out.getLong(i * 16L);
      if ((value >= limit || value <= -limit) && (allValid || Validity.isValid(valid, i))) {
        throw KernelErrors.overflow(function, result.getField().getType());
      }
    }
  }

  /** Zeroes the values of NULL rows, which a tight loop computed from whatever bytes the inputs held there. */
  private static void zeroNullRows(DecimalVector result, int rowCount) {
    ArrowBuf out = result.getDataBuffer();
    ArrowBuf valid = result.getValidityBuffer();
    for (int b = 0; b < Validity.byteCount(rowCount); b++) {
      if ((valid.getByte(b) & 0xFF) != 0xFF) {
        for (int i = b * 8; i < Math.min(rowCount, b * 8 + 8); i++) {
          if (!Validity.isValid(valid, i)) {
            out.setLong(i * 16L, 0);
            out.setLong(i * 16L + 8, 0);
          }
        }
      }
    }
  }

  /** Row by row with exact arithmetic; a row whose intermediate overflows a long takes {@link #reference}. */
  private static void exact(String function, int operation, Operand l, Operand r, int leftScale, int rightScale,
      int scale, long limit, boolean allValid, DecimalVector result, int rowCount) {
    ArrowType type = result.getField().getType();
    ArrowBuf valid = result.getValidityBuffer();
    ArrowBuf out = result.getDataBuffer();
    for (int i = 0; i < rowCount; i++) {
      if (!allValid && !Validity.isValid(valid, i)) {
        continue;
      }
      long left = l.get(i);
      long right = r.get(i);
      long value;
      try {
        value = switch (operation) {
          case ADD -> Math.addExact(rescale(left, leftScale, scale), rescale(right, rightScale, scale));
          case SUBTRACT -> Math.subtractExact(rescale(left, leftScale, scale), rescale(right, rightScale, scale));
          case MULTIPLY -> rescale(Math.multiplyExact(left, right), leftScale + rightScale, scale);
          case DIVIDE -> divide(function, Math.multiplyExact(left, POWERS_OF_TEN[scale - leftScale + rightScale]),
              right);
          case MODULUS -> modulus(function, left, leftScale, right, rightScale, scale);
          case NEGATE -> rescale(Math.negateExact(left), leftScale, scale);
          default -> throw new IllegalStateException(function);
        };
      } catch (ArithmeticException e) {
        // An intermediate exceeded a long: the exact path decides whether the result itself overflows.
        BigDecimal exact = reference(function, BigDecimal.valueOf(left, leftScale),
            operation == NEGATE ? null : BigDecimal.valueOf(right, rightScale), type);
        if (exact.unscaledValue().bitLength() > 63) {
          result.set(i, exact);
          continue;
        }
        value = exact.unscaledValue().longValue();
      }
      if (limit != Long.MAX_VALUE && (value >= limit || value <= -limit)) {
        throw KernelErrors.overflow(function, type);
      }
      out.setLong(i * 16L, value);
      out.setLong(i * 16L + 8, value >> 63);
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
