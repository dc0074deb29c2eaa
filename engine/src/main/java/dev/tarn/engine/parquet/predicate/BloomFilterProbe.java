package dev.tarn.engine.parquet.predicate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.parquet.column.values.bloomfilter.BloomFilter;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Stage 5: asks a column chunk's split-block bloom filter whether any wanted value may be present. Values are
 * hashed in the file's physical form, so only types whose canonical value maps back to exactly one physical value
 * are probed: plain and decimal INT32/INT64, dates, and text; everything else answers "may be present".
 */
public final class BloomFilterProbe {

  private BloomFilterProbe() {}

  /** Whether some of {@code points} may be in the filter. */
  public static boolean mayContainAny(BloomFilter filter, PrimitiveType type, List<Comparable<Object>> points) {
    for (Comparable<Object> point : points) {
      Object physical = physical(type, point);
      if (physical == null || filter.findHash(filter.hash(physical))) {
        return true;
      }
    }
    return false;
  }

  private static Object physical(PrimitiveType type, Object value) {
    LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
    try {
      switch (type.getPrimitiveTypeName()) {
        case INT32:
          if (value instanceof LocalDate date && logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
            return Math.toIntExact(date.toEpochDay());
          }
          return value instanceof BigDecimal number ? unscaled(number, logical, true) : null;
        case INT64:
          return value instanceof BigDecimal number ? unscaled(number, logical, false) : null;
        case BINARY:
          return value instanceof ByteKey key && DomainValues.isText(logical)
              ? Binary.fromConstantByteArray(key.bytes()) : null;
        default:
          return null;
      }
    } catch (ArithmeticException notRepresentable) {
      return null; // such a value cannot be in the column, but letting the reader decide keeps this simple
    }
  }

  private static Object unscaled(BigDecimal number, LogicalTypeAnnotation logical, boolean int32) {
    int scale;
    if (logical == null) {
      scale = 0;
    } else if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal) {
      scale = decimal.getScale();
    } else if (logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation integer && integer.isSigned()) {
      scale = 0;
    } else {
      return null;
    }
    BigDecimal unscaled = number.movePointRight(scale);
    if (unscaled.stripTrailingZeros().scale() > 0) {
      return null;
    }
    return int32 ? (Object) unscaled.intValueExact() : (Object) unscaled.longValueExact();
  }
}
