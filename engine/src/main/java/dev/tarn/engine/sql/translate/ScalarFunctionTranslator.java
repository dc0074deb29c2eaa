package dev.tarn.engine.sql.translate;

import dev.tarn.engine.TarnException;
import dev.tarn.engine.plan.expr.Call;
import dev.tarn.engine.plan.expr.Expr;
import dev.tarn.engine.plan.expr.Functions;
import dev.tarn.engine.plan.expr.Literal;
import dev.tarn.engine.sql.TypeMapping;
import dev.tarn.engine.sql.functions.TarnOperatorTable;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlTrimFunction;

/**
 * Maps Calcite's scalar function calls (standard and {@link TarnOperatorTable}) to Tarn {@link Functions},
 * casting arguments to the types the kernels take: strings to VARCHAR, counts and digits to BIGINT, the
 * transcendental functions' arguments to DOUBLE. CURRENT_DATE and CURRENT_TIMESTAMP are read once per query
 * (when this translator is made) and become literals, so every row and every batch sees the same instant.
 */
final class ScalarFunctionTranslator {
  private static final Map<String, String> EXTRACT_FIELDS = TarnOperatorTable.DATE_PART_FUNCTIONS.stream()
      .collect(Collectors.toMap(entry -> entry.get(0), entry -> entry.get(1)));

  private final RexToExpr rexToExpr;
  private final LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);

  ScalarFunctionTranslator(RexToExpr rexToExpr) {
    this.rexToExpr = rexToExpr;
  }

  /** The Tarn expression for {@code call}, or null when the function is not one of these. */
  Expr translate(RexCall call, ArrowType type) {
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    List<RexNode> operands = call.operands;
    return switch (name) {
      case "UPPER" -> strings(Functions.UPPER, operands, type);
      case "LOWER" -> strings(Functions.LOWER, operands, type);
      case "REVERSE" -> strings(Functions.REVERSE, operands, type);
      case "CHAR_LENGTH", "CHARACTER_LENGTH", "LENGTH" -> strings(Functions.LENGTH, operands, type);
      case "CONCAT", "||" -> strings(Functions.CONCAT, operands, type);
      case "REPLACE" -> strings(Functions.REPLACE, operands, type);
      case "STRPOS" -> strings(Functions.STRPOS, operands, type);
      case "STARTS_WITH" -> strings(Functions.STARTS_WITH, operands, type);
      case "LTRIM" -> strings(Functions.LTRIM, operands, type);
      case "RTRIM" -> strings(Functions.RTRIM, operands, type);
      case "REGEXP_LIKE" -> strings(Functions.REGEXP_LIKE, operands, type);
      case "REGEXP_REPLACE" -> strings(Functions.REGEXP_REPLACE, operands, type);
      case "REGEXP_EXTRACT", "SUBSTRING", "SUBSTR", "SPLIT_PART", "LPAD", "RPAD" -> mixed(name, operands, type);
      case "TRIM" -> trim(operands, type);
      case "POSITION" -> position(operands, type);
      case "ABS" -> call(Functions.ABS, List.of(translate(operands.get(0))), type);
      case "SIGN" -> call(Functions.SIGN, List.of(translate(operands.get(0))), type);
      case "FLOOR", "CEIL" -> floorOrCeil(name, operands, type);
      case "ROUND", "TRUNCATE" -> rounding(name.equals("ROUND") ? Functions.ROUND : Functions.TRUNCATE, operands, type);
      case "POWER", "POW" -> power(operands);
      case "SQRT" -> doubles(Functions.SQRT, operands);
      case "LN" -> doubles(Functions.LN, operands);
      case "LOG10" -> doubles(Functions.LOG10, operands);
      case "LOG" -> doubles(Functions.LOG, operands);
      case "EXP" -> doubles(Functions.EXP, operands);
      case "GREATEST" -> castAll(Functions.GREATEST, operands, type);
      case "LEAST" -> castAll(Functions.LEAST, operands, type);
      case "IF" -> conditional(operands, type);
      case "NVL" -> coalesce(operands, type);
      case "EXTRACT" -> extract(fieldName(operands.get(0)), translate(operands.get(1)), type);
      case "DATE_TRUNC" -> unitCall(Functions.DATE_TRUNC, operands.get(0), List.of(translate(operands.get(1))), type);
      case "DATE_ADD" -> unitCall(Functions.DATE_ADD, operands.get(0),
          List.of(Coercions.castTo(translate(operands.get(1)), TypeMapping.BIGINT), translate(operands.get(2))), type);
      case "DATE_DIFF" -> dateDiff(operands, type);
      case "DATE_FORMAT" -> new Call(Functions.DATE_FORMAT, List.of(Coercions.castTo(translate(operands.get(0)),
          TypeMapping.TIMESTAMP), varchar(operands.get(1))), type);
      case "DATE_PARSE" -> new Call(Functions.DATE_PARSE, List.of(varchar(operands.get(0)), varchar(operands.get(1))),
          type);
      case "FROM_UNIXTIME" -> new Call(Functions.FROM_UNIXTIME,
          List.of(Coercions.castTo(translate(operands.get(0)), TypeMapping.DOUBLE)), type);
      case "TO_UNIXTIME" -> new Call(Functions.TO_UNIXTIME,
          List.of(Coercions.castTo(translate(operands.get(0)), TypeMapping.TIMESTAMP)), type);
      case "CURRENT_DATE" -> new Literal(now.toLocalDate(), type);
      case "CURRENT_TIMESTAMP", "LOCALTIMESTAMP", "NOW" -> new Literal(now, type);
      default -> EXTRACT_FIELDS.containsKey(name) ? extract(EXTRACT_FIELDS.get(name), translate(operands.get(0)), type)
          : null;
    };
  }

  private Expr translate(RexNode node) {
    return rexToExpr.translate(node);
  }

  private Expr varchar(RexNode node) {
    return Coercions.castTo(translate(node), TypeMapping.VARCHAR);
  }

  private Expr bigint(RexNode node) {
    return Coercions.castTo(translate(node), TypeMapping.BIGINT);
  }

  private static Expr call(String function, List<Expr> args, ArrowType type) {
    return new Call(function, args, type);
  }

  private Expr strings(String function, List<RexNode> operands, ArrowType type) {
    List<Expr> args = new ArrayList<>();
    for (RexNode operand : operands) {
      args.add(varchar(operand));
    }
    return new Call(function, args, type);
  }

  /** Functions whose arguments are strings except the integer ones at known positions. */
  private Expr mixed(String name, List<RexNode> operands, ArrowType type) {
    String function = switch (name) {
      case "REGEXP_EXTRACT" -> Functions.REGEXP_EXTRACT;
      case "SPLIT_PART" -> Functions.SPLIT_PART;
      case "LPAD" -> Functions.LPAD;
      case "RPAD" -> Functions.RPAD;
      default -> Functions.SUBSTR;
    };
    List<Expr> args = new ArrayList<>();
    for (int i = 0; i < operands.size(); i++) {
      boolean integer = switch (function) {
        case Functions.SUBSTR -> i > 0;
        case Functions.LPAD, Functions.RPAD -> i == 1;
        default -> i == 2;
      };
      args.add(integer ? bigint(operands.get(i)) : varchar(operands.get(i)));
    }
    return new Call(function, args, type);
  }

  /** TRIM(BOTH|LEADING|TRAILING characters FROM s): Calcite passes the flag, the characters, then the string. */
  private Expr trim(List<RexNode> operands, ArrowType type) {
    SqlTrimFunction.Flag flag = ((RexLiteral) operands.get(0)).getValueAs(SqlTrimFunction.Flag.class);
    String function = switch (flag) {
      case LEADING -> Functions.LTRIM;
      case TRAILING -> Functions.RTRIM;
      default -> Functions.TRIM;
    };
    return new Call(function, List.of(varchar(operands.get(2)), varchar(operands.get(1))), type);
  }

  /** POSITION(needle IN haystack) is strpos(haystack, needle). */
  private Expr position(List<RexNode> operands, ArrowType type) {
    if (operands.size() > 2) {
      throw TarnException.notSupported("function POSITION(... FROM start)");
    }
    return new Call(Functions.STRPOS, List.of(varchar(operands.get(1)), varchar(operands.get(0))), type);
  }

  /** FLOOR(x) and CEIL(x); FLOOR(timestamp TO unit) is date_trunc. */
  private Expr floorOrCeil(String name, List<RexNode> operands, ArrowType type) {
    if (operands.size() == 2) {
      if (!name.equals("FLOOR")) {
        throw TarnException.notSupported("function CEIL(... TO unit)");
      }
      return new Call(Functions.DATE_TRUNC, List.of(new Literal(fieldName(operands.get(1)), TypeMapping.VARCHAR),
          translate(operands.get(0))), type);
    }
    return new Call(name.equals("FLOOR") ? Functions.FLOOR : Functions.CEIL, List.of(translate(operands.get(0))),
        type);
  }

  private Expr rounding(String function, List<RexNode> operands, ArrowType type) {
    List<Expr> args = new ArrayList<>();
    args.add(translate(operands.get(0)));
    if (operands.size() > 1) {
      args.add(bigint(operands.get(1)));
    }
    return new Call(function, args, type);
  }

  /** Calcite rewrites SQRT(x) as POWER(x, 0.5); that is computed with sqrt, which is exact-rounded. */
  private Expr power(List<RexNode> operands) {
    if (operands.get(1) instanceof RexLiteral literal && literal.getValue() != null
        && new java.math.BigDecimal("0.5").compareTo(literal.getValueAs(java.math.BigDecimal.class)) == 0) {
      return doubles(Functions.SQRT, operands.subList(0, 1));
    }
    return doubles(Functions.POWER, operands);
  }

  private Expr doubles(String function, List<RexNode> operands) {
    List<Expr> args = new ArrayList<>();
    for (RexNode operand : operands) {
      args.add(Coercions.castTo(translate(operand), TypeMapping.DOUBLE));
    }
    return new Call(function, args, TypeMapping.DOUBLE);
  }

  private Expr castAll(String function, List<RexNode> operands, ArrowType type) {
    List<Expr> args = new ArrayList<>();
    for (RexNode operand : operands) {
      args.add(Coercions.castTo(translate(operand), type));
    }
    return new Call(function, args, type);
  }

  /** IF(c, a[, b]) is CASE WHEN c THEN a ELSE b END (b defaults to NULL). */
  private Expr conditional(List<RexNode> operands, ArrowType type) {
    Expr otherwise = operands.size() > 2 ? Coercions.castTo(translate(operands.get(2)), type) : new Literal(null, type);
    return new Call(Functions.CASE, List.of(translate(operands.get(0)),
        Coercions.castTo(translate(operands.get(1)), type), otherwise), type);
  }

  /** NVL(a, b) and COALESCE(a, b, ...): the first argument that is not NULL, as a CASE. */
  Expr coalesce(List<RexNode> operands, ArrowType type) {
    List<Expr> args = new ArrayList<>();
    for (int i = 0; i < operands.size() - 1; i++) {
      Expr value = Coercions.castTo(translate(operands.get(i)), type);
      args.add(new Call(Functions.IS_NOT_NULL, List.of(value), TypeMapping.BOOLEAN));
      args.add(value);
    }
    args.add(Coercions.castTo(translate(operands.get(operands.size() - 1)), type));
    return new Call(Functions.CASE, args, type);
  }

  private Expr extract(String field, Expr value, ArrowType type) {
    return new Call(Functions.EXTRACT, List.of(new Literal(field, TypeMapping.VARCHAR), value), type);
  }

  /** The Tarn field name of an EXTRACT or FLOOR ... TO time-unit flag. */
  private static String fieldName(RexNode flag) {
    TimeUnitRange unit = ((RexLiteral) flag).getValueAs(TimeUnitRange.class);
    if (unit == null) {
      throw TarnException.notSupported("time unit " + flag);
    }
    return switch (unit) {
      case DOW, ISODOW -> "day_of_week";
      case DOY -> "day_of_year";
      case WEEK -> "week";
      case YEAR, QUARTER, MONTH, DAY, HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND ->
          unit.name().toLowerCase(Locale.ROOT);
      default -> throw TarnException.notSupported("EXTRACT(" + unit + ")");
    };
  }

  /** A date function whose first argument is a unit name, which must be a literal (it is resolved once). */
  private Expr unitCall(String function, RexNode unit, List<Expr> rest, ArrowType type) {
    Expr unitExpr = varchar(unit);
    if (!(unitExpr instanceof Literal)) {
      throw TarnException.notSupported("function " + function + " with a unit that is not a literal");
    }
    List<Expr> args = new ArrayList<>();
    args.add(unitExpr);
    args.addAll(rest);
    return new Call(function, args, type);
  }

  /** date_diff(unit, a, b): a DATE meeting a TIMESTAMP is compared as a TIMESTAMP. */
  private Expr dateDiff(List<RexNode> operands, ArrowType type) {
    Expr from = translate(operands.get(1));
    Expr to = translate(operands.get(2));
    ArrowType common = Coercions.comparisonType(from.type(), to.type());
    return unitCall(Functions.DATE_DIFF, operands.get(0),
        List.of(Coercions.castTo(from, common), Coercions.castTo(to, common)), type);
  }
}
