package dev.tarn.engine.sql.translate;

import dev.tarn.engine.TarnException;
import dev.tarn.engine.plan.expr.Call;
import dev.tarn.engine.plan.expr.ColumnRef;
import dev.tarn.engine.plan.expr.Expr;
import dev.tarn.engine.plan.expr.Functions;
import dev.tarn.engine.plan.expr.Literal;
import dev.tarn.engine.sql.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.Sarg;

/**
 * Translates Calcite row expressions into Tarn {@link Expr}s, inserting the casts that Tarn's kernels expect
 * (see {@link Coercions}). Anything without a Tarn kernel fails with "not supported yet: ...".
 */
public final class RexToExpr {

  private final RexBuilder rexBuilder;
  private final ScalarFunctionTranslator functions;

  public RexToExpr(RexBuilder rexBuilder) {
    this.rexBuilder = rexBuilder;
    this.functions = new ScalarFunctionTranslator(this);
  }

  public List<Expr> translateAll(List<RexNode> nodes) {
    List<Expr> exprs = new ArrayList<>(nodes.size());
    for (RexNode node : nodes) {
      exprs.add(translate(node));
    }
    return exprs;
  }

  public Expr translate(RexNode node) {
    if (node instanceof RexInputRef ref) {
      return new ColumnRef(ref.getIndex(), TypeMapping.toArrowType(ref.getType()));
    }
    if (node instanceof RexLiteral literal) {
      return Literals.toLiteral(literal);
    }
    if (node instanceof RexDynamicParam) {
      throw TarnException.notSupported("unbound parameter marker '?'");
    }
    if (node instanceof RexCall call) {
      return translateCall(call);
    }
    throw TarnException.notSupported(describe(node));
  }

  private Expr translateCall(RexCall call) {
    ArrowType type = TypeMapping.toArrowType(call.getType());
    SqlKind kind = call.getKind();
    switch (kind) {
      case PLUS, MINUS, TIMES, DIVIDE, MOD:
        if (Intervals.isDatetimeArithmetic(call)) {
          return Intervals.datetimePlusInterval(this, call, type);
        }
        return arithmetic(call, type);
      case MINUS_PREFIX:
        return new Call(Functions.NEGATE, List.of(Coercions.castTo(translate(call.operands.get(0)), type)), type);
      case PLUS_PREFIX:
        return translate(call.operands.get(0));
      case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL:
        return comparison(kind, translate(call.operands.get(0)), translate(call.operands.get(1)));
      case AND:
        return new Call(Functions.AND, translateAll(call.operands), type);
      case OR:
        return new Call(Functions.OR, translateAll(call.operands), type);
      case NOT:
        return new Call(Functions.NOT, translateAll(call.operands), type);
      case IS_NULL:
        return new Call(Functions.IS_NULL, translateAll(call.operands), type);
      case IS_NOT_NULL:
        return new Call(Functions.IS_NOT_NULL, translateAll(call.operands), type);
      case IS_TRUE:
        return new Call(Functions.IS_TRUE, translateAll(call.operands), type);
      case IS_FALSE:
        return new Call(Functions.IS_FALSE, translateAll(call.operands), type);
      case IS_NOT_TRUE:
        return new Call(Functions.IS_NOT_TRUE, translateAll(call.operands), type);
      case IS_NOT_FALSE:
        return new Call(Functions.IS_NOT_FALSE, translateAll(call.operands), type);
      case CASE:
        return caseWhen(call, type);
      case CAST:
        return Coercions.castTo(translate(call.operands.get(0)), type);
      case LIKE:
        if (call.getOperator().getName().toUpperCase(java.util.Locale.ROOT).contains("ILIKE")) {
          throw TarnException.notSupported("ILIKE");
        }
        return like(call, type);
      case SEARCH:
        return search(call);
      case REINTERPRET:
        return Intervals.reinterpret(this, call, type);
      case COALESCE:
        return functions.coalesce(call.operands, type);
      default:
        Expr function = functions.translate(call, type);
        if (function == null) {
          throw TarnException.notSupported(describe(call));
        }
        return function;
    }
  }

  private Expr arithmetic(RexCall call, ArrowType type) {
    List<Expr> args = new ArrayList<>();
    for (RexNode operand : call.operands) {
      Expr arg = translate(operand);
      if (!Coercions.isNumeric(arg.type())) {
        throw TarnException.notSupported("arithmetic " + call.getOperator().getName() + " on " + operand.getType());
      }
      args.add(type instanceof ArrowType.Decimal ? Coercions.toDecimal(arg) : Coercions.castTo(arg, type));
    }
    String function = switch (call.getKind()) {
      case PLUS -> Functions.ADD;
      case MINUS -> Functions.SUBTRACT;
      case TIMES -> Functions.MULTIPLY;
      case DIVIDE -> Functions.DIVIDE;
      default -> Functions.MODULUS;
    };
    return new Call(function, args, type);
  }

  static Expr comparison(SqlKind kind, Expr left, Expr right) {
    ArrowType common = Coercions.comparisonType(left.type(), right.type());
    String function = switch (kind) {
      case EQUALS -> Functions.EQUAL;
      case NOT_EQUALS -> Functions.NOT_EQUAL;
      case LESS_THAN -> Functions.LESS_THAN;
      case LESS_THAN_OR_EQUAL -> Functions.LESS_THAN_OR_EQUAL;
      case GREATER_THAN -> Functions.GREATER_THAN;
      default -> Functions.GREATER_THAN_OR_EQUAL;
    };
    return new Call(function, List.of(Coercions.castForComparison(left, common),
        Coercions.castForComparison(right, common)), TypeMapping.BOOLEAN);
  }

  private Expr caseWhen(RexCall call, ArrowType type) {
    List<Expr> args = new ArrayList<>();
    List<RexNode> operands = call.operands;
    for (int i = 0; i < operands.size(); i++) {
      boolean isCondition = i % 2 == 0 && i < operands.size() - 1;
      Expr arg = translate(operands.get(i));
      args.add(isCondition ? arg : Coercions.castTo(arg, type));
    }
    return new Call(Functions.CASE, args, type);
  }

  private Expr like(RexCall call, ArrowType type) {
    List<Expr> args = new ArrayList<>();
    for (RexNode operand : call.operands) {
      args.add(Coercions.castTo(translate(operand), TypeMapping.VARCHAR));
    }
    return new Call(Functions.LIKE, args, type);
  }

  /** SEARCH(x, Sarg): point sets become IN lists; ranges are expanded into comparisons by Calcite. */
  private Expr search(RexCall call) {
    RexLiteral sargLiteral = (RexLiteral) call.operands.get(1);
    Sarg<?> sarg = sargLiteral.getValueAs(Sarg.class);
    if (sarg != null && sarg.isPoints() && !sarg.isComplementedPoints()) {
      Expr value = translate(call.operands.get(0));
      List<Expr> points = new ArrayList<>();
      ArrowType common = value.type();
      List<Literal> literals = new ArrayList<>();
      for (Object point : sarg.rangeSet.asRanges()) {
        RexNode pointLiteral = rexBuilder.makeLiteral(((com.google.common.collect.Range<?>) point).lowerEndpoint(),
            sargLiteral.getType(), true, true);
        Literal literal = Literals.toLiteral((RexLiteral) pointLiteral);
        literals.add(literal);
        common = Coercions.comparisonType(common, literal.type());
      }
      points.add(Coercions.castForComparison(value, common));
      for (Literal literal : literals) {
        points.add(Coercions.castForComparison(literal, common));
      }
      Expr in = points.size() == 2
          ? new Call(Functions.EQUAL, points, TypeMapping.BOOLEAN)
          : new Call(Functions.IN, points, TypeMapping.BOOLEAN);
      return switch (sarg.nullAs) {
        case TRUE -> new Call(Functions.OR, List.of(new Call(Functions.IS_NULL, List.of(value), TypeMapping.BOOLEAN), in),
            TypeMapping.BOOLEAN);
        case FALSE -> new Call(Functions.IS_TRUE, List.of(in), TypeMapping.BOOLEAN);
        default -> in;
      };
    }
    return translate(RexUtil.expandSearch(rexBuilder, null, call));
  }

  private static String describe(RexNode node) {
    if (node instanceof RexCall call) {
      String name = call.getOperator().getName();
      return switch (call.getKind()) {
        case SCALAR_QUERY, IN, EXISTS, SOME, ALL -> "subquery (" + name + ")";
        case OTHER_FUNCTION -> "function " + name;
        default -> "operator " + (name.isEmpty() ? call.getKind().toString() : name) + " on "
            + call.operands.stream().map(o -> o.getType().getFullTypeString()).toList();
      };
    }
    return "expression " + node;
  }
}
