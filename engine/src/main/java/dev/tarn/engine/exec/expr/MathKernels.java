package dev.tarn.engine.exec.expr;

import dev.tarn.engine.exec.vector.SqlTypes;
import dev.tarn.engine.exec.vector.Validity;
import dev.tarn.engine.exec.vector.Vectors;
import dev.tarn.engine.plan.expr.Functions;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * abs, sign, round, truncate, floor and ceil on integers and floating point (decimals go to
 * {@link DecimalRounding}), and the double functions sqrt, power, ln, log10, log(base, x) and exp (IEEE 754
 * results such as NaN for sqrt(-1), as Trino). Rounding is half away from zero; digits arguments are Bigint.
 */
final class MathKernels {
  private static final double TWO_TO_52 = 0x1p52;

  private MathKernels() {}

  static Kernel resolve(String function, List<ArrowType> types, ArrowType resultType) {
    if (types.isEmpty() || types.size() > 2 || !types.stream().allMatch(SqlTypes::isNumeric)) {
      return null;
    }
    ArrowType type = types.get(0);
    Field field = new Field(function, FieldType.nullable(resultType), null);
    switch (function) {
      case Functions.SQRT, Functions.LN, Functions.LOG10, Functions.EXP -> {
        DoubleUnaryOperator operator = switch (function) {
          case Functions.SQRT -> Math::sqrt;
          case Functions.LN -> Math::log;
          case Functions.LOG10 -> Math::log10;
          default -> Math::exp;
        };
        return types.size() == 1 && SqlTypes.isDouble(type) && SqlTypes.isDouble(resultType)
            ? (arguments, rowCount, allocator) -> doubles(field, arguments, operator, null, rowCount, allocator)
            : null;
      }
      case Functions.POWER, Functions.LOG -> {
        DoubleBinaryOperator operator = Functions.POWER.equals(function) ? Math::pow
            : (base, value) -> Math.log(value) / Math.log(base);
        return types.size() == 2 && types.stream().allMatch(SqlTypes::isDouble) && SqlTypes.isDouble(resultType)
            ? (arguments, rowCount, allocator) -> doubles(field, arguments, null, operator, rowCount, allocator)
            : null;
      }
      default -> {
        // abs, sign, round, truncate, floor, ceil: one number plus optional Bigint digits.
        boolean digits = types.size() == 2;
        if (digits && (!SqlTypes.isInteger(types.get(1))
            || !(Functions.ROUND.equals(function) || Functions.TRUNCATE.equals(function)))) {
          return null;
        }
        if (SqlTypes.isDecimal(type)) {
          return DecimalRounding.resolve(function, types, resultType);
        }
        if (!type.equals(resultType)) {
          return null;
        }
        if (SqlTypes.isFloating(type)) {
          return (arguments, rowCount, allocator) -> floatingRounding(function, field, arguments, rowCount, allocator);
        }
        if (SqlTypes.isInteger(type)) {
          return (arguments, rowCount, allocator) -> integerRounding(function, field, arguments, rowCount, allocator);
        }
        return null;
      }
    }
  }

  private static FieldVector doubles(Field field, List<FieldVector> arguments, DoubleUnaryOperator unary,
      DoubleBinaryOperator binary, int rowCount, BufferAllocator allocator) {
    FieldVector result = Vectors.allocate(field, rowCount, allocator);
    Validity.intersect(arguments, result, rowCount);
    double[] values = Vectors.readDoubles(arguments.get(0), rowCount);
    if (unary != null) {
      for (int i = 0; i < rowCount; i++) {
        values[i] = unary.applyAsDouble(values[i]);
      }
    } else {
      double[] right = Vectors.readDoubles(arguments.get(1), rowCount);
      for (int i = 0; i < rowCount; i++) {
        values[i] = binary.applyAsDouble(values[i], right[i]);
      }
    }
    Vectors.writeDoubles(result, values, rowCount);
    result.setValueCount(rowCount);
    return result;
  }

  private static FieldVector floatingRounding(String function, Field field, List<FieldVector> arguments,
      int rowCount, BufferAllocator allocator) {
    FieldVector result = Vectors.allocate(field, rowCount, allocator);
    Validity.intersect(arguments, result, rowCount);
    double[] values = Vectors.readDoubles(arguments.get(0), rowCount);
    long[] digits = arguments.size() > 1 ? Vectors.readLongs(arguments.get(1), rowCount) : null;
    for (int i = 0; i < rowCount; i++) {
      double value = values[i];
      values[i] = switch (function) {
        case Functions.ABS -> Math.abs(value);
        case Functions.SIGN -> Math.signum(value);
        case Functions.FLOOR -> Math.floor(value);
        case Functions.CEIL -> Math.ceil(value);
        case Functions.ROUND -> round(value, digits == null ? 0 : digits[i]);
        default -> truncate(value, digits == null ? 0 : digits[i]);
      };
    }
    Vectors.writeDoubles(result, values, rowCount);
    result.setValueCount(rowCount);
    return result;
  }

  /** Trino's round(double, digits): half away from zero at 10^-digits; huge or non-finite values unchanged. */
  static double round(double value, long digits) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return value;
    }
    double factor = Math.pow(10, digits);
    double scaled = Math.abs(value) * factor;
    if (scaled >= TWO_TO_52 || Double.isInfinite(factor)) {
      // Already integral at this scale: rounding would only add error.
      return value;
    }
    double floor = Math.floor(scaled);
    double rounded = (scaled - floor >= 0.5 ? floor + 1 : floor) / factor;
    return value < 0 ? -rounded : rounded;
  }

  /** Trino's truncate(double, digits): toward zero at 10^-digits. */
  static double truncate(double value, long digits) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return value;
    }
    double factor = Math.pow(10, digits);
    double scaled = Math.abs(value) * factor;
    if (scaled >= TWO_TO_52 || Double.isInfinite(factor)) {
      return value;
    }
    double truncated = Math.floor(scaled) / factor;
    return value < 0 ? -truncated : truncated;
  }

  private static FieldVector integerRounding(String function, Field field, List<FieldVector> arguments,
      int rowCount, BufferAllocator allocator) {
    FieldVector result = Vectors.allocate(field, rowCount, allocator);
    try {
      Validity.intersect(arguments, result, rowCount);
      ArrowBuf valid = result.getValidityBuffer();
      long[] values = Vectors.readLongs(arguments.get(0), rowCount);
      long[] digits = arguments.size() > 1 ? Vectors.readLongs(arguments.get(1), rowCount) : null;
      int bits = SqlTypes.bitWidth(field.getType());
      for (int i = 0; i < rowCount; i++) {
        if (!Validity.isValid(valid, i)) {
          continue;
        }
        long value = values[i];
        long computed = switch (function) {
          case Functions.ABS -> value == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(value);
          case Functions.SIGN -> Long.signum(value);
          case Functions.ROUND, Functions.TRUNCATE -> digits == null || digits[i] >= 0 ? value
              : roundInteger(value, -digits[i], Functions.ROUND.equals(function));
          default -> value;
        };
        if (computed < SqlTypes.minimum(bits) || computed > SqlTypes.maximum(bits)
            || (value == Long.MIN_VALUE && Functions.ABS.equals(function))) {
          throw KernelErrors.overflow(function, field.getType());
        }
        values[i] = computed;
      }
      Vectors.writeLongs(result, values, rowCount);
      result.setValueCount(rowCount);
      return result;
    } catch (RuntimeException e) {
      result.close();
      throw e;
    }
  }

  /** An integer rounded (half away from zero) or truncated to a multiple of 10^tens. */
  private static long roundInteger(long value, long tens, boolean round) {
    if (tens > 18) {
      return 0;
    }
    long factor = 1;
    for (int i = 0; i < tens; i++) {
      factor *= 10;
    }
    long quotient = value / factor;
    long remainder = value % factor;
    if (round && Math.abs(remainder) * 2 >= factor) {
      quotient += Long.signum(value);
    }
    try {
      return Math.multiplyExact(quotient, factor);
    } catch (ArithmeticException e) {
      return value < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }
}
