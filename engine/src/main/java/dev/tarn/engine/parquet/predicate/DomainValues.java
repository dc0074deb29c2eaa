package dev.tarn.engine.parquet.predicate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * The canonical, mutually comparable form of the values pruning compares: every number is a BigDecimal, strings
 * are {@link ByteKey}s, dates LocalDate, timestamps LocalDateTime (UTC wall clock, micros as the reader keeps them),
 * booleans Boolean. Literals and Parquet statistics meet here; values of different classes are never compared.
 */
public final class DomainValues {

  private DomainValues() {}

  /** A plan literal's value in canonical form, or null when it has none usable for pruning (NULL, NaN, infinities). */
  @SuppressWarnings("unchecked")
  public static Comparable<Object> fromLiteral(Object value) {
    Object canonical;
    if (value instanceof Long number) {
      canonical = BigDecimal.valueOf(number);
    } else if (value instanceof Double number) {
      canonical = Double.isFinite(number) ? new BigDecimal(number) : null;
    } else if (value instanceof String text) {
      canonical = ByteKey.of(text);
    } else if (value instanceof BigDecimal || value instanceof LocalDate || value instanceof LocalDateTime
        || value instanceof Boolean) {
      canonical = value;
    } else {
      canonical = null;
    }
    return (Comparable<Object>) canonical;
  }

  /**
   * A value of {@code type} in Parquet's PLAIN encoding (as statistics, column indexes and dictionaries hold it),
   * in canonical form; null when Tarn does not prune on this type (INT96, UINT64, times, intervals) or the value is
   * not an ordered number (NaN).
   */
  @SuppressWarnings("unchecked")
  public static Comparable<Object> fromPlain(PrimitiveType type, byte[] plain) {
    if (plain == null) {
      return null;
    }
    try {
      return convert(type, plain);
    } catch (ArithmeticException outOfRange) {
      return null;
    }
  }

  @SuppressWarnings("unchecked")
  private static Comparable<Object> convert(PrimitiveType type, byte[] plain) {
    LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
    ByteBuffer buffer = ByteBuffer.wrap(plain).order(ByteOrder.LITTLE_ENDIAN);
    Object value = switch (type.getPrimitiveTypeName()) {
      case BOOLEAN -> plain.length == 1 ? plain[0] != 0 : null;
      case INT32 -> plain.length == 4 ? int32(logical, buffer.getInt(0)) : null;
      case INT64 -> plain.length == 8 ? int64(logical, buffer.getLong(0)) : null;
      case FLOAT -> plain.length == 4 && Float.isFinite(buffer.getFloat(0)) ? new BigDecimal(buffer.getFloat(0)) : null;
      case DOUBLE -> plain.length == 8 && Double.isFinite(buffer.getDouble(0)) ? new BigDecimal(buffer.getDouble(0))
          : null;
      case BINARY, FIXED_LEN_BYTE_ARRAY -> logical instanceof DecimalLogicalTypeAnnotation decimal
          ? (plain.length == 0 ? null : new BigDecimal(new BigInteger(plain), decimal.getScale()))
          : isText(logical) ? new ByteKey(plain) : null;
      default -> null;
    };
    return (Comparable<Object>) value;
  }

  /** Whether the column's bytes are text that reads as Utf8, so its statistics use unsigned byte order. */
  public static boolean isText(LogicalTypeAnnotation logical) {
    return logical == null || logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
        || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
        || logical instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation;
  }

  /** Whether two canonical values may be compared (same class). */
  public static boolean comparable(Object a, Object b) {
    return a != null && b != null && a.getClass() == b.getClass();
  }

  private static Object int32(LogicalTypeAnnotation logical, int value) {
    if (logical == null) {
      return BigDecimal.valueOf(value);
    }
    if (logical instanceof IntLogicalTypeAnnotation integer) {
      return BigDecimal.valueOf(integer.isSigned() ? value : Integer.toUnsignedLong(value));
    }
    if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
      return LocalDate.ofEpochDay(value);
    }
    if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
      return BigDecimal.valueOf(value, decimal.getScale());
    }
    return null;
  }

  private static Object int64(LogicalTypeAnnotation logical, long value) {
    if (logical == null) {
      return BigDecimal.valueOf(value);
    }
    if (logical instanceof IntLogicalTypeAnnotation integer) {
      return integer.isSigned() ? BigDecimal.valueOf(value) : null;
    }
    if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
      return BigDecimal.valueOf(value, decimal.getScale());
    }
    if (logical instanceof TimestampLogicalTypeAnnotation timestamp) {
      // The reader floors nanos to micros, so a bound is compared as the value the reader will produce.
      long micros = switch (timestamp.getUnit()) {
        case MILLIS -> Math.multiplyExact(value, 1000L);
        case MICROS -> value;
        case NANOS -> Math.floorDiv(value, 1000L);
      };
      return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
          (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
    }
    return null;
  }
}
