package dev.tarn.jdbc;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VariableWidthFieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** Chooses the accessor for an Arrow vector by its type family. */
final class ArrowAccessors {

  private ArrowAccessors() {
  }

  /** The accessor reading {@code vector}; fails for Arrow types Tarn never produces (lists, maps, ...). */
  static ColumnAccessor forVector(FieldVector vector) throws SQLException {
    ArrowType type = vector.getField().getType();
    if (vector instanceof NullVector) {
      return new NullAccessor();
    }
    if (vector instanceof BitVector bits) {
      return new BooleanAccessor(bits);
    }
    if (vector instanceof BaseIntVector integers && type instanceof ArrowType.Int) {
      return new IntegralAccessor(integers);
    }
    if (vector instanceof Float4Vector floats) {
      return FloatingPointAccessor.ofFloat(floats);
    }
    if (vector instanceof Float8Vector doubles) {
      return FloatingPointAccessor.ofDouble(doubles);
    }
    if (vector instanceof DecimalVector decimals) {
      return new DecimalAccessor(decimals, decimals::getObject);
    }
    if (vector instanceof Decimal256Vector decimals) {
      return new DecimalAccessor(decimals, decimals::getObject);
    }
    if (vector instanceof VariableWidthFieldVector variableWidth
        && (type instanceof ArrowType.Utf8 || type instanceof ArrowType.LargeUtf8)) {
      return new TextAccessor(variableWidth);
    }
    if (vector instanceof VariableWidthFieldVector variableWidth
        && (type instanceof ArrowType.Binary || type instanceof ArrowType.LargeBinary)) {
      return new BinaryAccessor(variableWidth);
    }
    if (vector instanceof DateDayVector days) {
      return DateAccessor.ofDays(days);
    }
    if (vector instanceof DateMilliVector millis) {
      return DateAccessor.ofMillis(millis);
    }
    if (vector instanceof TimeStampVector timestamps) {
      return new TimestampAccessor(timestamps, (ArrowType.Timestamp) type);
    }
    throw new SQLFeatureNotSupportedException("Result columns of Arrow type " + type + " are not supported yet",
        "0A000");
  }
}
