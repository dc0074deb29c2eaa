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
      return (arguments, rowCount, allocator) -> integer(function, field, arguments, rowCount, allocator);
    }
    if (SqlTypes.isFloating(resultType)) {
      return (arguments, rowCount, allocator) -> floating(function, field, arguments, rowCount, allocator);
    }
    return null;
  }

  private static FieldVector integer(String function, Field field, List<FieldVector> arguments, int rowCount,
      BufferAllocator allocator) {
    FieldVector result = Vectors.allocate(field, rowCount, allocator);
    try {
      Validity.intersect(arguments, result, rowCount);
      ArrowBuf valid = result.getValidityBuffer();
      long[] left = Vectors.readLongs(arguments.get(0), rowCount);
      long[] right = arguments.size() > 1 ? Vectors.readLongs(arguments.get(1), rowCount) : null;
      long[] out = new long[rowCount];
      try {
        // NULL rows hold arbitrary bytes, so every loop skips them to avoid spurious overflow or division errors.
        switch (function) {
          case Functions.ADD -> {
            for (int i = 0; i < rowCount; i++) {
              if (Validity.isValid(valid, i)) {
                out[i] = Math.addExact(left[i], right[i]);
              }
            }
          }
          case Functions.SUBTRACT -> {
            for (int i = 0; i < rowCount; i++) {
              if (Validity.isValid(valid, i)) {
                out[i] = Math.subtractExact(left[i], right[i]);
              }
            }
          }
          case Functions.MULTIPLY -> {
            for (int i = 0; i < rowCount; i++) {
              if (Validity.isValid(valid, i)) {
                out[i] = Math.multiplyExact(left[i], right[i]);
              }
            }
          }
          case Functions.DIVIDE -> {
            for (int i = 0; i < rowCount; i++) {
              if (Validity.isValid(valid, i)) {
                if (right[i] == 0) {
                  throw KernelErrors.divisionByZero(function);
                }
                out[i] = checkedDivide(left[i], right[i]);
              }
            }
          }
          case Functions.MODULUS -> {
            for (int i = 0; i < rowCount; i++) {
              if (Validity.isValid(valid, i)) {
                if (right[i] == 0) {
                  throw KernelErrors.divisionByZero(function);
                }
                out[i] = left[i] % right[i];
              }
            }
          }
          case Functions.NEGATE -> {
            for (int i = 0; i < rowCount; i++) {
              if (Validity.isValid(valid, i)) {
                out[i] = Math.negateExact(left[i]);
              }
            }
          }
          default -> throw new IllegalStateException(function);
        }
      } catch (ArithmeticException e) {
        throw KernelErrors.overflow(function, field.getType());
      }
      int bits = SqlTypes.bitWidth(field.getType());
      if (bits < 64) {
        long minimum = SqlTypes.minimum(bits);
        long maximum = SqlTypes.maximum(bits);
        for (int i = 0; i < rowCount; i++) {
          if ((out[i] < minimum || out[i] > maximum) && Validity.isValid(valid, i)) {
            throw KernelErrors.overflow(function, field.getType());
          }
        }
      }
      Vectors.writeLongs(result, out, rowCount);
      result.setValueCount(rowCount);
      return result;
    } catch (RuntimeException e) {
      result.close();
      throw e;
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
