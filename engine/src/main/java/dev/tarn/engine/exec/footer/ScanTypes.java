package dev.tarn.engine.exec.footer;

import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Which Parquet column types the scan reads as which table types: the pairings of the Parquet reader's
 * {@code ColumnConversion}, which fails every other pairing with SCHEMA_MISMATCH. A footer may answer for a
 * column only when the scan could read it, or {@code count(col)} would return a number where the full scan
 * fails. {@code ScanTypesAgreementTest} checks that the two agree.
 */
public final class ScanTypes {

  private ScanTypes() {}

  /** Whether the scan converts values of {@code fileType} to {@code tableType} without SCHEMA_MISMATCH. */
  public static boolean readable(PrimitiveType fileType, ArrowType tableType) {
    LogicalTypeAnnotation logical = fileType.getLogicalTypeAnnotation();
    if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
      return decimal(fileType, decimal, tableType);
    }
    return switch (fileType.getPrimitiveTypeName()) {
      case BOOLEAN -> tableType instanceof ArrowType.Bool;
      case INT32 -> int32(logical, tableType);
      case INT64 -> int64(logical, tableType);
      case INT96 -> timestampMicros(tableType);
      case FLOAT -> tableType instanceof ArrowType.FloatingPoint floating
          && (floating.getPrecision() == FloatingPointPrecision.SINGLE
              || floating.getPrecision() == FloatingPointPrecision.DOUBLE);
      case DOUBLE -> tableType instanceof ArrowType.FloatingPoint floating
          && floating.getPrecision() == FloatingPointPrecision.DOUBLE;
      case BINARY -> tableType instanceof ArrowType.Binary || tableType instanceof ArrowType.Utf8 && text(logical);
      case FIXED_LEN_BYTE_ARRAY -> tableType instanceof ArrowType.Binary;
    };
  }

  private static boolean int32(LogicalTypeAnnotation logical, ArrowType tableType) {
    if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
      return tableType instanceof ArrowType.Date date && date.getUnit() == DateUnit.DAY;
    }
    int neededBits = 32;
    if (logical instanceof IntLogicalTypeAnnotation integer) {
      // Unsigned values need one more bit as signed values.
      neededBits = integer.isSigned() ? integer.getBitWidth() : integer.getBitWidth() + 1;
    } else if (logical != null) {
      return false;
    }
    return tableType instanceof ArrowType.Int table && table.getIsSigned() && neededBits <= table.getBitWidth();
  }

  private static boolean int64(LogicalTypeAnnotation logical, ArrowType tableType) {
    if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation) {
      return timestampMicros(tableType);
    }
    if (logical != null && !(logical instanceof IntLogicalTypeAnnotation integer && integer.isSigned())) {
      return false;
    }
    return tableType instanceof ArrowType.Int table && table.getIsSigned() && table.getBitWidth() == 64;
  }

  private static boolean decimal(PrimitiveType fileType, DecimalLogicalTypeAnnotation decimal, ArrowType tableType) {
    if (!(tableType instanceof ArrowType.Decimal table) || table.getBitWidth() != 128
        || table.getScale() < decimal.getScale()
        || table.getPrecision() - table.getScale() < decimal.getPrecision() - decimal.getScale()) {
      return false;
    }
    return switch (fileType.getPrimitiveTypeName()) {
      case INT32, INT64, BINARY, FIXED_LEN_BYTE_ARRAY -> true;
      default -> false;
    };
  }

  private static boolean text(LogicalTypeAnnotation logical) {
    return logical == null || logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
        || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
        || logical instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation;
  }

  private static boolean timestampMicros(ArrowType tableType) {
    return tableType instanceof ArrowType.Timestamp timestamp && timestamp.getUnit() == TimeUnit.MICROSECOND;
  }
}
