package dev.tarn.engine.sql.metadata;

import dev.tarn.engine.sql.rel.TarnTableScan;
import dev.tarn.engine.sql.stats.ColumnStatistics;
import dev.tarn.engine.sql.stats.TableProfile;
import com.google.common.collect.Range;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * {@code [min, max]} it covers, IS NULL keeps the null fraction; AND multiplies (independence), except that
 * bounds on one column are intersected first; OR adds what is not yet kept, NOT complements. Anything else, and
 * any column without statistics, gets Calcite's default guess.
 */
final class ScanPredicateSelectivity {

  private static final Set<SqlKind> LOWER_BOUNDS = EnumSet.of(SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL);
  private static final Set<SqlKind> UPPER_BOUNDS = EnumSet.of(SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL);

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
      case AND:
        return conjunction(((RexCall) node).getOperands());
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

  /**
   * The product of the conjuncts' selectivities, except that the bounds on one column ({@code d >= x AND d < y})
   * are intersected into one range first, as they are not independent.
   */
  private double conjunction(List<RexNode> conjuncts) {
    Map<Integer, Double[]> ranges = new LinkedHashMap<>();
    Map<Integer, RexNode> firstBounds = new LinkedHashMap<>();
    double result = 1;
    for (RexNode conjunct : conjuncts) {
      Comparison comparison = Comparison.of(conjunct);
      ColumnStatistics column = comparison == null ? null : column(comparison.column());
      Double value = comparison == null ? null : comparison.value();
      boolean lower = comparison != null && comparison.kind().belongsTo(LOWER_BOUNDS);
      boolean upper = comparison != null && comparison.kind().belongsTo(UPPER_BOUNDS);
      if (column == null || !column.hasRange() || value == null || !(lower || upper)) {
        result *= selectivity(conjunct);
        continue;
      }
      int index = comparison.column().getIndex();
      Double[] range = ranges.computeIfAbsent(index, unused -> new Double[2]);
      if (lower) {
        range[0] = range[0] == null ? value : Math.max(range[0], value);
      } else {
        range[1] = range[1] == null ? value : Math.min(range[1], value);
      }
      firstBounds.putIfAbsent(index, conjunct);
    }
    for (Map.Entry<Integer, Double[]> range : ranges.entrySet()) {
      RexNode bound = firstBounds.get(range.getKey());
      ColumnStatistics column = column(Comparison.of(bound).column());
      result *= range(column, range.getValue()[0], range.getValue()[1], bound);
    }
    return result;
  }

  private double comparison(RexCall call) {
    Comparison comparison = Comparison.of(call);
    ColumnStatistics column = comparison == null ? null : column(comparison.column());
    if (column == null) {
      return RelMdUtil.guessSelectivity(call);
    }
    Double value = comparison.value();
    if (comparison.kind() == SqlKind.EQUALS) {
      return point(column, value, call);
    }
    if (comparison.kind() == SqlKind.NOT_EQUALS) {
      return Math.max(0, nonNullFraction(column) - point(column, value, call));
    }
    if (value == null) {
      return RelMdUtil.guessSelectivity(call);
    }
    return comparison.kind().belongsTo(LOWER_BOUNDS)
        ? range(column, value, null, call) : range(column, null, value, call);
  }

  /** {@code column op literal} (operands swapped, and the operator reversed, when the literal comes first). */
  private record Comparison(RexInputRef column, SqlKind kind, RexLiteral literal) {

    static Comparison of(RexNode node) {
      if (!(node instanceof RexCall call) || call.getOperands().size() != 2) {
        return null;
      }
      RexNode left = call.getOperands().get(0);
      RexNode right = call.getOperands().get(1);
      if (right instanceof RexInputRef ref && left instanceof RexLiteral literal && !literal.isNull()) {
        return new Comparison(ref, call.getKind().reverse(), literal);
      }
      if (left instanceof RexInputRef ref && right instanceof RexLiteral literal && !literal.isNull()) {
        return new Comparison(ref, call.getKind(), literal);
      }
      return null;
    }

    /** The literal on the statistics' number line, or null when it is not a number or a date. */
    Double value() {
      return number(literal.getValueAs(Comparable.class));
    }
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
    for (Range range : (Set<Range>) sarg.rangeSet.asRanges()) {
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
    if (to == from) {
      return point(column, from, call);
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
