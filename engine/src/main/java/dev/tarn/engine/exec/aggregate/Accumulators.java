package dev.tarn.engine.exec.aggregate;

import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.vector.SqlTypes;
import dev.tarn.engine.exec.vector.Vectors;
import dev.tarn.engine.plan.AggregateNode.AggregateCall;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/** Creates the accumulator for an aggregate call, and builds result vectors from per-group arrays. */
public final class Accumulators {
  private Accumulators() {}

  /** The accumulator of {@code call} over an argument of {@code argumentType} (null for COUNT(*)). */
  public static Accumulator create(AggregateCall call, ArrowType argumentType) {
    Accumulator accumulator = plain(call, argumentType);
    if (accumulator == null) {
      String argument = argumentType == null ? "*" : SqlTypes.name(argumentType);
      throw TarnException.notSupported("aggregate " + call.function() + "(" + argument + ")");
    }
    return call.distinct() && argumentType != null ? new DistinctAccumulator(accumulator) : accumulator;
  }

  private static Accumulator plain(AggregateCall call, ArrowType argument) {
    if ("count".equals(call.function())) {
      return new CountAccumulator();
    }
    if (argument == null) {
      return null;
    }
    boolean number = SqlTypes.isNumeric(argument);
    return switch (call.function()) {
      case "sum0" -> {
        Accumulator sum = plain(new AggregateCall("sum", call.arguments(), false, call.type(), call.name()), argument);
        yield sum == null ? null : new ZeroForEmptyAccumulator(sum);
      }
      case "var_samp" -> number ? new VarianceAccumulator(true, false) : null;
      case "var_pop" -> number ? new VarianceAccumulator(false, false) : null;
      case "stddev_samp" -> number ? new VarianceAccumulator(true, true) : null;
      case "stddev_pop" -> number ? new VarianceAccumulator(false, true) : null;
      case "count_if" -> SqlTypes.isNull(argument) || argument.getTypeID() == ArrowType.ArrowTypeID.Bool
          ? new CountIfAccumulator() : null;
      case "approx_distinct" -> new ApproxDistinctAccumulator();
      case "single_value" -> {
        Accumulator value = MinMaxAccumulators.create(argument, true);
        yield value == null ? null : new SingleValueAccumulator(value);
      }
      case "sum" -> SqlTypes.isInteger(argument) ? new LongSumAccumulator()
          : SqlTypes.isFloating(argument) ? new DoubleSumAccumulator(false)
          : SqlTypes.isDecimal(argument) ? new DecimalSumAccumulator(false) : null;
      case "avg" -> SqlTypes.isInteger(argument) || SqlTypes.isFloating(argument) ? new DoubleSumAccumulator(true)
          : SqlTypes.isDecimal(argument) ? new DecimalSumAccumulator(true) : null;
      case "min", "max" -> MinMaxAccumulators.create(argument, "min".equals(call.function()));
      default -> null;
    };
  }

  /** A vector of {@code field} holding {@code values[g]} where {@code present[g]} (else NULL). */
  static FieldVector fromLongs(Field field, long[] values, boolean[] present, int groupCount,
      BufferAllocator allocator) {
    FieldVector result = Vectors.allocate(field, groupCount, allocator);
    Vectors.writeLongs(result, values, groupCount);
    setPresent(result, present, groupCount);
    return result;
  }

  /** A Float4/Float8 vector of {@code field} holding {@code values[g]} where {@code present[g]}. */
  static FieldVector fromDoubles(Field field, double[] values, boolean[] present, int groupCount,
      BufferAllocator allocator) {
    FieldVector result = Vectors.allocate(field, groupCount, allocator);
    Vectors.writeDoubles(result, values, groupCount);
    setPresent(result, present, groupCount);
    return result;
  }

  private static void setPresent(FieldVector result, boolean[] present, int groupCount) {
    for (int group = 0; group < groupCount; group++) {
      BitVectorHelper.setValidityBit(result.getValidityBuffer(), group, present == null || present[group] ? 1 : 0);
    }
    result.setValueCount(groupCount);
  }

  /** {@code array} grown (doubling) to hold at least {@code size} entries. */
  static long[] grow(long[] array, int size) {
    return size <= array.length ? array : java.util.Arrays.copyOf(array, Math.max(size, array.length * 2));
  }

  static double[] grow(double[] array, int size) {
    return size <= array.length ? array : java.util.Arrays.copyOf(array, Math.max(size, array.length * 2));
  }

  static boolean[] grow(boolean[] array, int size) {
    return size <= array.length ? array : java.util.Arrays.copyOf(array, Math.max(size, array.length * 2));
  }

  static <T> T[] grow(T[] array, int size) {
    return size <= array.length ? array : java.util.Arrays.copyOf(array, Math.max(size, array.length * 2));
  }
}
