package dev.tarn.server.protocol;

import dev.tarn.engine.TarnException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TimeStampNanoVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Statement parameters as Flight SQL binds them: one Arrow row per execution. The server reads rows from any
 * client (Arrow's JDBC driver writes the types the server described; ADBC its own) into the Java values
 * {@link dev.tarn.engine.api.TarnSession#execute(String, List)} takes; Tarn's client writes each value in the
 * Arrow type of its Java type, so the engine binds exactly what it would bind embedded.
 */
public final class ParameterValues {

  private static final int MAX_DECIMAL_PRECISION = 38;
  private static final int MAX_DECIMAL256_PRECISION = 76;

  private ParameterValues() {}

  /** The values of row {@code row}, in column order. */
  public static List<Object> read(VectorSchemaRoot parameters, int row) {
    List<Object> values = new ArrayList<>(parameters.getFieldVectors().size());
    for (FieldVector vector : parameters.getFieldVectors()) {
      values.add(vector.isNull(row) ? null : value(vector, row));
    }
    return values;
  }

  private static Object value(FieldVector vector, int row) {
    if (vector instanceof UInt8Vector unsigned) {
      return unsigned.getObjectNoOverflow(row);
    }
    if (vector instanceof BaseIntVector integer) {
      return integer.getValueAsLong(row);
    }
    if (vector instanceof BitVector || vector instanceof Float4Vector || vector instanceof Float8Vector
        || vector instanceof DecimalVector || vector instanceof Decimal256Vector) {
      return vector.getObject(row);
    }
    if (vector.getField().getType() instanceof ArrowType.Utf8
        || vector.getField().getType() instanceof ArrowType.LargeUtf8) {
      return vector.getObject(row).toString();
    }
    if (vector instanceof DateDayVector days) {
      return LocalDate.ofEpochDay(days.get(row));
    }
    if (vector instanceof DateMilliVector millis) {
      return millis.getObject(row).toLocalDate();
    }
    if (vector instanceof TimeStampVector timestamp) {
      return localDateTime(timestamp, row);
    }
    throw TarnException.notSupported("parameter of Arrow type " + vector.getField().getType());
  }

  /** A timestamp without zone as it reads; one with a zone as the wall-clock time in that zone. */
  private static LocalDateTime localDateTime(TimeStampVector vector, int row) {
    ArrowType.Timestamp type = (ArrowType.Timestamp) vector.getField().getType();
    long value = vector.get(row);
    Instant instant = switch (type.getUnit()) {
      case SECOND -> Instant.ofEpochSecond(value);
      case MILLISECOND -> Instant.ofEpochMilli(value);
      case MICROSECOND -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1000);
      case NANOSECOND -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000_000L), Math.floorMod(value, 1_000_000_000L));
    };
    ZoneId zone = type.getTimezone() == null ? ZoneOffset.UTC : ZoneId.of(type.getTimezone());
    return LocalDateTime.ofInstant(instant, zone);
  }

  /**
   * A one-row root holding {@code values} (null, Boolean, Byte, Short, Integer, Long, BigInteger, Float, Double,
   * BigDecimal, String, LocalDate, LocalDateTime, java.sql.Date, java.sql.Timestamp); the caller closes it.
   */
  public static VectorSchemaRoot write(List<Object> values, BufferAllocator allocator) {
    List<FieldVector> vectors = new ArrayList<>(values.size());
    try {
      for (int index = 0; index < values.size(); index++) {
        vectors.add(vector("parameter_" + (index + 1), values.get(index), allocator));
      }
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
    VectorSchemaRoot root = new VectorSchemaRoot(vectors);
    root.setRowCount(1);
    return root;
  }

  private static FieldVector vector(String name, Object value, BufferAllocator allocator) {
    if (value == null) {
      return new NullVector(Field.nullable(name, ArrowType.Null.INSTANCE), 1);
    }
    if (value instanceof Boolean bool) {
      BitVector vector = new BitVector(name, allocator);
      vector.setSafe(0, bool ? 1 : 0);
      return counted(vector);
    }
    if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
      BigIntVector vector = new BigIntVector(name, allocator);
      vector.setSafe(0, ((Number) value).longValue());
      return counted(vector);
    }
    if (value instanceof BigInteger integer) {
      return decimal(name, new BigDecimal(integer), allocator);
    }
    if (value instanceof BigDecimal decimal) {
      return decimal(name, decimal, allocator);
    }
    if (value instanceof Float real) {
      Float4Vector vector = new Float4Vector(name, allocator);
      vector.setSafe(0, real);
      return counted(vector);
    }
    if (value instanceof Double real) {
      Float8Vector vector = new Float8Vector(name, allocator);
      vector.setSafe(0, real);
      return counted(vector);
    }
    if (value instanceof String text) {
      VarCharVector vector = new VarCharVector(name, allocator);
      vector.setSafe(0, text.getBytes(StandardCharsets.UTF_8));
      return counted(vector);
    }
    if (value instanceof java.sql.Date date) {
      return date(name, date.toLocalDate(), allocator);
    }
    if (value instanceof LocalDate date) {
      return date(name, date, allocator);
    }
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp(name, timestamp.toLocalDateTime(), allocator);
    }
    if (value instanceof LocalDateTime timestamp) {
      return timestamp(name, timestamp, allocator);
    }
    throw TarnException.notSupported("parameter of Java type " + value.getClass().getName());
  }

  private static FieldVector decimal(String name, BigDecimal value, BufferAllocator allocator) {
    BigDecimal decimal = value.scale() < 0 ? value.setScale(0, RoundingMode.UNNECESSARY) : value;
    int precision = Math.max(Math.max(decimal.precision(), decimal.scale()), 1);
    if (precision <= MAX_DECIMAL_PRECISION) {
      DecimalVector vector = new DecimalVector(name, allocator, precision, decimal.scale());
      vector.setSafe(0, decimal);
      return counted(vector);
    }
    if (precision <= MAX_DECIMAL256_PRECISION) {
      Decimal256Vector vector = new Decimal256Vector(name, allocator, precision, decimal.scale());
      vector.setSafe(0, decimal);
      return counted(vector);
    }
    throw TarnException.notSupported("decimal parameter of " + precision + " digits (at most "
        + MAX_DECIMAL256_PRECISION + ")");
  }

  private static FieldVector date(String name, LocalDate date, BufferAllocator allocator) {
    DateDayVector vector = new DateDayVector(name, allocator);
    vector.setSafe(0, Math.toIntExact(date.toEpochDay()));
    return counted(vector);
  }

  /** Nanoseconds where they fit in a long (years 1677 to 2262), microseconds beyond. */
  private static FieldVector timestamp(String name, LocalDateTime timestamp, BufferAllocator allocator) {
    Instant instant = timestamp.toInstant(ZoneOffset.UTC);
    long seconds = instant.getEpochSecond();
    try {
      long nanos = Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), instant.getNano());
      TimeStampNanoVector vector = new TimeStampNanoVector(
          Field.nullable(name, new ArrowType.Timestamp(TimeUnit.NANOSECOND, null)), allocator);
      vector.setSafe(0, nanos);
      return counted(vector);
    } catch (ArithmeticException outsideNanoRange) {
      if (instant.getNano() % 1000 != 0) {
        throw TarnException.notSupported("timestamp parameter " + timestamp + " with nanoseconds outside 1677-2262");
      }
      long micros = Math.addExact(Math.multiplyExact(seconds, 1_000_000L), instant.getNano() / 1000);
      TimeStampMicroVector vector = new TimeStampMicroVector(
          Field.nullable(name, new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)), allocator);
      vector.setSafe(0, micros);
      return counted(vector);
    }
  }

  private static FieldVector counted(FieldVector vector) {
    vector.setValueCount(1);
    return vector;
  }
}
