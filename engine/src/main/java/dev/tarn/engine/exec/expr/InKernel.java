package dev.tarn.engine.exec.expr;

import dev.tarn.engine.exec.vector.LongHashSet;
import dev.tarn.engine.exec.vector.SqlTypes;
import dev.tarn.engine.exec.vector.TimeConversions;
import dev.tarn.engine.exec.vector.Validity;
import dev.tarn.engine.exec.vector.Vectors;
import dev.tarn.engine.plan.expr.Call;
import dev.tarn.engine.plan.expr.Expr;
import dev.tarn.engine.plan.expr.Literal;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * {@code value IN (literal, ...)}: the literal list becomes a hash set once at plan time (longs for integers,
 * dates, timestamps, booleans, short decimals and float bits; bytes for strings). The result is true when the
 * value is in the set, NULL when it is not and the value or some element is NULL, else false.
 */
final class InKernel {
  private InKernel() {}

  /** Tests the rows of one vector for membership, writing a match bit per valid row. */
  @FunctionalInterface
  private interface Matcher {
    void match(FieldVector value, ArrowBuf valid, ArrowBuf out, int rowCount);
  }

  static VectorExpression compile(Call call, List<VectorExpression> arguments) {
    List<Expr> args = call.args();
    if (args.size() < 2 || !args.subList(1, args.size()).stream().allMatch(a -> a instanceof Literal)) {
      return null;
    }
    ArrowType type = args.get(0).type();
    List<Object> elements = args.subList(1, args.size()).stream().map(a -> ((Literal) a).value()).toList();
    boolean listHasNull = elements.contains(null);
    List<Object> present = elements.stream().filter(e -> e != null).toList();
    Matcher matcher = matcher(type, present);
    if (matcher == null) {
      return null;
    }
    Field field = new Field("in", FieldType.nullable(new ArrowType.Bool()), null);
    Kernel kernel = (values, rowCount, allocator) -> apply(field, values.get(0), matcher, listHasNull, rowCount,
        allocator);
    return new CallExpression("in", kernel, List.of(arguments.get(0)), call.type());
  }

  private static FieldVector apply(Field field, FieldVector value, Matcher matcher, boolean listHasNull,
      int rowCount, BufferAllocator allocator) {
    FieldVector result = Vectors.allocate(field, rowCount, allocator);
    try {
      Validity.intersect(List.of(value), result, rowCount);
      ArrowBuf valid = result.getValidityBuffer();
      ArrowBuf out = result.getDataBuffer();
      if (!SqlTypes.isNull(value.getField().getType())) {
        matcher.match(value, valid, out, rowCount);
        if (listHasNull) {
          // Not found and the list holds NULL: the answer is unknown.
          for (int i = 0; i < rowCount; i++) {
            if (BitVectorHelper.get(out, i) == 0) {
              BitVectorHelper.unsetBit(valid, i);
            }
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

  private static Matcher matcher(ArrowType type, List<Object> elements) {
    if (SqlTypes.isNull(type)) {
      return (value, valid, out, rowCount) -> { };
    }
    if (SqlTypes.isLongBacked(type)) {
      LongHashSet set = new LongHashSet();
      for (Object element : elements) {
        set.add(asLong(element));
      }
      return (value, valid, out, rowCount) -> matchLongs(set, value, out, rowCount);
    }
    if (SqlTypes.isFloating(type)) {
      LongHashSet set = new LongHashSet();
      for (Object element : elements) {
        double number = (Double) element;
        if (!Double.isNaN(number)) {
          set.add(Double.doubleToLongBits(number + 0.0));
        }
      }
      return (value, valid, out, rowCount) -> {
        double[] values = Vectors.readDoubles(value, rowCount);
        for (int i = 0; i < rowCount; i++) {
          // Adding 0.0 turns -0.0 into 0.0 so both find the same bits; NaN equals nothing.
          boolean found = !Double.isNaN(values[i]) && set.contains(Double.doubleToLongBits(values[i] + 0.0));
          BitVectorHelper.setValidityBit(out, i, found ? 1 : 0);
        }
      };
    }
    if (SqlTypes.isShortDecimal(type)) {
      LongHashSet set = new LongHashSet();
      for (Object element : elements) {
        BigDecimal atScale = atScale((BigDecimal) element, SqlTypes.scale(type));
        if (atScale != null && atScale.unscaledValue().bitLength() < 64) {
          set.add(atScale.unscaledValue().longValue());
        }
      }
      return (value, valid, out, rowCount) -> matchLongs(set, value, out, rowCount);
    }
    if (SqlTypes.isDecimal(type)) {
      Set<BigDecimal> set = new HashSet<>();
      for (Object element : elements) {
        BigDecimal atScale = atScale((BigDecimal) element, SqlTypes.scale(type));
        if (atScale != null) {
          set.add(atScale);
        }
      }
      return (value, valid, out, rowCount) -> {
        DecimalVector decimals = (DecimalVector) value;
        for (int i = 0; i < rowCount; i++) {
          if (Validity.isValid(valid, i)) {
            BitVectorHelper.setValidityBit(out, i, set.contains(decimals.getObject(i)) ? 1 : 0);
          }
        }
      };
    }
    if (SqlTypes.isString(type)) {
      Set<ByteBuffer> set = new HashSet<>();
      int longest = 0;
      for (Object element : elements) {
        byte[] bytes = ((String) element).getBytes(StandardCharsets.UTF_8);
        set.add(ByteBuffer.wrap(bytes));
        longest = Math.max(longest, bytes.length);
      }
      int maximumLength = longest;
      // Lengths some element has: a row of any other length is not looked up (nor copied).
      boolean[] lengths = new boolean[longest + 1];
      byte[][] list = new byte[elements.size()][];
      for (int e = 0; e < list.length; e++) {
        list[e] = ((String) elements.get(e)).getBytes(StandardCharsets.UTF_8);
        lengths[list[e].length] = true;
      }
      boolean linear = list.length <= 8;
      return (value, valid, out, rowCount) -> {
        ArrowBuf offsets = ((VarCharVector) value).getOffsetBuffer();
        ArrowBuf data = value.getDataBuffer();
        byte[] scratch = new byte[maximumLength];
        // One reusable view over the scratch bytes: ByteBuffer equality and hashing look at position..limit only.
        ByteBuffer probe = ByteBuffer.wrap(scratch);
        for (int i = 0; i < rowCount; i++) {
          int start = offsets.getInt(i * 4L);
          int length = offsets.getInt(i * 4L + 4) - start;
          boolean found = false;
          if (length <= maximumLength && lengths[length] && Validity.isValid(valid, i)) {
            data.getBytes(start, scratch, 0, length);
            if (linear) {
              for (int e = 0; e < list.length && !found; e++) {
                found = Arrays.equals(scratch, 0, length, list[e], 0, list[e].length);
              }
            } else {
              probe.clear().limit(length);
              found = set.contains(probe);
            }
          }
          BitVectorHelper.setValidityBit(out, i, found ? 1 : 0);
        }
      };
    }
    return null;
  }

  /**
   * Membership of integer-like values (a short decimal's low word), read in place and written eight result bits
   * per byte; booleans, one bit each, are read as bits.
   */
  private static void matchLongs(LongHashSet set, FieldVector value, ArrowBuf out, int rowCount) {
    if (value instanceof BitVector) {
      long[] values = Vectors.readLongs(value, rowCount);
      for (int i = 0; i < rowCount; i++) {
        BitVectorHelper.setValidityBit(out, i, set.contains(values[i]) ? 1 : 0);
      }
      return;
    }
    ArrowBuf data = value.getDataBuffer();
    int width = ComparisonKernels.width(value);
    for (int base = 0; base < rowCount; base += 8) {
      int end = Math.min(8, rowCount - base);
      int bits = 0;
      for (int k = 0; k < end; k++) {
        bits |= (set.contains(ComparisonKernels.load(data, width, base + k)) ? 1 : 0) << k;
      }
      out.setByte(base >> 3, bits);
    }
  }

  /** The element at the value's scale, or null when it has more digits there and so can never be equal. */
  private static BigDecimal atScale(BigDecimal element, int scale) {
    try {
      return element.setScale(scale);
    } catch (ArithmeticException e) {
      return null;
    }
  }

  private static long asLong(Object element) {
    if (element instanceof Long number) {
      return number;
    } else if (element instanceof Boolean bool) {
      return bool ? 1 : 0;
    } else if (element instanceof LocalDate date) {
      return TimeConversions.toDays(date);
    } else if (element instanceof LocalDateTime timestamp) {
      return TimeConversions.toMicros(timestamp);
    }
    throw new IllegalArgumentException("IN element of class " + element.getClass().getName());
  }
}
