package dev.tarn.engine.sql.partition;

import dev.tarn.catalog.store.PartitionFilter;
import dev.tarn.catalog.types.HiveType;
import dev.tarn.engine.sql.CatalogTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.Sarg;

/**
 * Derives the part of a partition predicate that the catalog store can evaluate with its index: conjuncts of the
 * form {@code key op literal}, {@code key IN (...)} and {@code key IS [NOT] NULL}. What it cannot express is
 * left out (the result is implied by the predicate); the pruner evaluates the whole predicate afterwards.
 */
final class PartitionFilterExtractor {

  private PartitionFilterExtractor() {}

  static PartitionFilter extract(RexNode predicate, CatalogTable table) {
    if (predicate == null) {
      return PartitionFilter.ALL;
    }
    List<PartitionFilter> terms = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(predicate)) {
      PartitionFilter term = term(conjunct, table);
      if (term != null) {
        terms.add(term);
      }
    }
    return PartitionFilter.and(terms);
  }

  private static PartitionFilter term(RexNode node, CatalogTable table) {
    if (!(node instanceof RexCall call)) {
      return null;
    }
    switch (call.getKind()) {
      case AND -> {
        // Dropping an inexpressible conjunct keeps the filter implied by the predicate.
        List<PartitionFilter> terms = new ArrayList<>();
        for (RexNode operand : call.operands) {
          PartitionFilter term = term(operand, table);
          if (term != null) {
            terms.add(term);
          }
        }
        return terms.isEmpty() ? null : PartitionFilter.and(terms);
      }
      case OR -> {
        // A disjunction is implied only if every branch is expressible.
        List<PartitionFilter> terms = new ArrayList<>();
        for (RexNode operand : call.operands) {
          PartitionFilter term = term(operand, table);
          if (term == null) {
            return null;
          }
          terms.add(term);
        }
        return new PartitionFilter.Or(terms);
      }
      case IS_NULL, IS_NOT_NULL -> {
        int key = keyIndex(call.operands.get(0), table);
        return key < 0 ? null : new PartitionFilter.IsNull(key, call.getKind() == SqlKind.IS_NOT_NULL);
      }
      case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> {
        RexNode left = call.operands.get(0);
        RexNode right = call.operands.get(1);
        SqlKind kind = call.getKind();
        if (keyIndex(left, table) < 0) {
          RexNode swap = left;
          left = right;
          right = swap;
          kind = kind.reverse();
        }
        int key = keyIndex(left, table);
        if (key < 0 || !(right instanceof RexLiteral literal)) {
          return null;
        }
        Object value = storeValue(literal, keyType(table, key));
        return value == null ? null : new PartitionFilter.Compare(key, op(kind), value);
      }
      case SEARCH -> {
        int key = keyIndex(call.operands.get(0), table);
        RexLiteral sargLiteral = (RexLiteral) call.operands.get(1);
        Sarg<?> sarg = sargLiteral.getValueAs(Sarg.class);
        if (key < 0 || sarg == null || sarg.isComplementedPoints()
            || sarg.nullAs == org.apache.calcite.rex.RexUnknownAs.TRUE) {
          return null;
        }
        if (!sarg.isPoints()) {
          return ranges(key, sarg, keyType(table, key));
        }
        List<Object> values = new ArrayList<>();
        for (var range : sarg.rangeSet.asRanges()) {
          Object value = storeValue(range.lowerEndpoint(), keyType(table, key));
          if (value == null) {
            return null;
          }
          values.add(value);
        }
        return new PartitionFilter.In(key, values);
      }
      default -> {
        return null;
      }
    }
  }

  /** A SEARCH over ranges (BETWEEN, unions of ranges) as an OR of bounded comparisons, or null if inexpressible. */
  private static PartitionFilter ranges(int key, Sarg<?> sarg, HiveType keyType) {
    List<PartitionFilter> alternatives = new ArrayList<>();
    for (var range : sarg.rangeSet.asRanges()) {
      List<PartitionFilter> bounds = new ArrayList<>();
      if (range.hasLowerBound()) {
        Object value = storeValue(range.lowerEndpoint(), keyType);
        if (value == null) {
          return null;
        }
        bounds.add(new PartitionFilter.Compare(key, range.lowerBoundType() == com.google.common.collect.BoundType.CLOSED
            ? PartitionFilter.Op.GE : PartitionFilter.Op.GT, value));
      }
      if (range.hasUpperBound()) {
        Object value = storeValue(range.upperEndpoint(), keyType);
        if (value == null) {
          return null;
        }
        bounds.add(new PartitionFilter.Compare(key, range.upperBoundType() == com.google.common.collect.BoundType.CLOSED
            ? PartitionFilter.Op.LE : PartitionFilter.Op.LT, value));
      }
      alternatives.add(bounds.isEmpty() ? new PartitionFilter.IsNull(key, true) : PartitionFilter.and(bounds));
    }
    return alternatives.size() == 1 ? alternatives.get(0) : new PartitionFilter.Or(alternatives);
  }

  private static HiveType keyType(CatalogTable table, int key) {
    return HiveType.parse(table.definition().partitionKeys().get(key).type());
  }

  private static int keyIndex(RexNode node, CatalogTable table) {
    return node instanceof RexInputRef ref ? table.partitionKeyIndex(ref.getIndex()) : -1;
  }

  private static PartitionFilter.Op op(SqlKind kind) {
    return switch (kind) {
      case EQUALS -> PartitionFilter.Op.EQ;
      case NOT_EQUALS -> PartitionFilter.Op.NE;
      case LESS_THAN -> PartitionFilter.Op.LT;
      case LESS_THAN_OR_EQUAL -> PartitionFilter.Op.LE;
      case GREATER_THAN -> PartitionFilter.Op.GT;
      default -> PartitionFilter.Op.GE;
    };
  }

  private static Object storeValue(RexLiteral literal, HiveType keyType) {
    if (literal.isNull()) {
      return null;
    }
    return switch (literal.getType().getSqlTypeName()) {
      case TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL -> storeValue(literal.getValueAs(BigDecimal.class), keyType);
      case CHAR, VARCHAR -> storeValue(literal.getValueAs(NlsString.class), keyType);
      case DATE -> storeValue(literal.getValueAs(DateString.class), keyType);
      default -> null;
    };
  }

  /** The store's value for a literal compared with a key of {@code keyType}, or null when it has none. */
  private static Object storeValue(Object value, HiveType keyType) {
    if (keyType.isIntegral() && value instanceof BigDecimal decimal) {
      try {
        return decimal.longValueExact();
      } catch (ArithmeticException fractional) {
        return null;
      }
    }
    if ((keyType.kind() == HiveType.Kind.STRING || keyType.kind() == HiveType.Kind.VARCHAR) && value instanceof NlsString text) {
      return text.getValue();
    }
    if (keyType.kind() == HiveType.Kind.DATE && value instanceof DateString date) {
      return date.toString();
    }
    return null;
  }
}
