package dev.tarn.engine.exec.expr;

import dev.tarn.engine.exec.vector.SqlTypes;
import dev.tarn.engine.exec.vector.TimeConversions;
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
 * CAST between numbers and booleans (integers narrow with a range check; double and decimal to integer round
 * half away from zero as in Trino; decimals rescale HALF_UP; booleans are 0/1), between DATE and TIMESTAMP, and
 * to or from VARCHAR (see {@link StringCasts}). Out of range fails with NUMERIC_OVERFLOW.
 */
final class CastKernels {
  private static final double TWO_TO_53 = 9007199254740992.0;

  private CastKernels() {}

  static Kernel resolve(String function, List<ArrowType> types, ArrowType target) {
    if (types.size() != 1) {
      return null;
    }
    ArrowType source = types.get(0);
    Field field = new Field(Functions.CAST, FieldType.nullable(target), null);
    if (source.equals(target)) {
      return (arguments, rowCount, allocator) -> Vectors.share(arguments.get(0), allocator);
    }
    if (isNumericOrBoolean(source) && isNumericOrBoolean(target)) {
      return (arguments, rowCount, allocator) -> numeric(arguments.get(0), field, rowCount, allocator);
    }
    if (SqlTypes.isString(target)) {
      return StringCasts.toStringKernel(source, field);
    }
    if (SqlTypes.isString(source)) {
      return StringCasts.fromStringKernel(target, field);
    }
    boolean dateToTimestamp = source.getTypeID() == ArrowType.ArrowTypeID.Date
        && target.getTypeID() == ArrowType.ArrowTypeID.Timestamp;
    boolean timestampToDate = source.getTypeID() == ArrowType.ArrowTypeID.Timestamp
        && target.getTypeID() == ArrowType.ArrowTypeID.Date;
    if (dateToTimestamp || timestampToDate) {
      return (arguments, rowCount, allocator) -> {
        FieldVector result = Vectors.allocate(field, rowCount, allocator);
        Validity.intersect(arguments, result, rowCount);
        long[] values = Vectors.readLongs(arguments.get(0), rowCount);
        for (int i = 0; i < rowCount; i++) {
          values[i] = dateToTimestamp ? values[i] * TimeConversions.MICROS_PER_DAY
              : Math.floorDiv(values[i], TimeConversions.MICROS_PER_DAY);
        }
        Vectors.writeLongs(result, values, rowCount);
        result.setValueCount(rowCount);
        return result;
      };
    }
    return null;
  }

  private static boolean isNumericOrBoolean(ArrowType type) {
    return SqlTypes.isNumeric(type) || type.getTypeID() == ArrowType.ArrowTypeID.Bool;
  }

  private static FieldVector numeric(FieldVector source, Field field, int rowCount, BufferAllocator allocator) {
    FieldVector result = Vectors.allocate(field, rowCount, allocator);
    try {
      Validity.intersect(List.of(source), result, rowCount);
      ArrowBuf valid = result.getValidityBuffer();
      ArrowType sourceType = source.getField().getType();
      ArrowType target = field.getType();
      if (SqlTypes.isFloating(target)) {
        Vectors.writeDoubles(result, toDoubles(source, sourceType, valid, rowCount), rowCount);
      } else if (SqlTypes.isDecimal(target)) {
        toDecimals(source, sourceType, (DecimalVector) result, valid, rowCount);
      } else {
        long[] values = toLongs(source, sourceType, target, valid, rowCount);
        if (SqlTypes.isInteger(target)) {
          long minimum = SqlTypes.minimum(SqlTypes.bitWidth(target));
          long maximum = SqlTypes.maximum(SqlTypes.bitWidth(target));
          for (int i = 0; i < rowCount; i++) {
            if ((values[i] < minimum || values[i] > maximum) && Validity.isValid(valid, i)) {
              throw KernelErrors.overflow(Functions.CAST, target);
            }
          }
        }
        Vectors.writeLongs(result, values, rowCount);
      }
      result.setValueCount(rowCount);
      return result;
    } catch (RuntimeException e) {
      result.close();
      throw e;
    }
  }

  /** Values as longs for an integer or boolean target (booleans: any nonzero is 1), before range checks. */
  private static long[] toLongs(FieldVector source, ArrowType sourceType, ArrowType target, ArrowBuf valid,
      int rowCount) {
    boolean toBoolean = target.getTypeID() == ArrowType.ArrowTypeID.Bool;
    long[] values = new long[rowCount];
    if (SqlTypes.isLongBacked(sourceType)) {
      values = Vectors.readLongs(source, rowCount);
      if (toBoolean) {
        for (int i = 0; i < rowCount; i++) {
          values[i] = values[i] != 0 ? 1 : 0;
        }
      }
    } else if (SqlTypes.isFloating(sourceType)) {
      double[] doubles = Vectors.readDoubles(source, rowCount);
      for (int i = 0; i < rowCount; i++) {
        if (Validity.isValid(valid, i)) {
          values[i] = toBoolean ? (doubles[i] != 0 ? 1 : 0) : roundToLong(doubles[i], target);
        }
      }
    } else if (SqlTypes.isShortDecimal(sourceType)) {
      long[] unscaled = Vectors.readLongs(source, rowCount);
      int scale = SqlTypes.scale(sourceType);
      for (int i = 0; i < rowCount; i++) {
        values[i] = toBoolean ? (unscaled[i] != 0 ? 1 : 0) : DecimalArithmetic.rescale(unscaled[i], scale, 0);
      }
    } else {
      DecimalVector decimals = (DecimalVector) source;
      for (int i = 0; i < rowCount; i++) {
        if (Validity.isValid(valid, i)) {
          BigDecimal value = decimals.getObject(i);
          if (toBoolean) {
            values[i] = value.signum() != 0 ? 1 : 0;
          } else {
            BigInteger rounded = value.setScale(0, RoundingMode.HALF_UP).unscaledValue();
            if (rounded.bitLength() > 63) {
              throw KernelErrors.overflow(Functions.CAST, target);
            }
            values[i] = rounded.longValue();
          }
        }
      }
    }
    return values;
  }

  /** Rounds half away from zero (Trino's double-to-integer rule); NaN and infinities cannot be cast. */
  static long roundToLong(double value, ArrowType target) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw KernelErrors.invalidCast(Double.toString(value), target);
    }
    double magnitude = Math.abs(value);
    double floor = Math.floor(magnitude);
    // magnitude - floor is exact for doubles, unlike magnitude + 0.5.
    double rounded = magnitude - floor >= 0.5 ? floor + 1 : floor;
    if (rounded >= 0x1p63) {
      throw KernelErrors.overflow(Functions.CAST, target);
    }
    return value < 0 ? -(long) rounded : (long) rounded;
  }

  private static double[] toDoubles(FieldVector source, ArrowType sourceType, ArrowBuf valid, int rowCount) {
    if (!SqlTypes.isDecimal(sourceType)) {
      return Vectors.readDoubles(source, rowCount);
    }
    int scale = SqlTypes.scale(sourceType);
    double[] values = new double[rowCount];
    DecimalVector decimals = (DecimalVector) source;
    long[] unscaled = SqlTypes.isShortDecimal(sourceType) ? Vectors.readLongs(source, rowCount) : null;
    double divisor = Math.pow(10, scale);
    for (int i = 0; i < rowCount; i++) {
      if (!Validity.isValid(valid, i)) {
        continue;
      }
      // Both operands exact in a double (|unscaled| <= 2^53, 10^scale for scale <= 22): one correctly rounded division.
      if (unscaled != null && Math.abs((double) unscaled[i]) <= TWO_TO_53 && scale <= 22) {
        values[i] = unscaled[i] / divisor;
      } else {
        values[i] = decimals.getObject(i).doubleValue();
      }
    }
    return values;
  }

  private static void toDecimals(FieldVector source, ArrowType sourceType, DecimalVector result, ArrowBuf valid,
      int rowCount) {
    ArrowType target = result.getField().getType();
    int scale = SqlTypes.scale(target);
    if (SqlTypes.isShortDecimal(target) && (SqlTypes.isLongBacked(sourceType) || SqlTypes.isShortDecimal(sourceType))) {
      int sourceScale = SqlTypes.isDecimal(sourceType) ? SqlTypes.scale(sourceType) : 0;
      long limit = BigInteger.TEN.pow(SqlTypes.precision(target)).longValueExact();
      long[] values = Vectors.readLongs(source, rowCount);
      for (int i = 0; i < rowCount; i++) {
        if (!Validity.isValid(valid, i)) {
          continue;
        }
        try {
          values[i] = DecimalArithmetic.rescale(values[i], sourceScale, scale);
        } catch (ArithmeticException e) {
          throw KernelErrors.overflow(Functions.CAST, target);
        }
        if (values[i] >= limit || values[i] <= -limit) {
          throw KernelErrors.overflow(Functions.CAST, target);
        }
      }
      Vectors.writeLongs(result, values, rowCount);
      return;
    }
    BigInteger limit = BigInteger.TEN.pow(SqlTypes.precision(target));
    double[] doubles = SqlTypes.isFloating(sourceType) ? Vectors.readDoubles(source, rowCount) : null;
    long[] longs = SqlTypes.isLongBacked(sourceType) ? Vectors.readLongs(source, rowCount) : null;
    for (int i = 0; i < rowCount; i++) {
      if (!Validity.isValid(valid, i)) {
        continue;
      }
      BigDecimal value;
      if (doubles != null) {
        double number = doubles[i];
        if (Double.isNaN(number) || Double.isInfinite(number)) {
          throw KernelErrors.invalidCast(Double.toString(number), target);
        }
        // REAL goes through its own shortest decimal string so 0.1f becomes 0.1, not 0.100000001490116.
        value = SqlTypes.isDouble(sourceType) ? BigDecimal.valueOf(number) : new BigDecimal(Float.toString((float) number));
      } else if (longs != null) {
        value = BigDecimal.valueOf(longs[i]);
      } else {
        value = ((DecimalVector) source).getObject(i);
      }
      BigDecimal rounded = value.setScale(scale, RoundingMode.HALF_UP);
      if (rounded.unscaledValue().abs().compareTo(limit) >= 0) {
        throw KernelErrors.overflow(Functions.CAST, target);
      }
      result.set(i, rounded);
    }
  }
}
