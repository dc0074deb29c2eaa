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
 * abs, sign, round, truncate, floor and ceil on decimals, exact: the value is rounded to the requested digits
 * (round: half away from zero; truncate: toward zero) and then expressed in the result type's scale, which
 * Trino's types make wide enough. Rows go through BigDecimal: exactness matters more than speed for these
 * functions, which are rarely on a hot path (a long fast path like DecimalArithmetic's is future work).
 */
final class DecimalRounding {
  private DecimalRounding() {}

  static Kernel resolve(String function, List<ArrowType> types, ArrowType resultType) {
    if (!SqlTypes.isDecimal(resultType)) {
      return null;
    }
    Field field = new Field(function, FieldType.nullable(resultType), null);
    return (arguments, rowCount, allocator) -> apply(function, field, arguments, rowCount, allocator);
  }

  private static FieldVector apply(String function, Field field, List<FieldVector> arguments, int rowCount,
      BufferAllocator allocator) {
    FieldVector result = Vectors.allocate(field, rowCount, allocator);
    try {
      Validity.intersect(arguments, result, rowCount);
      ArrowBuf valid = result.getValidityBuffer();
      DecimalVector input = (DecimalVector) arguments.get(0);
      int scale = input.getScale();
      ArrowType type = field.getType();
      int resultScale = SqlTypes.scale(type);
      BigInteger limit = BigInteger.TEN.pow(SqlTypes.precision(type));
      long[] digits = arguments.size() > 1 ? Vectors.readLongs(arguments.get(1), rowCount) : null;
      RoundingMode mode = switch (function) {
        case Functions.ROUND -> RoundingMode.HALF_UP;
        case Functions.FLOOR -> RoundingMode.FLOOR;
        case Functions.CEIL -> RoundingMode.CEILING;
        default -> RoundingMode.DOWN;
      };
      for (int i = 0; i < rowCount; i++) {
        if (!Validity.isValid(valid, i)) {
          continue;
        }
        BigDecimal value = input.getObject(i);
        BigDecimal computed = switch (function) {
          case Functions.ABS -> value.abs();
          case Functions.SIGN -> BigDecimal.valueOf(value.signum());
          default -> {
            long places = digits == null ? 0 : Math.max(-40, Math.min(digits[i], scale));
            yield value.setScale((int) places, mode);
          }
        };
        BigDecimal scaled = computed.setScale(resultScale, RoundingMode.HALF_UP);
        if (scaled.unscaledValue().abs().compareTo(limit) >= 0) {
          throw KernelErrors.overflow(function, type);
        }
        ((DecimalVector) result).set(i, scaled);
      }
      result.setValueCount(rowCount);
      return result;
    } catch (RuntimeException e) {
      result.close();
      throw e;
    }
  }
}
