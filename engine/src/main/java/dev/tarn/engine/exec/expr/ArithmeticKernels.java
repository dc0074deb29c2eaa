package dev.tarn.engine.exec.expr;

import dev.tarn.engine.exec.vector.SqlTypes;
import dev.tarn.engine.exec.vector.Validity;
import dev.tarn.engine.exec.vector.Vectors;
import dev.tarn.engine.plan.expr.Functions;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * add, subtract, multiply, divide, modulus and negate on integers and floating point numbers (arguments have the
 * result type); decimals are delegated to {@link DecimalArithmetic}. Integers are widened to longs, computed with
 * exact arithmetic, then range-checked against the result width; floats follow IEEE 754 (x / 0.0 is Infinity).
 */
final class ArithmeticKernels {
  private ArithmeticKernels() {}

  static Kernel resolve(String function, List<ArrowType> types, ArrowType resultType) {
    int arity = Functions.NEGATE.equals(function) ? 1 : 2;
    if (types.size() != arity) {
      return null;
    }
    if (SqlTypes.isDecimal(resultType)) {
      return types.stream().allMatch(SqlTypes::isDecimal) ? DecimalArithmetic.resolve(function, types, resultType)
          : null;
    }
    if (!types.stream().allMatch(resultType::equals)) {
      return null;
    }
    Field field = new Field(function, FieldType.nullable(resultType), null);
    if (SqlTypes.isInteger(resultType)) {
      int operation = switch (function) {
        case Functions.ADD -> 0;
        case Functions.SUBTRACT -> 1;
        case Functions.MULTIPLY -> 2;
        case Functions.DIVIDE -> 3;
        case Functions.MODULUS -> 4;
        default -> 5;
      };
      return (BroadcastKernel) (arguments, rowCount, allocator) ->
          integer(function, operation, field, arguments, rowCount, allocator);
    }
    if (SqlTypes.isFloating(resultType)) {
      return (arguments, rowCount, allocator) -> floating(function, field, arguments, rowCount, allocator);
    }
    return null;
  }

  /**
   * Integer arithmetic read and written in place (a constant operand is a one-row scalar): exact, so a 64-bit
   * overflow or a division by zero fails at its row; a result outside a narrower type fails after the pass, as
   * before, so that errors keep their precedence.
   */
  private static FieldVector integer(String function, int operation, Field field, List<FieldVector> arguments,
      int rowCount, BufferAllocator allocator) {
    FieldVector result = Vectors.allocate(field, rowCount, allocator);
    try {
      BroadcastKernel.intersect(arguments, result, rowCount);
      ArrowBuf valid = result.getValidityBuffer();
      FieldVector leftVector = arguments.get(0);
      FieldVector rightVector = arguments.size() > 1 ? arguments.get(1) : leftVector;
      ArrowBuf leftData = leftVector.getDataBuffer();
      ArrowBuf rightData = rightVector.getDataBuffer();
      int leftWidth = ComparisonKernels.width(leftVector);
      int rightWidth = ComparisonKernels.width(rightVector);
      int leftStep = BroadcastKernel.isScalar(leftVector, rowCount) ? 0 : 1;
      int rightStep = BroadcastKernel.isScalar(rightVector, rowCount) ? 0 : 1;
      ArrowBuf out = result.getDataBuffer();
      int width = ComparisonKernels.width(result);
      int bits = SqlTypes.bitWidth(field.getType());
      long minimum = SqlTypes.minimum(bits);
      long maximum = SqlTypes.maximum(bits);
      boolean outOfRange = false;
      try {
        // NULL rows hold arbitrary bytes, so they are skipped to avoid spurious overflow or division errors.
        for (int i = 0; i < rowCount; i++) {
          if (!Validity.isValid(valid, i)) {
            continue;
          }
          long left = ComparisonKernels.load(leftData, leftWidth, i * leftStep);
          long right = ComparisonKernels.load(rightData, rightWidth, i * rightStep);
          long value = switch (operation) {
            case 0 -> Math.addExact(left, right);
            case 1 -> Math.subtractExact(left, right);
            case 2 -> Math.multiplyExact(left, right);
            case 3 -> {
              if (right == 0) {
                throw KernelErrors.divisionByZero(function);
              }
              yield checkedDivide(left, right);
            }
            case 4 -> {
              if (right == 0) {
                throw KernelErrors.divisionByZero(function);
              }
              yield left % right;
            }
            default -> Math.negateExact(left);
          };
          outOfRange |= value < minimum || value > maximum;
          store(out, width, i, value);
        }
      } catch (ArithmeticException e) {
        throw KernelErrors.overflow(function, field.getType());
      }
      if (outOfRange) {
        throw KernelErrors.overflow(function, field.getType());
      }
      result.setValueCount(rowCount);
      return result;
    } catch (RuntimeException e) {
      result.close();
      throw e;
    }
  }

  private static void store(ArrowBuf data, int width, int row, long value) {
    switch (width) {
      case 8 -> data.setLong(row * 8L, value);
      case 4 -> data.setInt(row * 4L, (int) value);
      case 2 -> data.setShort(row * 2L, (short) value);
      default -> data.setByte(row, (byte) value);
    }
  }

  /** Truncating division; Long.MIN_VALUE / -1 is the one quotient that overflows. */
  private static long checkedDivide(long left, long right) {
    if (left == Long.MIN_VALUE && right == -1) {
      throw new ArithmeticException("overflow");
    }
    return left / right;
  }

  private static FieldVector floating(String function, Field field, List<FieldVector> arguments, int rowCount,
      BufferAllocator allocator) {
    FieldVector result = Vectors.allocate(field, rowCount, allocator);
    try {
      Validity.intersect(arguments, result, rowCount);
      double[] left = Vectors.readDoubles(arguments.get(0), rowCount);
      double[] right = arguments.size() > 1 ? Vectors.readDoubles(arguments.get(1), rowCount) : null;
      // REAL is computed in double and rounded once on write, which gives the correctly rounded float result.
      switch (function) {
        case Functions.ADD -> {
          for (int i = 0; i < rowCount; i++) {
            left[i] += right[i];
          }
        }
        case Functions.SUBTRACT -> {
          for (int i = 0; i < rowCount; i++) {
            left[i] -= right[i];
          }
        }
        case Functions.MULTIPLY -> {
          for (int i = 0; i < rowCount; i++) {
            left[i] *= right[i];
          }
        }
        case Functions.DIVIDE -> {
          for (int i = 0; i < rowCount; i++) {
            left[i] /= right[i];
          }
        }
        case Functions.MODULUS -> {
          for (int i = 0; i < rowCount; i++) {
            left[i] %= right[i];
          }
        }
        case Functions.NEGATE -> {
          for (int i = 0; i < rowCount; i++) {
            left[i] = -left[i];
          }
        }
        default -> throw new IllegalStateException(function);
      }
      Vectors.writeDoubles(result, left, rowCount);
      result.setValueCount(rowCount);
      return result;
    } catch (RuntimeException e) {
      result.close();
      throw e;
    }
  }
}
