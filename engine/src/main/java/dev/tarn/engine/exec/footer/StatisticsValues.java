package dev.tarn.engine.exec.footer;

import dev.tarn.engine.exec.vector.TimeConversions;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.parquet.format.Statistics;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Column-chunk statistics as values of the table's type (Literal conventions), only when they are exact: taken
 * from {@code min_value}/{@code max_value} (never the deprecated {@code min}/{@code max}, whose sort order
 * depends on the writer), not marked inexact, and for strings explicitly marked exact, since writers truncate
 * long string statistics without saying so otherwise. Any pairing the scan would convert differently, or not at
 * all, gives null, and the caller falls back to reading the data.
 */
public final class StatisticsValues {

  private StatisticsValues() {}

  /** The chunk's null count, or -1 when unknown (a REQUIRED column without statistics has none). */
  public static long nullCount(Statistics statistics, PrimitiveType fileType) {
    if (statistics != null && statistics.isSetNull_count()) {
      return statistics.getNull_count();
    }
    return fileType.isRepetition(Type.Repetition.REQUIRED) ? 0 : -1;
  }

  /** The exact minimum as a value of {@code tableType}, or null when the statistics cannot say. */
  public static Object minimum(Statistics statistics, PrimitiveType fileType, ArrowType tableType) {
    if (statistics == null || !statistics.isSetMin_value()
        || !exact(statistics.isSetIs_min_value_exact(), statistics.isIs_min_value_exact(), tableType)) {
      return null;
    }
    return convert(statistics.getMin_value(), fileType, tableType);
  }

  /** The exact maximum as a value of {@code tableType}, or null when the statistics cannot say. */
  public static Object maximum(Statistics statistics, PrimitiveType fileType, ArrowType tableType) {
    if (statistics == null || !statistics.isSetMax_value()
        || !exact(statistics.isSetIs_max_value_exact(), statistics.isIs_max_value_exact(), tableType)) {
      return null;
    }
    return convert(statistics.getMax_value(), fileType, tableType);
  }

  private static boolean exact(boolean flagSet, boolean flag, ArrowType tableType) {
    if (tableType instanceof ArrowType.Utf8) {
      return flagSet && flag;
    }
    return !flagSet || flag;
  }

  /** The statistic's bytes (Parquet's plain encoding) as a value of {@code tableType}, or null. */
  static Object convert(byte[] bytes, PrimitiveType fileType, ArrowType tableType) {
    LogicalTypeAnnotation logical = fileType.getLogicalTypeAnnotation();
    if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
      return decimal(bytes, fileType, decimal, tableType);
    }
    switch (fileType.getPrimitiveTypeName()) {
      case BOOLEAN:
        return tableType instanceof ArrowType.Bool && bytes.length == 1 ? bytes[0] != 0 : null;
      case INT32:
        if (bytes.length != 4) {
          return null;
        }
        int value = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
          return tableType instanceof ArrowType.Date date && date.getUnit() == DateUnit.DAY
              ? LocalDate.ofEpochDay(value) : null;
        }
        return signedInteger(logical, 32, tableType) ? (Object) (long) value : null;
      case INT64:
        if (bytes.length != 8) {
          return null;
        }
        long wide = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (logical instanceof TimestampLogicalTypeAnnotation timestamp) {
          return timestamp(wide, timestamp, tableType);
        }
        return signedInteger(logical, 64, tableType) ? (Object) wide : null;
      case BINARY:
        boolean text = logical == null || logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
            || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
            || logical instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation;
        return text && tableType instanceof ArrowType.Utf8 ? new String(bytes, StandardCharsets.UTF_8) : null;
      default:
        // FLOAT and DOUBLE (NaN left out of statistics), INT96 (no defined order), FIXED_LEN_BYTE_ARRAY.
        return null;
    }
  }

  /** Signed integers only: unsigned statistics order differently from the signed values the scan produces. */
  private static boolean signedInteger(LogicalTypeAnnotation logical, int physicalBits, ArrowType tableType) {
    int fileBits = physicalBits;
    if (logical instanceof IntLogicalTypeAnnotation integer) {
      if (!integer.isSigned()) {
        return false;
      }
      fileBits = integer.getBitWidth();
    } else if (logical != null) {
      return false;
    }
    return tableType instanceof ArrowType.Int table && table.getIsSigned() && fileBits <= table.getBitWidth();
  }

  private static Object timestamp(long value, TimestampLogicalTypeAnnotation timestamp, ArrowType tableType) {
    if (!(tableType instanceof ArrowType.Timestamp table) || table.getUnit() != TimeUnit.MICROSECOND) {
      return null;
    }
    try {
      long micros = switch (timestamp.getUnit()) {
        case MILLIS -> Math.multiplyExact(value, 1000L);
        case MICROS -> value;
        case NANOS -> Math.floorDiv(value, 1000L);
      };
      return TimeConversions.fromMicros(micros);
    } catch (ArithmeticException | java.time.DateTimeException e) {
      return null;
    }
  }

  private static Object decimal(byte[] bytes, PrimitiveType fileType, DecimalLogicalTypeAnnotation decimal,
      ArrowType tableType) {
    if (!(tableType instanceof ArrowType.Decimal table) || table.getBitWidth() != 128
        || table.getScale() < decimal.getScale()
        || table.getPrecision() - table.getScale() < decimal.getPrecision() - decimal.getScale()) {
      return null;
    }
    BigInteger unscaled = switch (fileType.getPrimitiveTypeName()) {
      case INT32 -> bytes.length == 4
          ? BigInteger.valueOf(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt()) : null;
      case INT64 -> bytes.length == 8
          ? BigInteger.valueOf(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong()) : null;
      case BINARY, FIXED_LEN_BYTE_ARRAY -> bytes.length == 0 ? null : new BigInteger(bytes);
      default -> null;
    };
    return unscaled == null ? null : new BigDecimal(unscaled, decimal.getScale()).setScale(table.getScale());
  }
}
