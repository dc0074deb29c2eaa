package dev.tarn.engine.sql.partition;

import dev.tarn.catalog.types.HiveType;
import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** Parses partition values (strings in the catalog) into the Java classes of Tarn literals, by key type. */
public final class TypedPartitionValues {

  private TypedPartitionValues() {}

  /** The typed value of a partition value string; null stays null (Hive's default partition). */
  public static Object parse(String value, HiveType type, String partitionName) {
    if (value == null) {
      return null;
    }
    try {
      return switch (type.kind()) {
        case TINYINT, SMALLINT, INT, BIGINT -> Long.parseLong(value.trim());
        case BOOLEAN -> Boolean.parseBoolean(value.trim());
        case FLOAT, DOUBLE -> Double.parseDouble(value.trim());
        case DECIMAL -> new BigDecimal(value.trim()).setScale(type.scale());
        case DATE -> LocalDate.parse(value.trim());
        case TIMESTAMP -> LocalDateTime.parse(value.trim().replace(' ', 'T'));
        case STRING, VARCHAR, CHAR -> value;
        case BINARY -> throw TarnException.notSupported("binary partition key");
      };
    } catch (RuntimeException e) {
      if (e instanceof TarnException tarnException) {
        throw tarnException;
      }
      throw new TarnException(ErrorCode.SCHEMA_MISMATCH, partitionName,
          "Partition value '" + value + "' of " + partitionName + " is not a valid " + type, e);
    }
  }
}
