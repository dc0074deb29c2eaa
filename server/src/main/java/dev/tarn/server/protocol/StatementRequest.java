package dev.tarn.server.protocol;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement with parameter values, as Tarn's remote client sends it: the Flight command of a GetFlightInfo call,
 * with the values as typed JSON, so that the engine binds on the server exactly the Java values the application
 * gave (as embedded). Flight SQL would bind them through DoPut as an Arrow batch, but writing Arrow IPC needs JVM
 * flags that a client application cannot be asked to add; reading it (results) does not.
 *
 * @param sql the statement
 * @param parameters one typed value per {@code ?} marker
 */
public record StatementRequest(String sql, List<Value> parameters) {

  /** The type URL that marks the command as Tarn's rather than Flight SQL's. */
  static final String TYPE_URL = "type.googleapis.com/dev.tarn.server.protocol.StatementRequest";

  /**
   * One parameter value: {@code type} names its Java type (null, boolean, tinyint, smallint, integer, bigint,
   * biginteger, real, double, decimal, varchar, date, timestamp); {@code value} is its exact text.
   */
  public record Value(String type, String value) {}

  /** The request for {@code sql} with {@code values} as {@link dev.tarn.engine.api.TarnSession#execute} takes them. */
  public static StatementRequest of(String sql, List<Object> values) {
    List<Value> parameters = new ArrayList<>(values.size());
    for (Object value : values) {
      parameters.add(encode(value));
    }
    return new StatementRequest(sql, parameters);
  }

  /** The Flight command bytes carrying this request. */
  public byte[] toCommand() {
    return Any.newBuilder().setTypeUrl(TYPE_URL).setValue(ByteString.copyFrom(ProtocolJson.write(this))).build()
        .toByteArray();
  }

  /** The request in a Flight command, or null if the command is not Tarn's (a Flight SQL command). */
  public static StatementRequest fromCommand(byte[] command) {
    try {
      Any any = Any.parseFrom(command);
      return TYPE_URL.equals(any.getTypeUrl()) ? ProtocolJson.read(any.getValue().toByteArray(),
          StatementRequest.class) : null;
    } catch (InvalidProtocolBufferException notAnAny) {
      return null;
    }
  }

  /** The parameter values as Java objects, of the types they were sent as. */
  public List<Object> values() {
    List<Object> values = new ArrayList<>(parameters.size());
    for (Value parameter : parameters) {
      values.add(decode(parameter));
    }
    return values;
  }

  private static Value encode(Object value) {
    if (value == null) {
      return new Value("null", null);
    }
    if (value instanceof java.sql.Date date) {
      return new Value("date", date.toLocalDate().toString());
    }
    if (value instanceof java.sql.Timestamp timestamp) {
      return new Value("timestamp", timestamp.toLocalDateTime().toString());
    }
    String type = value instanceof Boolean ? "boolean"
        : value instanceof Byte ? "tinyint"
        : value instanceof Short ? "smallint"
        : value instanceof Integer ? "integer"
        : value instanceof Long ? "bigint"
        : value instanceof BigInteger ? "biginteger"
        : value instanceof Float ? "real"
        : value instanceof Double ? "double"
        : value instanceof BigDecimal ? "decimal"
        : value instanceof String ? "varchar"
        : value instanceof LocalDate ? "date"
        : value instanceof LocalDateTime ? "timestamp"
        : null;
    if (type == null) {
      throw TarnException.notSupported("parameter of Java type " + value.getClass().getName());
    }
    return new Value(type, value.toString());
  }

  private static Object decode(Value parameter) {
    String text = parameter.value();
    return switch (parameter.type()) {
      case "null" -> null;
      case "boolean" -> Boolean.valueOf(text);
      case "tinyint" -> Byte.valueOf(text);
      case "smallint" -> Short.valueOf(text);
      case "integer" -> Integer.valueOf(text);
      case "bigint" -> Long.valueOf(text);
      case "biginteger" -> new BigInteger(text);
      case "real" -> Float.valueOf(text);
      case "double" -> Double.valueOf(text);
      case "decimal" -> new BigDecimal(text);
      case "varchar" -> text;
      case "date" -> LocalDate.parse(text);
      case "timestamp" -> LocalDateTime.parse(text);
      default -> throw new TarnException(ErrorCode.NOT_SUPPORTED, parameter.type(),
          "Unknown parameter type " + parameter.type() + " (a newer client?)");
    };
  }
}
