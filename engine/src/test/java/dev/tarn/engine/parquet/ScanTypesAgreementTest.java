package dev.tarn.engine.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.footer.ScanTypes;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;

/**
 * The footer aggregate's copy of the scan's type pairings ({@link ScanTypes}) says "readable" exactly when the
 * scan's {@link ColumnConversion} converts, over every Parquet column type against every table type.
 */
class ScanTypesAgreementTest {

  @Test
  void footerAndScanAgreeOnEveryPairing() {
    List<String> disagreements = new ArrayList<>();
    int readable = 0;
    for (PrimitiveType file : fileTypes()) {
      for (ArrowType table : tableTypes()) {
        boolean scan = scanConverts(file, table);
        readable += scan ? 1 : 0;
        if (ScanTypes.readable(file, table) != scan) {
          disagreements.add(file + " as " + table + ": scan " + (scan ? "reads" : "rejects"));
        }
      }
    }
    assertThat(disagreements).isEmpty();
    assertThat(readable).as("pairings the scan reads").isGreaterThan(30);
  }

  private static boolean scanConverts(PrimitiveType file, ArrowType table) {
    try {
      ColumnConversion.resolve("file.parquet", file, table);
      return true;
    } catch (TarnException e) {
      assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_MISMATCH);
      return false;
    }
  }

  private static List<PrimitiveType> fileTypes() {
    List<PrimitiveType> types = new ArrayList<>();
    types.add(Types.optional(PrimitiveTypeName.BOOLEAN).named("c"));
    types.add(Types.optional(PrimitiveTypeName.INT32).named("c"));
    for (int bits : new int[] {8, 16, 32}) {
      types.add(Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(bits, true)).named("c"));
      types.add(Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(bits, false)).named("c"));
    }
    types.add(Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named("c"));
    types.add(Types.optional(PrimitiveTypeName.INT32)
        .as(LogicalTypeAnnotation.timeType(false, LogicalTypeAnnotation.TimeUnit.MILLIS)).named("c"));
    types.add(Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.decimalType(2, 9)).named("c"));
    types.add(Types.optional(PrimitiveTypeName.INT64).named("c"));
    types.add(Types.optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.intType(64, true)).named("c"));
    types.add(Types.optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.intType(64, false)).named("c"));
    for (LogicalTypeAnnotation.TimeUnit unit : LogicalTypeAnnotation.TimeUnit.values()) {
      types.add(Types.optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.timestampType(true, unit)).named("c"));
      types.add(Types.optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.timestampType(false, unit)).named("c"));
    }
    types.add(Types.optional(PrimitiveTypeName.INT64)
        .as(LogicalTypeAnnotation.timeType(false, LogicalTypeAnnotation.TimeUnit.MICROS)).named("c"));
    types.add(Types.optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.decimalType(4, 18)).named("c"));
    types.add(Types.optional(PrimitiveTypeName.INT96).named("c"));
    types.add(Types.optional(PrimitiveTypeName.FLOAT).named("c"));
    types.add(Types.optional(PrimitiveTypeName.DOUBLE).named("c"));
    types.add(Types.optional(PrimitiveTypeName.BINARY).named("c"));
    types.add(Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("c"));
    types.add(Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.enumType()).named("c"));
    types.add(Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.jsonType()).named("c"));
    types.add(Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.bsonType()).named("c"));
    types.add(Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.decimalType(5, 30)).named("c"));
    types.add(Types.optional(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY).length(16).named("c"));
    types.add(Types.optional(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY).length(16)
        .as(LogicalTypeAnnotation.decimalType(10, 38)).named("c"));
    types.add(Types.optional(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY).length(16)
        .as(LogicalTypeAnnotation.uuidType()).named("c"));
    return types;
  }

  private static List<ArrowType> tableTypes() {
    List<ArrowType> types = new ArrayList<>();
    types.add(ArrowType.Bool.INSTANCE);
    for (int bits : new int[] {8, 16, 32, 64}) {
      types.add(new ArrowType.Int(bits, true));
    }
    types.add(new ArrowType.Int(64, false));
    for (FloatingPointPrecision precision : FloatingPointPrecision.values()) {
      types.add(new ArrowType.FloatingPoint(precision));
    }
    types.add(ArrowType.Utf8.INSTANCE);
    types.add(ArrowType.Binary.INSTANCE);
    types.add(new ArrowType.Date(DateUnit.DAY));
    types.add(new ArrowType.Date(DateUnit.MILLISECOND));
    types.add(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null));
    types.add(new ArrowType.Timestamp(TimeUnit.MILLISECOND, null));
    types.add(new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"));
    int[][] decimals = {{38, 10}, {12, 2}, {9, 2}, {18, 4}, {38, 0}, {10, 4}, {30, 5}, {31, 6}, {29, 5}};
    for (int[] decimal : decimals) {
      types.add(new ArrowType.Decimal(decimal[0], decimal[1], 128));
    }
    types.add(new ArrowType.Decimal(60, 10, 256));
    return types;
  }
}
