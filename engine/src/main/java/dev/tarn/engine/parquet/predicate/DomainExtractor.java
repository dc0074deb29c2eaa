package dev.tarn.engine.parquet.predicate;

import dev.tarn.engine.plan.expr.Call;
import dev.tarn.engine.plan.expr.ColumnRef;
import dev.tarn.engine.plan.expr.Expr;
import dev.tarn.engine.plan.expr.Functions;
import dev.tarn.engine.plan.expr.Literal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Derives per-column domains from a scan filter: comparisons of a column with literals, BETWEEN (as two
 * comparisons), IN, IS [NOT] NULL, AND, and OR of conditions on one column. Anything else constrains nothing. A
 * column wrapped in a widening cast that keeps order and distinctness (int to wider int, decimal or double; float
 * to double; decimal to a decimal holding it) counts as the column itself.
 */
public final class DomainExtractor {

  private DomainExtractor() {}

  /** Column index → the values that can make {@code filter} true; columns not in the map are unconstrained. */
  public static Map<Integer, ColumnDomain> extract(Expr filter) {
    Map<Integer, ColumnDomain> domains = new HashMap<>();
    if (filter != null) {
      conjunction(filter, domains);
    }
    return domains;
  }

  private static void conjunction(Expr expr, Map<Integer, ColumnDomain> domains) {
    if (expr instanceof Call call && call.function().equals(Functions.AND)) {
      for (Expr arg : call.args()) {
        conjunction(arg, domains);
      }
      return;
    }
    Single single = single(expr);
    if (single != null) {
      domains.merge(single.column, single.domain, ColumnDomain::intersect);
    }
  }

  /** A condition on one column, as that column's domain. */
  private record Single(int column, ColumnDomain domain) {}

  private static Single single(Expr expr) {
    if (!(expr instanceof Call call)) {
      return null;
    }
    switch (call.function()) {
      case Functions.IS_TRUE:
        return single(call.arg(0));
      case Functions.AND: {
        Map<Integer, ColumnDomain> inner = new HashMap<>();
        conjunction(call, inner);
        return inner.size() == 1 ? new Single(inner.keySet().iterator().next(), inner.values().iterator().next())
            : null;
      }
      case Functions.OR: {
        Single result = null;
        for (Expr arg : call.args()) {
          Single branch = single(arg);
          if (branch == null || (result != null && branch.column != result.column)) {
            return null;
          }
          result = result == null ? branch : new Single(result.column, result.domain.union(branch.domain));
        }
        return result;
      }
      case Functions.IS_NULL: {
        Integer column = column(call.arg(0));
        return column == null ? null : new Single(column, ColumnDomain.onlyNull());
      }
      case Functions.IS_NOT_NULL: {
        Integer column = column(call.arg(0));
        return column == null ? null : new Single(column, ColumnDomain.notNull());
      }
      case Functions.IN: {
        Integer column = column(call.arg(0));
        if (column == null) {
          return null;
        }
        List<Comparable<Object>> values = new ArrayList<>();
        for (Expr element : call.args().subList(1, call.args().size())) {
          Comparable<Object> value = literal(element);
          if (value == null && !(element instanceof Literal literal && literal.isNull())) {
            return null;
          }
          if (value != null) {
            values.add(value); // a NULL element never makes IN true
          }
        }
        return new Single(column, ColumnDomain.values(values));
      }
      default:
        return comparison(call);
    }
  }

  private static Single comparison(Call call) {
    String function = call.function();
    if (call.args().size() != 2) {
      return null;
    }
    Integer column = column(call.arg(0));
    Comparable<Object> value = literal(call.arg(1));
    if (column == null) {
      column = column(call.arg(1));
      value = literal(call.arg(0));
      function = flip(function);
    }
    if (column == null || value == null || function == null) {
      return null;
    }
    ColumnDomain domain = switch (function) {
      case Functions.EQUAL -> ColumnDomain.values(List.of(value));
      case Functions.NOT_EQUAL -> ColumnDomain.range(null, false, value, false)
          .union(ColumnDomain.range(value, false, null, false));
      case Functions.LESS_THAN -> ColumnDomain.range(null, false, value, false);
      case Functions.LESS_THAN_OR_EQUAL -> ColumnDomain.range(null, false, value, true);
      case Functions.GREATER_THAN -> ColumnDomain.range(value, false, null, false);
      case Functions.GREATER_THAN_OR_EQUAL -> ColumnDomain.range(value, true, null, false);
      default -> null;
    };
    return domain == null ? null : new Single(column, domain);
  }

  private static String flip(String function) {
    return switch (function) {
      case Functions.EQUAL, Functions.NOT_EQUAL -> function;
      case Functions.LESS_THAN -> Functions.GREATER_THAN;
      case Functions.LESS_THAN_OR_EQUAL -> Functions.GREATER_THAN_OR_EQUAL;
      case Functions.GREATER_THAN -> Functions.LESS_THAN;
      case Functions.GREATER_THAN_OR_EQUAL -> Functions.LESS_THAN_OR_EQUAL;
      default -> null;
    };
  }

  private static Comparable<Object> literal(Expr expr) {
    return expr instanceof Literal literal ? DomainValues.fromLiteral(literal.value()) : null;
  }

  /** The column index of a column reference, possibly under exact widening casts; null otherwise. */
  private static Integer column(Expr expr) {
    if (expr instanceof ColumnRef ref) {
      return ref.index();
    }
    if (expr instanceof Call call && call.function().equals(Functions.CAST) && call.args().size() == 1
        && exactWidening(call.arg(0).type(), call.type())) {
      return column(call.arg(0));
    }
    return null;
  }

  static boolean exactWidening(ArrowType from, ArrowType to) {
    if (from instanceof ArrowType.Int source && source.getIsSigned()) {
      int bits = source.getBitWidth();
      if (to instanceof ArrowType.Int target) {
        return target.getIsSigned() && target.getBitWidth() >= bits;
      }
      if (to instanceof ArrowType.Decimal target) {
        int digits = bits <= 8 ? 3 : bits <= 16 ? 5 : bits <= 32 ? 10 : 19;
        return target.getPrecision() - target.getScale() >= digits;
      }
      return bits <= 32 && to instanceof ArrowType.FloatingPoint target
          && target.getPrecision() == FloatingPointPrecision.DOUBLE;
    }
    if (from instanceof ArrowType.FloatingPoint source && to instanceof ArrowType.FloatingPoint target) {
      return source.getPrecision() == FloatingPointPrecision.SINGLE
          || target.getPrecision() == FloatingPointPrecision.DOUBLE;
    }
    if (from instanceof ArrowType.Decimal source && to instanceof ArrowType.Decimal target) {
      return target.getScale() >= source.getScale()
          && target.getPrecision() - target.getScale() >= source.getPrecision() - source.getScale();
    }
    return false;
  }
}
