package dev.tarn.engine.exec.expr;

import dev.tarn.engine.exec.vector.SqlTypes;
import dev.tarn.engine.exec.vector.Validity;
import dev.tarn.engine.exec.vector.Vectors;
import dev.tarn.engine.plan.expr.Functions;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.ByteFunctionHelpers;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * equal, not_equal, less_than, less_than_or_equal, greater_than, greater_than_or_equal for every type. Each type
 * family computes a sign per row (strings by unsigned UTF-8 bytes, i.e. code point order; decimals across
 * scales; false &lt; true), then one loop per operator turns signs into bits. Floats compare with IEEE operators
 * so that NaN compares false, as in Trino.
 */
final class ComparisonKernels {
  private static final long[] POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
      100_000_000L, 1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L, 10_000_000_000_000L,
      100_000_000_000_000L, 1_000_000_000_000_000L, 10_000_000_000_000_000L, 100_000_000_000_000_000L,
      1_000_000_000_000_000_000L};

  private ComparisonKernels() {}

  /** Computes signs (negative, zero, positive) of left compared to right for every row. */
  @FunctionalInterface
  private interface SignComputer {
    void compute(FieldVector left, FieldVector right, int rowCount, int[] signs);
  }

  static Kernel resolve(String function, List<ArrowType> types, ArrowType resultType) {
    if (types.size() != 2 || resultType.getTypeID() != ArrowType.ArrowTypeID.Bool) {
      return null;
    }
    ArrowType left = types.get(0);
    ArrowType right = types.get(1);
    Field field = new Field(function, FieldType.nullable(resultType), null);
    if (SqlTypes.isFloating(left) && SqlTypes.isFloating(right)) {
      return (arguments, rowCount, allocator) -> floating(function, field, arguments, rowCount, allocator);
    }
    SignComputer signs;
    if (SqlTypes.isLongBacked(left) && left.getTypeID() == right.getTypeID()) {
      signs = ComparisonKernels::longSigns;
    } else if (SqlTypes.isDecimal(left) && SqlTypes.isDecimal(right)) {
      signs = decimalSigns(left, right);
    } else if (SqlTypes.isString(left) && SqlTypes.isString(right)) {
      signs = ComparisonKernels::stringSigns;
    } else {
      return null;
    }
    return (arguments, rowCount, allocator) -> {
      int[] computed = new int[rowCount];
      signs.compute(arguments.get(0), arguments.get(1), rowCount, computed);
      return fromSigns(function, field, arguments, computed, rowCount, allocator);
    };
  }

  private static void longSigns(FieldVector left, FieldVector right, int rowCount, int[] signs) {
    long[] leftValues = Vectors.readLongs(left, rowCount);
    long[] rightValues = Vectors.readLongs(right, rowCount);
    for (int i = 0; i < rowCount; i++) {
      signs[i] = Long.compare(leftValues[i], rightValues[i]);
    }
  }

  private static void stringSigns(FieldVector left, FieldVector right, int rowCount, int[] signs) {
    ArrowBuf leftOffsets = ((VarCharVector) left).getOffsetBuffer();
    ArrowBuf rightOffsets = ((VarCharVector) right).getOffsetBuffer();
    ArrowBuf leftData = left.getDataBuffer();
    ArrowBuf rightData = right.getDataBuffer();
    for (int i = 0; i < rowCount; i++) {
      signs[i] = ByteFunctionHelpers.compare(leftData, leftOffsets.getInt(i * 4L), leftOffsets.getInt(i * 4L + 4),
          rightData, rightOffsets.getInt(i * 4L), rightOffsets.getInt(i * 4L + 4));
    }
  }

  private static SignComputer decimalSigns(ArrowType left, ArrowType right) {
    int leftScale = SqlTypes.scale(left);
    int rightScale = SqlTypes.scale(right);
    int scale = Math.max(leftScale, rightScale);
    if (SqlTypes.precision(left) + scale - leftScale <= 18 && SqlTypes.precision(right) + scale - rightScale <= 18) {
      // Both sides scaled to the common scale still fit in a long: compare unscaled longs.
      long leftFactor = POWERS_OF_TEN[scale - leftScale];
      long rightFactor = POWERS_OF_TEN[scale - rightScale];
      return (leftVector, rightVector, rowCount, signs) -> {
        long[] leftValues = Vectors.readLongs(leftVector, rowCount);
        long[] rightValues = Vectors.readLongs(rightVector, rowCount);
        for (int i = 0; i < rowCount; i++) {
          signs[i] = Long.compare(leftValues[i] * leftFactor, rightValues[i] * rightFactor);
        }
      };
    }
    if (leftScale == rightScale) {
      // Same scale: compare the 128-bit two's complement values (signed high word, then unsigned low word).
      return (leftVector, rightVector, rowCount, signs) -> {
        ArrowBuf leftData = leftVector.getDataBuffer();
        ArrowBuf rightData = rightVector.getDataBuffer();
        for (int i = 0; i < rowCount; i++) {
          int high = Long.compare(leftData.getLong(i * 16L + 8), rightData.getLong(i * 16L + 8));
          signs[i] = high != 0 ? high : Long.compareUnsigned(leftData.getLong(i * 16L), rightData.getLong(i * 16L));
        }
      };
    }
    return (leftVector, rightVector, rowCount, signs) -> {
      DecimalVector leftDecimals = (DecimalVector) leftVector;
      DecimalVector rightDecimals = (DecimalVector) rightVector;
      for (int i = 0; i < rowCount; i++) {
        if (!leftDecimals.isNull(i) && !rightDecimals.isNull(i)) {
          signs[i] = leftDecimals.getObject(i).compareTo(rightDecimals.getObject(i));
        }
      }
    };
  }

  private static FieldVector fromSigns(String function, Field field, List<FieldVector> arguments, int[] signs,
      int rowCount, BufferAllocator allocator) {
    FieldVector result = Vectors.allocate(field, rowCount, allocator);
    try {
      Validity.intersect(arguments, result, rowCount);
      ArrowBuf data = result.getDataBuffer();
      switch (function) {
        case Functions.EQUAL -> {
          for (int i = 0; i < rowCount; i++) {
            BitVectorHelper.setValidityBit(data, i, signs[i] == 0 ? 1 : 0);
          }
        }
        case Functions.NOT_EQUAL -> {
          for (int i = 0; i < rowCount; i++) {
            BitVectorHelper.setValidityBit(data, i, signs[i] != 0 ? 1 : 0);
          }
        }
        case Functions.LESS_THAN -> {
          for (int i = 0; i < rowCount; i++) {
            BitVectorHelper.setValidityBit(data, i, signs[i] < 0 ? 1 : 0);
          }
        }
        case Functions.LESS_THAN_OR_EQUAL -> {
          for (int i = 0; i < rowCount; i++) {
            BitVectorHelper.setValidityBit(data, i, signs[i] <= 0 ? 1 : 0);
          }
        }
        case Functions.GREATER_THAN -> {
          for (int i = 0; i < rowCount; i++) {
            BitVectorHelper.setValidityBit(data, i, signs[i] > 0 ? 1 : 0);
          }
        }
        case Functions.GREATER_THAN_OR_EQUAL -> {
          for (int i = 0; i < rowCount; i++) {
            BitVectorHelper.setValidityBit(data, i, signs[i] >= 0 ? 1 : 0);
          }
        }
        default -> throw new IllegalStateException(function);
      }
      result.setValueCount(rowCount);
      return result;
    } catch (RuntimeException e) {
      result.close();
      throw e;
    }
  }

  private static FieldVector floating(String function, Field field, List<FieldVector> arguments, int rowCount,
      BufferAllocator allocator) {
    FieldVector result = Vectors.allocate(field, rowCount, allocator);
    try {
      Validity.intersect(arguments, result, rowCount);
      double[] left = Vectors.readDoubles(arguments.get(0), rowCount);
      double[] right = Vectors.readDoubles(arguments.get(1), rowCount);
      ArrowBuf data = result.getDataBuffer();
      switch (function) {
        case Functions.EQUAL -> {
          for (int i = 0; i < rowCount; i++) {
            BitVectorHelper.setValidityBit(data, i, left[i] == right[i] ? 1 : 0);
          }
        }
        case Functions.NOT_EQUAL -> {
          for (int i = 0; i < rowCount; i++) {
            BitVectorHelper.setValidityBit(data, i, left[i] != right[i] ? 1 : 0);
          }
        }
        case Functions.LESS_THAN -> {
          for (int i = 0; i < rowCount; i++) {
            BitVectorHelper.setValidityBit(data, i, left[i] < right[i] ? 1 : 0);
          }
        }
        case Functions.LESS_THAN_OR_EQUAL -> {
          for (int i = 0; i < rowCount; i++) {
            BitVectorHelper.setValidityBit(data, i, left[i] <= right[i] ? 1 : 0);
          }
        }
        case Functions.GREATER_THAN -> {
          for (int i = 0; i < rowCount; i++) {
            BitVectorHelper.setValidityBit(data, i, left[i] > right[i] ? 1 : 0);
          }
        }
        case Functions.GREATER_THAN_OR_EQUAL -> {
          for (int i = 0; i < rowCount; i++) {
            BitVectorHelper.setValidityBit(data, i, left[i] >= right[i] ? 1 : 0);
          }
        }
        default -> throw new IllegalStateException(function);
      }
      result.setValueCount(rowCount);
      return result;
    } catch (RuntimeException e) {
      result.close();
      throw e;
    }
  }
}
