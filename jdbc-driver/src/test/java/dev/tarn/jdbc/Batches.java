package dev.tarn.jdbc;

import dev.tarn.engine.exec.Batch;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/** Builds Arrow batches column by column from Java values (null for SQL NULL), as the engine would emit them. */
public final class Batches {

  private final BufferAllocator allocator;
  private final List<FieldVector> columns = new ArrayList<>();
  private int rowCount = -1;

  private Batches(BufferAllocator allocator) {
    this.allocator = allocator;
  }

  public static Batches with(BufferAllocator allocator) {
    return new Batches(allocator);
  }

  public static Field field(String name, ArrowType type) {
    return new Field(name, FieldType.nullable(type), null);
  }

  public static final ArrowType BOOL = ArrowType.Bool.INSTANCE;
  public static final ArrowType INT8 = new ArrowType.Int(8, true);
  public static final ArrowType INT16 = new ArrowType.Int(16, true);
  public static final ArrowType INT32 = new ArrowType.Int(32, true);
  public static final ArrowType INT64 = new ArrowType.Int(64, true);
  public static final ArrowType FLOAT4 = new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
  public static final ArrowType FLOAT8 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
  public static final ArrowType UTF8 = ArrowType.Utf8.INSTANCE;
  public static final ArrowType DATE = new ArrowType.Date(DateUnit.DAY);
  public static final ArrowType TIMESTAMP = new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);

  public static ArrowType decimal(int precision, int scale) {
    return new ArrowType.Decimal(precision, scale, 128);
  }

  public static Schema schema(Field... fields) {
    return new Schema(List.of(fields));
  }

  /** Adds a column of {@code field}'s type holding {@code values}. */
  public Batches column(Field field, Object... values) {
    FieldVector vector = field.createVector(allocator);
    vector.allocateNew();
    for (int row = 0; row < values.length; row++) {
      Object value = values[row];
      if (value == null) {
        vector.setNull(row);
        continue;
      }
      if (vector instanceof BitVector bits) {
        bits.setSafe(row, (Boolean) value ? 1 : 0);
      } else if (vector instanceof TinyIntVector tiny) {
        tiny.setSafe(row, ((Number) value).byteValue());
      } else if (vector instanceof SmallIntVector small) {
        small.setSafe(row, ((Number) value).shortValue());
      } else if (vector instanceof IntVector ints) {
        ints.setSafe(row, ((Number) value).intValue());
      } else if (vector instanceof BigIntVector longs) {
        longs.setSafe(row, ((Number) value).longValue());
      } else if (vector instanceof Float4Vector floats) {
        floats.setSafe(row, ((Number) value).floatValue());
      } else if (vector instanceof Float8Vector doubles) {
        doubles.setSafe(row, ((Number) value).doubleValue());
      } else if (vector instanceof DecimalVector decimals) {
        decimals.setSafe(row, (BigDecimal) value);
      } else if (vector instanceof VarCharVector text) {
        text.setSafe(row, ((String) value).getBytes(StandardCharsets.UTF_8));
      } else if (vector instanceof DateDayVector dates) {
        dates.setSafe(row, (int) ((LocalDate) value).toEpochDay());
      } else if (vector instanceof TimeStampMicroVector timestamps) {
        LocalDateTime dateTime = (LocalDateTime) value;
        timestamps.setSafe(row, dateTime.toEpochSecond(ZoneOffset.UTC) * 1_000_000 + dateTime.getNano() / 1_000);
      } else {
        throw new IllegalArgumentException("No builder for " + vector.getClass());
      }
    }
    vector.setValueCount(values.length);
    rowCount = values.length;
    columns.add(vector);
    return this;
  }

  public Batch build() {
    return new Batch(columns, Math.max(rowCount, 0));
  }
}
