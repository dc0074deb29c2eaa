package dev.tarn.engine.exec.aggregate;

import dev.tarn.engine.exec.vector.SqlTypes;
import dev.tarn.engine.exec.vector.Vectors;
import java.math.BigDecimal;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * MIN and MAX for every type, one accumulator per physical representation: longs (integers, booleans with
 * false &lt; true, dates, timestamps, short decimals as unscaled values), doubles, long decimals, and strings
 * (unsigned UTF-8 byte order, kept as one byte array per group).
 */
final class MinMaxAccumulators {
  private MinMaxAccumulators() {}

  static Accumulator create(ArrowType type, boolean minimum) {
    if (SqlTypes.isLongBacked(type) || SqlTypes.isShortDecimal(type)) {
      return new LongExtreme(minimum);
    }
    if (SqlTypes.isFloating(type)) {
      return new DoubleExtreme(minimum);
    }
    if (SqlTypes.isDecimal(type)) {
      return new DecimalExtreme(minimum);
    }
    if (SqlTypes.isString(type)) {
      return new StringExtreme(minimum);
    }
    return null;
  }

  private static final class LongExtreme implements Accumulator {
    private final boolean minimum;
    private long[] values = new long[16];
    private boolean[] present = new boolean[16];

    LongExtreme(boolean minimum) {
      this.minimum = minimum;
    }

    @Override
    public void add(FieldVector argument, int[] groupIds, int rowCount, int groupCount) {
      values = Accumulators.grow(values, groupCount);
      present = Accumulators.grow(present, groupCount);
      long[] input = Vectors.readLongs(argument, rowCount);
      ArrowBuf validity = argument.getValidityBuffer();
      for (int i = 0; i < rowCount; i++) {
        if (BitVectorHelper.get(validity, i) != 0) {
          int group = groupIds[i];
          if (!present[group] || (minimum ? input[i] < values[group] : input[i] > values[group])) {
            values[group] = input[i];
            present[group] = true;
          }
        }
      }
    }

    @Override
    public void merge(Accumulator other, int[] groupMap, int otherGroupCount, int groupCount) {
      LongExtreme partial = (LongExtreme) other;
      values = Accumulators.grow(values, groupCount);
      present = Accumulators.grow(present, groupCount);
      long[] partialValues = Accumulators.grow(partial.values, otherGroupCount);
      boolean[] partialPresent = Accumulators.grow(partial.present, otherGroupCount);
      for (int group = 0; group < otherGroupCount; group++) {
        int target = groupMap[group];
        long value = partialValues[group];
        if (partialPresent[group]
            && (!present[target] || (minimum ? value < values[target] : value > values[target]))) {
          values[target] = value;
          present[target] = true;
        }
      }
    }

    @Override
    public FieldVector result(Field field, int groupCount, BufferAllocator allocator) {
      values = Accumulators.grow(values, groupCount);
      present = Accumulators.grow(present, groupCount);
      return Accumulators.fromLongs(field, values, present, groupCount, allocator);
    }
  }

  private static final class DoubleExtreme implements Accumulator {
    private final boolean minimum;
    private double[] values = new double[16];
    private boolean[] present = new boolean[16];

    DoubleExtreme(boolean minimum) {
      this.minimum = minimum;
    }

    @Override
    public void add(FieldVector argument, int[] groupIds, int rowCount, int groupCount) {
      values = Accumulators.grow(values, groupCount);
      present = Accumulators.grow(present, groupCount);
      double[] input = Vectors.readDoubles(argument, rowCount);
      ArrowBuf validity = argument.getValidityBuffer();
      for (int i = 0; i < rowCount; i++) {
        if (BitVectorHelper.get(validity, i) != 0) {
          int group = groupIds[i];
          // Double.compare orders NaN above every number, as ORDER BY does.
          int sign = present[group] ? Double.compare(input[i], values[group]) : 0;
          if (!present[group] || (minimum ? sign < 0 : sign > 0)) {
            values[group] = input[i];
            present[group] = true;
          }
        }
      }
    }

    @Override
    public void merge(Accumulator other, int[] groupMap, int otherGroupCount, int groupCount) {
      DoubleExtreme partial = (DoubleExtreme) other;
      values = Accumulators.grow(values, groupCount);
      present = Accumulators.grow(present, groupCount);
      double[] partialValues = Accumulators.grow(partial.values, otherGroupCount);
      boolean[] partialPresent = Accumulators.grow(partial.present, otherGroupCount);
      for (int group = 0; group < otherGroupCount; group++) {
        if (!partialPresent[group]) {
          continue;
        }
        int target = groupMap[group];
        int sign = present[target] ? Double.compare(partialValues[group], values[target]) : 0;
        if (!present[target] || (minimum ? sign < 0 : sign > 0)) {
          values[target] = partialValues[group];
          present[target] = true;
        }
      }
    }

    @Override
    public FieldVector result(Field field, int groupCount, BufferAllocator allocator) {
      values = Accumulators.grow(values, groupCount);
      present = Accumulators.grow(present, groupCount);
      return Accumulators.fromDoubles(field, values, present, groupCount, allocator);
    }
  }

  private static final class DecimalExtreme implements Accumulator {
    private final boolean minimum;
    private BigDecimal[] values = new BigDecimal[16];

    DecimalExtreme(boolean minimum) {
      this.minimum = minimum;
    }

    @Override
    public void add(FieldVector argument, int[] groupIds, int rowCount, int groupCount) {
      values = Accumulators.grow(values, groupCount);
      DecimalVector decimals = (DecimalVector) argument;
      for (int i = 0; i < rowCount; i++) {
        if (!decimals.isNull(i)) {
          int group = groupIds[i];
          BigDecimal value = decimals.getObject(i);
          if (values[group] == null || (minimum ? value.compareTo(values[group]) < 0 : value.compareTo(values[group]) > 0)) {
            values[group] = value;
          }
        }
      }
    }

    @Override
    public void merge(Accumulator other, int[] groupMap, int otherGroupCount, int groupCount) {
      values = Accumulators.grow(values, groupCount);
      BigDecimal[] partial = Accumulators.grow(((DecimalExtreme) other).values, otherGroupCount);
      for (int group = 0; group < otherGroupCount; group++) {
        int target = groupMap[group];
        BigDecimal value = partial[group];
        if (value != null && (values[target] == null
            || (minimum ? value.compareTo(values[target]) < 0 : value.compareTo(values[target]) > 0))) {
          values[target] = value;
        }
      }
    }

    @Override
    public FieldVector result(Field field, int groupCount, BufferAllocator allocator) {
      values = Accumulators.grow(values, groupCount);
      FieldVector result = Vectors.allocate(field, groupCount, allocator);
      for (int group = 0; group < groupCount; group++) {
        Vectors.setValue(result, group, values[group]);
      }
      result.setValueCount(groupCount);
      return result;
    }
  }

  private static final class StringExtreme implements Accumulator {
    private final boolean minimum;
    private byte[][] values = new byte[16][];
    private byte[] scratch = new byte[64];

    StringExtreme(boolean minimum) {
      this.minimum = minimum;
    }

    @Override
    public void add(FieldVector argument, int[] groupIds, int rowCount, int groupCount) {
      values = Accumulators.grow(values, groupCount);
      VarCharVector strings = (VarCharVector) argument;
      ArrowBuf validity = strings.getValidityBuffer();
      ArrowBuf offsets = strings.getOffsetBuffer();
      ArrowBuf data = strings.getDataBuffer();
      for (int i = 0; i < rowCount; i++) {
        if (BitVectorHelper.get(validity, i) == 0) {
          continue;
        }
        int start = offsets.getInt(i * 4L);
        int length = offsets.getInt(i * 4L + 4) - start;
        if (scratch.length < length) {
          scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        data.getBytes(start, scratch, 0, length);
        int group = groupIds[i];
        byte[] current = values[group];
        int sign = current == null ? 0 : Arrays.compareUnsigned(scratch, 0, length, current, 0, current.length);
        if (current == null || (minimum ? sign < 0 : sign > 0)) {
          values[group] = Arrays.copyOf(scratch, length);
        }
      }
    }

    @Override
    public void merge(Accumulator other, int[] groupMap, int otherGroupCount, int groupCount) {
      values = Accumulators.grow(values, groupCount);
      byte[][] partial = Accumulators.grow(((StringExtreme) other).values, otherGroupCount);
      for (int group = 0; group < otherGroupCount; group++) {
        int target = groupMap[group];
        byte[] value = partial[group];
        byte[] current = values[target];
        int sign = value == null || current == null ? 0 : Arrays.compareUnsigned(value, current);
        if (value != null && (current == null || (minimum ? sign < 0 : sign > 0))) {
          values[target] = value;
        }
      }
    }

    @Override
    public FieldVector result(Field field, int groupCount, BufferAllocator allocator) {
      values = Accumulators.grow(values, groupCount);
      VarCharVector result = (VarCharVector) Vectors.allocate(field, groupCount, allocator);
      for (int group = 0; group < groupCount; group++) {
        if (values[group] != null) {
          result.setSafe(group, values[group]);
        }
      }
      result.setValueCount(groupCount);
      return result;
    }
  }
}
