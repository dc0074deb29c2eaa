package dev.tarn.tpch;

import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * How one TPC-H generator column is stored, following {@code ddl-athena.sql}: identifiers as BIGINT (int64),
 * integers as INT (int32), money as DECIMAL(15,2) (int64 unscaled cents), dates as DATE (int32 days), text as
 * STRING (UTF-8 binary). Every TPC-H column is required (never null).
 */
final class TpchColumnMapping<E extends TpchEntity> {

  static final int MONEY_PRECISION = 15;
  static final int MONEY_SCALE = 2;

  private final TpchColumn<E> column;

  TpchColumnMapping(TpchColumn<E> column) {
    this.column = column;
  }

  String name() {
    return column.getColumnName();
  }

  /** The Parquet field of this column. */
  Type parquetType() {
    return switch (column.getType().getBase()) {
      case IDENTIFIER -> Types.required(PrimitiveTypeName.INT64).named(name());
      case INTEGER -> Types.required(PrimitiveTypeName.INT32).named(name());
      case DOUBLE -> Types.required(PrimitiveTypeName.INT64)
          .as(LogicalTypeAnnotation.decimalType(MONEY_SCALE, MONEY_PRECISION)).named(name());
      case DATE -> Types.required(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(name());
      case VARCHAR -> Types.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name());
    };
  }

  /** Adds this column's value of {@code entity} to the current field of {@code consumer}. */
  void write(E entity, RecordConsumer consumer) {
    switch (column.getType().getBase()) {
      case IDENTIFIER -> consumer.addLong(column.getIdentifier(entity));
      case INTEGER -> consumer.addInteger(column.getInteger(entity));
      case DOUBLE -> consumer.addLong(cents(column.getDouble(entity)));
      case DATE -> consumer.addInteger(column.getDate(entity));
      case VARCHAR -> consumer.addBinary(Binary.fromString(column.getString(entity)));
    }
  }

  /**
   * The exact cents of a generator money value. The generator computes every money value as whole cents and
   * exposes it as {@code cents / 100.0}; rounding {@code value * 100} recovers those cents exactly for any
   * magnitude below 2^50, far above TPC-H's largest prices (the test checks sums against the InCents getters).
   */
  static long cents(double value) {
    return Math.round(value * 100);
  }
}
