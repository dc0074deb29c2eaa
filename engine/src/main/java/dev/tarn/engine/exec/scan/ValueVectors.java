package dev.tarn.engine.exec.scan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Builds Arrow vectors from a few Java values (the classes of {@link dev.tarn.engine.plan.expr.Literal}):
 * partition values, metadata rows, constants. Not for bulk data: that is decoded straight into vectors.
 */
public final class ValueVectors {

  private ValueVectors() {}

  /** A vector of {@code rowCount} copies of {@code value} (null: all NULL). */
  public static FieldVector constant(Field field, Object value, int rowCount, BufferAllocator allocator) {
    return fromValues(field, Collections.nCopies(rowCount, value), allocator);
  }

  /** A vector holding {@code values} in order. */
  public static FieldVector fromValues(Field field, List<?> values, BufferAllocator allocator) {
    FieldVector vector = field.createVector(allocator);
    try {
      vector.setInitialCapacity(values.size());
      vector.allocateNew();
      for (int row = 0; row < values.size(); row++) {
        Object value = values.get(row);
        if (value == null) {
          vector.setNull(row);
        } else {
          set(vector, row, value);
        }
      }
      vector.setValueCount(values.size());
      return vector;
    } catch (RuntimeException e) {
      vector.close();
      throw e;
    }
  }

  private static void set(FieldVector vector, int row, Object value) {
    if (vector instanceof BitVector v) {
      v.setSafe(row, (Boolean) value ? 1 : 0);
    } else if (vector instanceof TinyIntVector v) {
      v.setSafe(row, ((Number) value).byteValue());
    } else if (vector instanceof SmallIntVector v) {
      v.setSafe(row, ((Number) value).shortValue());
    } else if (vector instanceof IntVector v) {
      v.setSafe(row, ((Number) value).intValue());
    } else if (vector instanceof BigIntVector v) {
      v.setSafe(row, ((Number) value).longValue());
    } else if (vector instanceof Float4Vector v) {
      v.setSafe(row, ((Number) value).floatValue());
    } else if (vector instanceof Float8Vector v) {
      v.setSafe(row, ((Number) value).doubleValue());
    } else if (vector instanceof DecimalVector v) {
      BigDecimal decimal = value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
      v.setSafe(row, decimal.setScale(v.getScale(), RoundingMode.HALF_UP));
    } else if (vector instanceof VarCharVector v) {
      v.setSafe(row, value.toString().getBytes(StandardCharsets.UTF_8));
    } else if (vector instanceof DateDayVector v) {
      v.setSafe(row, (int) ((LocalDate) value).toEpochDay());
    } else if (vector instanceof TimeStampMicroVector v) {
      LocalDateTime timestamp = (LocalDateTime) value;
      v.setSafe(row, ChronoUnit.MICROS.between(LocalDateTime.ofEpochSecond(0, 0, ZoneOffset.UTC), timestamp));
    } else {
      throw new IllegalArgumentException("No value setter for " + vector.getField());
    }
  }
}
