package dev.tarn.engine.exec.expr;

import dev.tarn.engine.exec.vector.SqlTypes;
import dev.tarn.engine.exec.vector.Validity;
import dev.tarn.engine.exec.vector.Vectors;
import dev.tarn.engine.plan.expr.Functions;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.ByteFunctionHelpers;
import org.apache.arrow.vector.BaseFixedWidthVector;
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
    int mask = mask(function);
    if (SqlTypes.isLongBacked(left) && left.getTypeID() == right.getTypeID()
        && left.getTypeID() != ArrowType.ArrowTypeID.Bool) {
      return (BroadcastKernel) (arguments, rowCount, allocator) ->
          longs(mask, field, arguments, 1, 1, rowCount, allocator);
    }
    if (SqlTypes.isDecimal(left) && SqlTypes.isDecimal(right)) {
      int leftScale = SqlTypes.scale(left);
      int rightScale = SqlTypes.scale(right);
      int scale = Math.max(leftScale, rightScale);
      if (SqlTypes.precision(left) + scale - leftScale <= 18 && SqlTypes.precision(right) + scale - rightScale <= 18) {
        // Both sides scaled to the common scale still fit in a long: compare unscaled longs.
        long leftFactor = POWERS_OF_TEN[scale - leftScale];
        long rightFactor = POWERS_OF_TEN[scale - rightScale];
        return (BroadcastKernel) (arguments, rowCount, allocator) ->
            longs(mask, field, arguments, leftFactor, rightFactor, rowCount, allocator);
      }
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

  /**
   * The operator as a 3-bit mask over the sign of left compared to right: bit 0 for less, 1 for equal, 2 for
   * greater, so that one branch-free loop serves every operator.
   */
  private static int mask(String function) {
    return switch (function) {
      case Functions.EQUAL -> 0b010;
      case Functions.NOT_EQUAL -> 0b101;
      case Functions.LESS_THAN -> 0b001;
      case Functions.LESS_THAN_OR_EQUAL -> 0b011;
      case Functions.GREATER_THAN -> 0b100;
      case Functions.GREATER_THAN_OR_EQUAL -> 0b110;
      default -> throw new IllegalStateException(function);
    };
  }

  /** The mask of the mirrored operator: {@code c < x} is {@code x > c}. */
  private static int mirror(int mask) {
    return (mask & 0b010) | (mask & 1) << 2 | (mask & 0b100) >> 2;
  }

  /**
   * Compares integer-like values (integers, dates, timestamps, short decimals times a rescaling factor) read
   * straight from the Arrow buffers, eight rows per result byte; a one-row scalar side is read once.
   */
  private static FieldVector longs(int mask, Field field, List<FieldVector> arguments, long leftFactor,
      long rightFactor, int rowCount, BufferAllocator allocator) {
    FieldVector result = Vectors.allocate(field, rowCount, allocator);
    try {
      if (BroadcastKernel.intersect(arguments, result, rowCount)) {
        FieldVector left = arguments.get(0);
        FieldVector right = arguments.get(1);
        ArrowBuf out = result.getDataBuffer();
        if (BroadcastKernel.isScalar(left, rowCount) && BroadcastKernel.isScalar(right, rowCount)) {
          long a = load(left.getDataBuffer(), width(left), 0) * leftFactor;
          long b = load(right.getDataBuffer(), width(right), 0) * rightFactor;
          boolean bit = ((mask >>> ((a > b ? 2 : 0) + (a == b ? 1 : 0))) & 1) != 0;
          if (bit) {
            Vectors.setAllValid(out, rowCount);
          }
        } else if (BroadcastKernel.isScalar(right, rowCount)) {
          long constant = load(right.getDataBuffer(), width(right), 0) * rightFactor;
          compareToConstant(mask, left.getDataBuffer(), width(left), leftFactor, constant, out, rowCount);
        } else if (BroadcastKernel.isScalar(left, rowCount)) {
          long constant = load(left.getDataBuffer(), width(left), 0) * leftFactor;
          compareToConstant(mirror(mask), right.getDataBuffer(), width(right), rightFactor, constant, out, rowCount);
        } else {
          ArrowBuf leftData = left.getDataBuffer();
          ArrowBuf rightData = right.getDataBuffer();
          int leftWidth = width(left);
          int rightWidth = width(right);
          for (int base = 0; base < rowCount; base += 8) {
            int end = Math.min(8, rowCount - base);
            int bits = 0;
            for (int k = 0; k < end; k++) {
              long a = load(leftData, leftWidth, base + k) * leftFactor;
              long b = load(rightData, rightWidth, base + k) * rightFactor;
              bits |= ((mask >>> ((a > b ? 2 : 0) + (a == b ? 1 : 0))) & 1) << k;
            }
            out.setByte(base >> 3, bits);
          }
        }
      }
      result.setValueCount(rowCount);
      return result;
    } catch (RuntimeException e) {
      result.close();
      throw e;
    }
  }

  private static void compareToConstant(int mask, ArrowBuf data, int width, long factor, long constant, ArrowBuf out,
      int rowCount) {
    for (int base = 0; base < rowCount; base += 8) {
      int end = Math.min(8, rowCount - base);
      int bits = 0;
      for (int k = 0; k < end; k++) {
        long a = load(data, width, base + k) * factor;
        bits |= ((mask >>> ((a > constant ? 2 : 0) + (a == constant ? 1 : 0))) & 1) << k;
      }
      out.setByte(base >> 3, bits);
    }
  }

  /** Bytes per value of a fixed-width vector (a decimal's 16, of which the low 8 are read). */
  static int width(FieldVector vector) {
    return ((BaseFixedWidthVector) vector).getTypeWidth();
  }

  /** Row {@code row}'s value of a fixed-width integer-like buffer of {@code width} bytes per value. */
  static long load(ArrowBuf data, int width, int row) {
    return switch (width) {
      case 8 -> data.getLong(row * 8L);
      case 4 -> data.getInt(row * 4L);
      case 16 -> data.getLong(row * 16L);
      case 2 -> data.getShort(row * 2L);
      default -> data.getByte(row);
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
