package dev.tarn.engine.parquet;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * How the values of one Parquet column become values of the requested Arrow type, chosen once per file: exactly
 * one of a {@link FixedWidthConverter} (numeric physical types), a {@link ByteArrayWriter} (byte arrays) or the
 * boolean path. Any other pairing fails with SCHEMA_MISMATCH naming file, column and both types.
 */
public final class ColumnConversion {

  private final FixedWidthConverter converter;
  private final ByteArrayWriter byteArrayWriter;
  /** The byte length of FIXED_LEN_BYTE_ARRAY values, or -1 for length-prefixed BYTE_ARRAY values. */
  private final int fixedLength;

  private ColumnConversion(FixedWidthConverter converter, ByteArrayWriter byteArrayWriter, int fixedLength) {
    this.converter = converter;
    this.byteArrayWriter = byteArrayWriter;
    this.fixedLength = fixedLength;
  }

  /** The numeric converter, or null if this column is boolean or byte arrays. */
  FixedWidthConverter converter() {
    return converter;
  }

  /** The byte array writer, or null if this column is numeric or boolean. */
  ByteArrayWriter byteArrayWriter() {
    return byteArrayWriter;
  }

  /** The byte length of FIXED_LEN_BYTE_ARRAY values, or -1 for length-prefixed BYTE_ARRAY values. */
  int fixedLength() {
    return fixedLength;
  }

  boolean isBoolean() {
    return converter == null && byteArrayWriter == null;
  }

  /**
   * Whether the scan reads {@code fileType} values as {@code tableType} (else it fails with SCHEMA_MISMATCH):
   * footer aggregates answer for a column only when the scan could read it.
   */
  public static boolean readable(PrimitiveType fileType, ArrowType tableType) {
    return find("", fileType, tableType) != null;
  }

  /** The conversion from {@code fileType} to {@code tableType}, or SCHEMA_MISMATCH if Tarn cannot convert. */
  static ColumnConversion resolve(String location, PrimitiveType fileType, ArrowType tableType) {
    ColumnConversion conversion = find(location, fileType, tableType);
    if (conversion == null && fileType.getLogicalTypeAnnotation() instanceof DecimalLogicalTypeAnnotation decimal
        && tableType instanceof ArrowType.Decimal table && table.getBitWidth() == 128) {
      throw new TarnException(ErrorCode.SCHEMA_MISMATCH, location, "column " + fileType.getName() + " in file "
          + location + " is decimal(" + decimal.getPrecision() + "," + decimal.getScale()
          + "), which would lose digits as table type decimal(" + table.getPrecision() + "," + table.getScale() + ")");
    }
    if (conversion == null) {
      throw new TarnException(ErrorCode.SCHEMA_MISMATCH, location, "column " + fileType.getName() + " in file "
          + location + " has Parquet type " + fileType + ", which cannot be read as table type " + tableType);
    }
    return conversion;
  }

  private static ColumnConversion find(String location, PrimitiveType fileType, ArrowType tableType) {
    LogicalTypeAnnotation logical = fileType.getLogicalTypeAnnotation();
    if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
      return decimal(location, fileType, decimal, tableType);
    }
    switch (fileType.getPrimitiveTypeName()) {
      case BOOLEAN:
        return tableType instanceof ArrowType.Bool ? new ColumnConversion(null, null, -1) : null;
      case INT32:
        return int32(logical, tableType);
      case INT64:
        return int64(logical, tableType);
      case INT96:
        return isTimestampMicros(tableType) ? numeric(FixedWidthConverters.int96ToMicros()) : null;
      case FLOAT:
        if (tableType instanceof ArrowType.FloatingPoint floating) {
          return numeric(floating.getPrecision() == FloatingPointPrecision.SINGLE
              ? FixedWidthConverters.copy(4)
              : floating.getPrecision() == FloatingPointPrecision.DOUBLE ? FixedWidthConverters.floatToDouble() : null);
        }
        return null;
      case DOUBLE:
        return tableType instanceof ArrowType.FloatingPoint floating
            && floating.getPrecision() == FloatingPointPrecision.DOUBLE ? numeric(FixedWidthConverters.copy(8)) : null;
      case BINARY:
        return binary(logical, tableType, -1);
      case FIXED_LEN_BYTE_ARRAY:
        return binary(logical, tableType, fileType.getTypeLength());
      default:
        return null;
    }
  }

  private static ColumnConversion int32(LogicalTypeAnnotation logical, ArrowType tableType) {
    if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
      return tableType instanceof ArrowType.Date date && date.getUnit() == DateUnit.DAY
          ? numeric(FixedWidthConverters.copy(4)) : null;
    }
    int fileBits = 32;
    boolean unsigned = false;
    if (logical instanceof IntLogicalTypeAnnotation integer) {
      fileBits = integer.getBitWidth();
      unsigned = !integer.isSigned();
    } else if (logical != null) {
      return null;
    }
    if (!(tableType instanceof ArrowType.Int table) || !table.getIsSigned()) {
      return null;
    }
    // Unsigned values need one more bit as signed values: UINT(8) fits smallint, UINT(32) only bigint.
    int neededBits = unsigned ? fileBits + 1 : fileBits;
    if (neededBits > table.getBitWidth()) {
      return null;
    }
    return switch (table.getBitWidth()) {
      case 8 -> numeric(FixedWidthConverters.intToByte());
      case 16 -> numeric(FixedWidthConverters.intToShort());
      case 32 -> numeric(FixedWidthConverters.copy(4));
      default -> numeric(FixedWidthConverters.intToLong(unsigned && fileBits == 32));
    };
  }

  private static ColumnConversion int64(LogicalTypeAnnotation logical, ArrowType tableType) {
    if (logical instanceof TimestampLogicalTypeAnnotation timestamp) {
      if (!isTimestampMicros(tableType)) {
        return null;
      }
      return switch (timestamp.getUnit()) {
        case MILLIS -> numeric(FixedWidthConverters.multiplyLong(1000));
        case MICROS -> numeric(FixedWidthConverters.copy(8));
        case NANOS -> numeric(FixedWidthConverters.floorDivideLong(1000));
      };
    }
    if (logical instanceof IntLogicalTypeAnnotation integer && !integer.isSigned() || logical != null
        && !(logical instanceof IntLogicalTypeAnnotation)) {
      return null;
    }
    return tableType instanceof ArrowType.Int table && table.getIsSigned() && table.getBitWidth() == 64
        ? numeric(FixedWidthConverters.copy(8)) : null;
  }

  private static ColumnConversion binary(LogicalTypeAnnotation logical, ArrowType tableType, int fixedLength) {
    if (tableType instanceof ArrowType.Binary) {
      return new ColumnConversion(null, ByteArrayWriter.variableWidth(), fixedLength);
    }
    boolean text = logical == null
        || logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
        || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
        || logical instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation;
    return tableType instanceof ArrowType.Utf8 && text && fixedLength < 0
        ? new ColumnConversion(null, ByteArrayWriter.variableWidth(), fixedLength) : null;
  }

  private static ColumnConversion decimal(String location, PrimitiveType fileType,
      DecimalLogicalTypeAnnotation decimal, ArrowType tableType) {
    if (!(tableType instanceof ArrowType.Decimal table) || table.getBitWidth() != 128) {
      return null;
    }
    int scaleIncrease = table.getScale() - decimal.getScale();
    int fileIntegerDigits = decimal.getPrecision() - decimal.getScale();
    if (scaleIncrease < 0 || table.getPrecision() - table.getScale() < fileIntegerDigits) {
      return null; // it would lose digits
    }
    return switch (fileType.getPrimitiveTypeName()) {
      case INT32 -> numeric(FixedWidthConverters.toDecimal(4, scaleIncrease));
      case INT64 -> numeric(FixedWidthConverters.toDecimal(8, scaleIncrease));
      case BINARY -> new ColumnConversion(null, ByteArrayWriter.decimal(scaleIncrease), -1);
      case FIXED_LEN_BYTE_ARRAY ->
          new ColumnConversion(null, ByteArrayWriter.decimal(scaleIncrease), fileType.getTypeLength());
      default -> null;
    };
  }

  private static boolean isTimestampMicros(ArrowType tableType) {
    return tableType instanceof ArrowType.Timestamp timestamp && timestamp.getUnit() == TimeUnit.MICROSECOND;
  }

  private static ColumnConversion numeric(FixedWidthConverter converter) {
    return converter == null ? null : new ColumnConversion(converter, null, -1);
  }
}
