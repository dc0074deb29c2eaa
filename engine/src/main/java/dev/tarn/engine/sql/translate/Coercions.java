package dev.tarn.engine.sql.translate;

import dev.tarn.engine.TarnException;
import dev.tarn.engine.plan.expr.Call;
import dev.tarn.engine.plan.expr.Expr;
import dev.tarn.engine.plan.expr.Functions;
import dev.tarn.engine.plan.expr.Literal;
import dev.tarn.engine.sql.TypeMapping;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * The implicit coercions Tarn applies when Calcite leaves operands of different types, following Trino:
 * integers widen to the wider integer; an integer meets a decimal as decimal(digits, 0); anything meeting a
 * floating-point number becomes DOUBLE; a DATE meets a TIMESTAMP as TIMESTAMP; a string literal meets a date or
 * number as that type. Decimals of different scales are compared without a cast (the kernel aligns them).
 */
final class Coercions {

  private Coercions() {}

  static boolean isNumeric(ArrowType type) {
    return type instanceof ArrowType.Int || type instanceof ArrowType.FloatingPoint
        || type instanceof ArrowType.Decimal || type instanceof ArrowType.Null;
  }

  /** Digits needed for every value of an integer type. */
  static int integerDigits(ArrowType.Int type) {
    return switch (type.getBitWidth()) {
      case 8 -> 3;
      case 16 -> 5;
      case 32 -> 10;
      default -> 19;
    };
  }

  /** {@code expr} as a decimal: decimals stay as they are, integers become decimal(digits, 0). */
  static Expr toDecimal(Expr expr) {
    if (expr.type() instanceof ArrowType.Decimal) {
      return expr;
    }
    if (expr.type() instanceof ArrowType.Int intType) {
      return castTo(expr, TypeMapping.decimal(integerDigits(intType), 0));
    }
    if (expr instanceof Literal literal && literal.isNull()) {
      return castTo(expr, TypeMapping.decimal(1, 0));
    }
    throw TarnException.notSupported("decimal arithmetic with " + expr.type());
  }

  /** The type both sides of a comparison are brought to. */
  static ArrowType comparisonType(ArrowType left, ArrowType right) {
    if (left.equals(right)) {
      return left;
    }
    if (left instanceof ArrowType.Null) {
      return right;
    }
    if (right instanceof ArrowType.Null) {
      return left;
    }
    if (isNumeric(left) && isNumeric(right)) {
      if (left instanceof ArrowType.FloatingPoint || right instanceof ArrowType.FloatingPoint) {
        return TypeMapping.DOUBLE;
      }
      if (left instanceof ArrowType.Decimal || right instanceof ArrowType.Decimal) {
        ArrowType.Decimal l = asDecimal(left);
        ArrowType.Decimal r = asDecimal(right);
        int scale = Math.max(l.getScale(), r.getScale());
        int integerDigits = Math.max(l.getPrecision() - l.getScale(), r.getPrecision() - r.getScale());
        return TypeMapping.decimal(Math.min(38, integerDigits + scale), scale);
      }
      int width = Math.max(((ArrowType.Int) left).getBitWidth(), ((ArrowType.Int) right).getBitWidth());
      return new ArrowType.Int(width, true);
    }
    if (isTemporal(left) && isTemporal(right)) {
      return TypeMapping.TIMESTAMP;
    }
    if (left instanceof ArrowType.Utf8 && !(right instanceof ArrowType.Utf8)) {
      return right;
    }
    if (right instanceof ArrowType.Utf8) {
      return left;
    }
    throw TarnException.notSupported("comparison of " + left + " with " + right);
  }

  /** Casts for a comparison: decimals keep their own scale (kernels align scales), everything else is cast. */
  static Expr castForComparison(Expr expr, ArrowType common) {
    if (common instanceof ArrowType.Decimal && expr.type() instanceof ArrowType.Decimal) {
      return expr;
    }
    if (common instanceof ArrowType.Decimal) {
      return toDecimal(expr);
    }
    return castTo(expr, common);
  }

  /** {@code expr} cast to {@code type}, or {@code expr} itself when it already has that type. */
  static Expr castTo(Expr expr, ArrowType type) {
    if (expr.type().equals(type)) {
      return expr;
    }
    if (expr instanceof Literal literal && literal.isNull()) {
      return new Literal(null, type);
    }
    return new Call(Functions.CAST, List.of(expr), type);
  }

  private static boolean isTemporal(ArrowType type) {
    return type instanceof ArrowType.Date || type instanceof ArrowType.Timestamp;
  }

  private static ArrowType.Decimal asDecimal(ArrowType type) {
    if (type instanceof ArrowType.Decimal decimal) {
      return decimal;
    }
    return (ArrowType.Decimal) TypeMapping.decimal(integerDigits((ArrowType.Int) type), 0);
  }
}
