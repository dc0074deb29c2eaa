package dev.tarn.catalog.crawler;

import dev.tarn.catalog.model.Column;
import dev.tarn.catalog.types.HiveType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Maps a Parquet file schema to Hive columns the way Glue's crawler does. Nested and repeated fields have no
 * primitive Hive type in Tarn yet, so they are skipped and listed (Tarn's engine cannot read them).
 */
final class ParquetColumns {

  /** The columns of one file, and a reason for every field that was left out. */
  record Inferred(List<Column> columns, List<String> skippedFields) {}

  private ParquetColumns() {}

  /** The Hive columns for the top-level fields of {@code schema}, names lower-cased. */
  static Inferred of(MessageType schema) {
    List<Column> columns = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Type field : schema.getFields()) {
      String name = field.getName().toLowerCase(Locale.ROOT);
      if (!field.isPrimitive()) {
        skipped.add(name + ": nested type " + typeName(field) + " is not supported");
      } else if (field.isRepetition(Type.Repetition.REPEATED)) {
        skipped.add(name + ": repeated field is not supported");
      } else {
        HiveType type = hiveType(field.asPrimitiveType());
        if (type == null) {
          skipped.add(name + ": Parquet type " + typeName(field) + " has no Hive equivalent");
        } else {
          columns.add(Column.of(name, type.toString()));
        }
      }
    }
    return new Inferred(columns, skipped);
  }

  /** The Hive type of a primitive Parquet field, or null when Hive has none (TIME, UUID, FLOAT16, ...). */
  static HiveType hiveType(PrimitiveType field) {
    LogicalTypeAnnotation logical = field.getLogicalTypeAnnotation();
    if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
      return HiveType.decimal(decimal.getPrecision(), decimal.getScale());
    }
    return switch (field.getPrimitiveTypeName()) {
      case BOOLEAN -> HiveType.BOOLEAN;
      case INT32 -> int32(logical);
      case INT64 -> int64(logical);
      case INT96 -> HiveType.TIMESTAMP; // legacy Impala/Hive/Spark timestamps
      case FLOAT -> HiveType.FLOAT;
      case DOUBLE -> HiveType.DOUBLE;
      case BINARY -> binary(logical);
      case FIXED_LEN_BYTE_ARRAY -> logical == null ? HiveType.BINARY : null;
    };
  }

  private static HiveType int32(LogicalTypeAnnotation logical) {
    if (logical == null) {
      return HiveType.INT;
    }
    if (logical instanceof IntLogicalTypeAnnotation integer) {
      // Unsigned values need the next wider signed type to keep every value.
      int bits = integer.isSigned() ? integer.getBitWidth() : integer.getBitWidth() * 2;
      return bits <= 8 ? HiveType.TINYINT : bits <= 16 ? HiveType.SMALLINT : bits <= 32 ? HiveType.INT : HiveType.BIGINT;
    }
    if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
      return HiveType.DATE;
    }
    return null;
  }

  private static HiveType int64(LogicalTypeAnnotation logical) {
    if (logical == null) {
      return HiveType.BIGINT;
    }
    if (logical instanceof IntLogicalTypeAnnotation integer) {
      return integer.isSigned() ? HiveType.BIGINT : HiveType.decimal(20, 0);
    }
    if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation) {
      return HiveType.TIMESTAMP;
    }
    return null;
  }

  private static HiveType binary(LogicalTypeAnnotation logical) {
    if (logical == null || logical instanceof LogicalTypeAnnotation.BsonLogicalTypeAnnotation) {
      return HiveType.BINARY;
    }
    if (logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
        || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
        || logical instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
      return HiveType.STRING;
    }
    return null;
  }

  private static String typeName(Type field) {
    if (!field.isPrimitive()) {
      LogicalTypeAnnotation logical = field.getLogicalTypeAnnotation();
      return logical == null ? "struct" : logical.toString().toLowerCase(Locale.ROOT);
    }
    LogicalTypeAnnotation logical = field.getLogicalTypeAnnotation();
    return field.asPrimitiveType().getPrimitiveTypeName() + (logical == null ? "" : " (" + logical + ")");
  }
}
