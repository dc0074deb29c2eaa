package dev.tarn.engine.sql.translate;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.plan.expr.Call;
import dev.tarn.engine.plan.expr.Expr;
import dev.tarn.engine.plan.expr.Functions;
import dev.tarn.engine.plan.expr.Literal;
import dev.tarn.engine.sql.TypeMapping;
import java.math.BigDecimal;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Interval arithmetic on dates and timestamps. Intervals never reach execution as values: an interval
 * expression is translated into a BIGINT amount (months for YEAR TO MONTH intervals, microseconds for DAY TO
 * SECOND; Calcite's literals hold months and milliseconds) and {@code datetime ± interval} becomes
 * {@code date_add('month' | 'day' | 'microsecond', amount, datetime)}, which clamps month arithmetic to the
 * month's last day as Trino does. A DATE plus hours, minutes or seconds is an error, as in Trino. An interval as
 * a query result is not supported.
 */
final class Intervals {
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private Intervals() {}

  /** True for {@code datetime + interval}, {@code interval + datetime} and {@code datetime - interval}. */
  static boolean isDatetimeArithmetic(RexCall call) {
    return call.operands.size() == 2 && SqlTypeUtil.isDatetime(call.getType())
        && call.operands.stream().anyMatch(operand -> SqlTypeUtil.isInterval(operand.getType()));
  }

  static Expr datetimePlusInterval(RexToExpr rexToExpr, RexCall call, ArrowType type) {
    boolean intervalFirst = SqlTypeUtil.isInterval(call.operands.get(0).getType());
    RexNode datetime = call.operands.get(intervalFirst ? 1 : 0);
    RexNode interval = call.operands.get(intervalFirst ? 0 : 1);
    Expr amount = amount(rexToExpr, interval);
    if (call.getKind() == org.apache.calcite.sql.SqlKind.MINUS) {
      amount = negate(amount);
    }
    Expr base = Coercions.castTo(rexToExpr.translate(datetime), type);
    if (isYearMonth(interval.getType())) {
      return dateAdd("month", amount, base, type);
    }
    if (!(type instanceof ArrowType.Date)) {
      return dateAdd("microsecond", amount, base, type);
    }
    if (amount instanceof Literal literal) {
      long micros = (Long) literal.value();
      if (micros % MICROS_PER_DAY != 0) {
        throw new TarnException(ErrorCode.INVALID_ARGUMENT, "interval",
            "Cannot add hour, minutes or seconds to a date");
      }
      return dateAdd("day", new Literal(micros / MICROS_PER_DAY, TypeMapping.BIGINT), base, type);
    }
    Expr days = new Call(Functions.DIVIDE, List.of(amount, new Literal(MICROS_PER_DAY, TypeMapping.BIGINT)),
        TypeMapping.BIGINT);
    return dateAdd("day", days, base, type);
  }

  /**
   * Calcite expands TIMESTAMPDIFF(unit, a, b) into the internal value of the interval {@code b - a} (months, or
   * milliseconds for day-time intervals) divided by the unit: that internal value is date_diff in months or
   * milliseconds.
   */
  static Expr reinterpret(RexToExpr rexToExpr, RexCall call, ArrowType type) {
    if (call.operands.get(0) instanceof RexCall difference && difference.operands.size() == 2
        && SqlTypeUtil.isInterval(difference.getType())
        && difference.operands.stream().allMatch(operand -> SqlTypeUtil.isDatetime(operand.getType()))) {
      Expr from = rexToExpr.translate(difference.operands.get(1));
      Expr to = rexToExpr.translate(difference.operands.get(0));
      boolean months = isYearMonth(difference.getType());
      ArrowType common = months ? Coercions.comparisonType(from.type(), to.type()) : TypeMapping.TIMESTAMP;
      String unit = months ? "month" : "millisecond";
      return new Call(Functions.DATE_DIFF, List.of(new Literal(unit, TypeMapping.VARCHAR),
          Coercions.castTo(from, common), Coercions.castTo(to, common)), type);
    }
    throw TarnException.notSupported("interval value " + call);
  }

  private static Expr dateAdd(String unit, Expr amount, Expr base, ArrowType type) {
    return new Call(Functions.DATE_ADD, List.of(new Literal(unit, TypeMapping.VARCHAR), amount, base), type);
  }

  private static boolean isYearMonth(RelDataType type) {
    return type.getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_YEAR_MONTH;
  }

  /** The interval's amount as a BIGINT expression: months or microseconds. */
  private static Expr amount(RexToExpr rexToExpr, RexNode node) {
    if (node instanceof RexLiteral literal) {
      if (literal.isNull()) {
        return new Literal(null, TypeMapping.BIGINT);
      }
      BigDecimal value = literal.getValueAs(BigDecimal.class);
      long amount = isYearMonth(literal.getType()) ? value.longValueExact()
          : value.multiply(BigDecimal.valueOf(1000)).longValueExact();
      return new Literal(amount, TypeMapping.BIGINT);
    }
    if (node instanceof RexCall call) {
      switch (call.getKind()) {
        case MINUS_PREFIX:
          return negate(amount(rexToExpr, call.operands.get(0)));
        case CAST:
          if (SqlTypeUtil.isInterval(call.operands.get(0).getType())
              && isYearMonth(call.operands.get(0).getType()) == isYearMonth(call.getType())) {
            return amount(rexToExpr, call.operands.get(0));
          }
          break;
        case PLUS, MINUS:
          if (call.operands.stream().allMatch(operand -> SqlTypeUtil.isInterval(operand.getType()))) {
            return new Call(call.getKind() == org.apache.calcite.sql.SqlKind.PLUS ? Functions.ADD : Functions.SUBTRACT,
                List.of(amount(rexToExpr, call.operands.get(0)), amount(rexToExpr, call.operands.get(1))),
                TypeMapping.BIGINT);
          }
          break;
        case TIMES:
          boolean intervalFirst = SqlTypeUtil.isInterval(call.operands.get(0).getType());
          RexNode factor = call.operands.get(intervalFirst ? 1 : 0);
          if (SqlTypeUtil.isIntType(factor.getType())) {
            return new Call(Functions.MULTIPLY, List.of(amount(rexToExpr, call.operands.get(intervalFirst ? 0 : 1)),
                Coercions.castTo(rexToExpr.translate(factor), TypeMapping.BIGINT)), TypeMapping.BIGINT);
          }
          break;
        default:
          break;
      }
    }
    throw TarnException.notSupported("interval expression " + node);
  }

  private static Expr negate(Expr amount) {
    if (amount instanceof Literal literal) {
      return literal.isNull() ? literal : new Literal(-(Long) literal.value(), TypeMapping.BIGINT);
    }
    return new Call(Functions.NEGATE, List.of(amount), TypeMapping.BIGINT);
  }
}
