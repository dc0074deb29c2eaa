package dev.tarn.engine.exec.expr;

import dev.tarn.engine.exec.vector.SqlTypes;
import dev.tarn.engine.exec.vector.Validity;
import dev.tarn.engine.exec.vector.Vectors;
import dev.tarn.engine.plan.expr.Functions;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * greatest and least over arguments of the result type (the planner casts them): NULL when any argument is
 * NULL, as in Trino (DuckDB skips NULLs instead). Each row picks the winning argument, whose value is copied.
 */
final class GreatestLeastKernel {
  private GreatestLeastKernel() {}

  static Kernel resolve(String function, List<ArrowType> types, ArrowType resultType) {
    boolean comparable = SqlTypes.isLongBacked(resultType) || SqlTypes.isFloating(resultType)
        || SqlTypes.isDecimal(resultType) || SqlTypes.isString(resultType);
    if (types.isEmpty() || !comparable || !types.stream().allMatch(resultType::equals)) {
      return null;
    }
    Field field = new Field(function, FieldType.nullable(resultType), null);
    boolean greatest = Functions.GREATEST.equals(function);
    return (arguments, rowCount, allocator) -> apply(field, greatest, arguments, rowCount, allocator);
  }

  private static FieldVector apply(Field field, boolean greatest, List<FieldVector> arguments, int rowCount,
      BufferAllocator allocator) {
    int[] winners = winners(field.getType(), arguments, greatest, rowCount);
    FieldVector result = Vectors.allocate(field, rowCount, allocator);
    try {
      Validity.intersect(arguments, result, rowCount);
      ArrowBuf valid = result.getValidityBuffer();
      for (int i = 0; i < rowCount; i++) {
        if (Validity.isValid(valid, i)) {
          result.copyFromSafe(i, i, arguments.get(winners[i]));
        }
      }
      result.setValueCount(rowCount);
      return result;
    } catch (RuntimeException e) {
      result.close();
      throw e;
    }
  }

  /** The index of each row's winning argument (meaningful only where no argument is NULL). */
  private static int[] winners(ArrowType type, List<FieldVector> arguments, boolean greatest, int rowCount) {
    int[] winners = new int[rowCount];
    int sign = greatest ? 1 : -1;
    if (SqlTypes.isLongBacked(type) || SqlTypes.isFloating(type)) {
      boolean floating = SqlTypes.isFloating(type);
      double[] bestDoubles = floating ? Vectors.readDoubles(arguments.get(0), rowCount) : null;
      long[] bestLongs = floating ? null : Vectors.readLongs(arguments.get(0), rowCount);
      for (int argument = 1; argument < arguments.size(); argument++) {
        if (floating) {
          double[] values = Vectors.readDoubles(arguments.get(argument), rowCount);
          for (int i = 0; i < rowCount; i++) {
            if (Double.compare(values[i], bestDoubles[i]) * sign > 0) {
              bestDoubles[i] = values[i];
              winners[i] = argument;
            }
          }
        } else {
          long[] values = Vectors.readLongs(arguments.get(argument), rowCount);
          for (int i = 0; i < rowCount; i++) {
            if (Long.compare(values[i], bestLongs[i]) * sign > 0) {
              bestLongs[i] = values[i];
              winners[i] = argument;
            }
          }
        }
      }
      return winners;
    }
    // Decimals and strings compare as objects: these functions are rarely on a hot path.
    for (int i = 0; i < rowCount; i++) {
      for (int argument = 1; argument < arguments.size(); argument++) {
        FieldVector challenger = arguments.get(argument);
        FieldVector current = arguments.get(winners[i]);
        if (challenger.isNull(i) || current.isNull(i)) {
          continue;
        }
        int order = SqlTypes.isDecimal(type)
            ? ((DecimalVector) challenger).getObject(i).compareTo(((DecimalVector) current).getObject(i))
            : compareUtf8(((VarCharVector) challenger).get(i), ((VarCharVector) current).get(i));
        if (order * sign > 0) {
          winners[i] = argument;
        }
      }
    }
    return winners;
  }

  /** Unsigned byte order, which for UTF-8 is code point order (Trino's varchar order). */
  private static int compareUtf8(byte[] left, byte[] right) {
    return java.util.Arrays.compareUnsigned(left, right);
  }
}
