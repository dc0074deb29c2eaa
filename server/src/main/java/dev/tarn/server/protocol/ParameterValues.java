package dev.tarn.server.protocol;

import dev.tarn.engine.TarnException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Statement parameters as Flight SQL clients bind them: one Arrow row per execution (Arrow's JDBC driver writes the
 * types the server described, ADBC its own), read into the Java values
 * {@link dev.tarn.engine.api.TarnSession#execute(String, List)} takes. (Tarn's own client sends a
 * {@link StatementRequest} instead.)
 */
public final class ParameterValues {

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
}
