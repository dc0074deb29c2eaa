package dev.tarn.engine.sql.translate;

import dev.tarn.engine.TarnException;
import dev.tarn.engine.plan.expr.Literal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** Casts a literal to another type at planning time (for VALUES rows whose literals differ in type). */
final class LiteralCasts {
  private LiteralCasts() {}

  static Literal cast(Literal literal, ArrowType type) {
    Object value = literal.value();
    if (value == null) {
      return new Literal(null, type);
    }
    if (type instanceof ArrowType.Decimal decimal && (value instanceof Long || value instanceof BigDecimal)) {
      return new Literal(new BigDecimal(value.toString()).setScale(decimal.getScale(), RoundingMode.HALF_UP), type);
    }
    if (type instanceof ArrowType.FloatingPoint && value instanceof Number number) {
      return new Literal(number.doubleValue(), type);
    }
    if (type instanceof ArrowType.Int && value instanceof Long) {
      return new Literal(value, type);
    }
    if (type instanceof ArrowType.Utf8 && value instanceof String) {
      return new Literal(value, type);
    }
    throw TarnException.notSupported("VALUES mixing " + literal.type() + " and " + type);
  }
}
