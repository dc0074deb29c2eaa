package dev.tarn.engine.sql.metadata;

import dev.tarn.engine.sql.rel.TarnTableScan;
import dev.tarn.engine.sql.stats.ColumnStatistics;
import dev.tarn.engine.sql.stats.TableProfile;
import com.google.common.collect.Range;
import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.Sarg;

/**
 * The fraction of a scan's rows a predicate keeps, from the table's column statistics, the way Trino's filter
 * statistics work: {@code col = literal} keeps 1/NDV of the non-null rows, a range keeps the part of
 * {@code [min, max]} it covers, IS NULL keeps the null fraction; AND multiplies (independence), OR adds what is
 * not yet kept, NOT complements. Anything else gets Calcite's default guess.
 */
final class ScanPredicateSelectivity {

  private final TarnTableScan scan;
  private final TableProfile profile;

  private ScanPredicateSelectivity(TarnTableScan scan, TableProfile profile) {
    this.scan = scan;
    this.profile = profile;
  }

  /** The selectivity of {@code predicate} (over the scan's output columns) on the scan's rows. */
  static double of(TarnTableScan scan, RexNode predicate) {
    TableProfile profile = scan.catalogTable().profile();
    if (predicate == null || predicate.isAlwaysTrue()) {
      return 1;
    }
    if (profile == null || profile.rowCount() < 1) {
      return RelMdUtil.guessSelectivity(predicate);
    }
    return new ScanPredicateSelectivity(scan, profile).selectivity(predicate);
  }

  private double selectivity(RexNode node) {
    switch (node.getKind()) {
      case AND: {
        double result = 1;
        for (RexNode operand : ((RexCall) node).getOperands()) {
          result *= selectivity(operand);
        }
        return result;
      }
      case OR: {
        double rejected = 1;
        for (RexNode operand : ((RexCall) node).getOperands()) {
          rejected *= 1 - selectivity(operand);
        }
        return 1 - rejected;
      }
      case NOT:
        return 1 - selectivity(((RexCall) node).getOperands().get(0));
      case IS_NULL:
      case IS_NOT_NULL: {
        ColumnStatistics column = column(((RexCall) node).getOperands().get(0));
        if (column == null) {
          return RelMdUtil.guessSelectivity(node);
        }
        double nulls = Math.min(1, column.nullCount() / profile.rowCount());
        return node.getKind() == SqlKind.IS_NULL ? nulls : 1 - nulls;
      }
      case SEARCH:
        return search((RexCall) node);
      case EQUALS:
      case NOT_EQUALS:
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
        return comparison((RexCall) node);
      default:
        return RelMdUtil.guessSelectivity(node);
    }
  }

  private double comparison(RexCall call) {
    RexNode left = call.getOperands().get(0);
    RexNode right = call.getOperands().get(1);
    SqlKind kind = call.getKind();
    if (!(left instanceof RexInputRef) && right instanceof RexInputRef) {
      RexNode swap = left;
      left = right;
      right = swap;
      kind = kind.reverse();
    }
    ColumnStatistics column = column(left);
    if (column == null || !(right instanceof RexLiteral literal) || literal.isNull()) {
      return RelMdUtil.guessSelectivity(call);
    }
    Double value = number(literal.getValueAs(Comparable.class));
    return switch (kind) {
      case EQUALS -> point(column, value, call);
      case NOT_EQUALS -> Math.max(0, nonNullFraction(column) - point(column, value, call));
      case LESS_THAN, LESS_THAN_OR_EQUAL -> value == null ? RelMdUtil.guessSelectivity(call)
          : range(column, null, value, call);
      case GREATER_THAN, GREATER_THAN_OR_EQUAL -> value == null ? RelMdUtil.guessSelectivity(call)
          : range(column, value, null, call);
      default -> RelMdUtil.guessSelectivity(call);
    };
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private double search(RexCall call) {
    ColumnStatistics column = column(call.getOperands().get(0));
    if (column == null || !(call.getOperands().get(1) instanceof RexLiteral literal)) {
      return RelMdUtil.guessSelectivity(call);
    }
    Sarg sarg = literal.getValueAs(Sarg.class);
    if (sarg == null) {
      return RelMdUtil.guessSelectivity(call);
    }
    double result = sarg.nullAs == RexUnknownAs.TRUE ? column.nullCount() / profile.rowCount() : 0;
    for (Range range : (java.util.Set<Range>) sarg.rangeSet.asRanges()) {
      Double low = range.hasLowerBound() ? number(range.lowerEndpoint()) : null;
      Double high = range.hasUpperBound() ? number(range.upperEndpoint()) : null;
      if (range.hasLowerBound() && range.hasUpperBound() && range.lowerEndpoint().equals(range.upperEndpoint())) {
        result += point(column, low, call);
      } else if ((range.hasLowerBound() && low == null) || (range.hasUpperBound() && high == null)) {
        result += RelMdUtil.guessSelectivity(call) / Math.max(1, sarg.rangeSet.asRanges().size());
      } else {
        result += range(column, low, high, call);
      }
    }
    return Math.min(1, result);
  }

  /** The fraction of rows equal to {@code value} (null when not numeric): 1/NDV of the non-null rows. */
  private double point(ColumnStatistics column, Double value, RexNode call) {
    if (column.distinctCount() == null) {
      return RelMdUtil.guessSelectivity(call);
    }
    if (value != null && column.hasRange() && (value < column.minimum() || value > column.maximum())) {
      return oneRow();
    }
    return Math.max(oneRow(), nonNullFraction(column) / Math.max(1, column.distinctCount()));
  }

  /** The fraction of rows in {@code [low, high]} (a null end is unbounded), assuming a uniform spread. */
  private double range(ColumnStatistics column, Double low, Double high, RexNode call) {
    if (!column.hasRange()) {
      return RelMdUtil.guessSelectivity(call);
    }
    double min = column.minimum();
    double max = column.maximum();
    double from = low == null ? min : Math.max(low, min);
    double to = high == null ? max : Math.min(high, max);
    if (to < from) {
      return oneRow();
    }
    double width = max - min;
    double fraction = width <= 0 ? 1 : (to - from) / width;
    return Math.max(oneRow(), nonNullFraction(column) * Math.min(1, fraction));
  }

  private double oneRow() {
    return 1 / profile.rowCount();
  }

  private double nonNullFraction(ColumnStatistics column) {
    return Math.max(0, 1 - column.nullCount() / profile.rowCount());
  }

  /** The statistics of the table column a scan output column reference reads, or null. */
  private ColumnStatistics column(RexNode node) {
    if (!(node instanceof RexInputRef ref)) {
      return null;
    }
    List<Integer> columns = scan.columns();
    String name = scan.catalogTable().columns().get(columns.get(ref.getIndex())).name();
    return profile.column(name);
  }

  /** A literal's value on the statistics' number line (days for dates), or null for other types. */
  static Double number(Comparable<?> value) {
    if (value instanceof BigDecimal decimal) {
      return decimal.doubleValue();
    }
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    if (value instanceof DateString date) {
      return (double) date.getDaysSinceEpoch();
    }
    return null;
  }
}
