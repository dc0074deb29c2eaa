package dev.tarn.engine.sql.translate;

import dev.tarn.engine.plan.AggregateNode;
import dev.tarn.engine.plan.AggregateNode.AggregateCall;
import dev.tarn.engine.plan.FooterAggregateNode;
import dev.tarn.engine.plan.PlanNode;
import dev.tarn.engine.plan.TableScanNode;
import dev.tarn.engine.sql.rel.TarnTableScan;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Aggregate → FooterAggregateNode when Parquet footers can answer it (stage 8 of issue 4), else the ordinary
 * {@link AggregateTranslation}. Eligible: only count(*), count(col), min(col), max(col) without FILTER, grouped by
 * nothing or by partition keys, over a scan reached through column-only projections and filters whose every
 * conjunct reads only partition keys and is already in the scan's partition predicate (so pruning applied it
 * exactly and no row needs to be read). min/max of floating point stay on the ordinary path: Parquet statistics
 * leave NaN out and normalize -0.0/+0.0, so they cannot reproduce the scan's answer.
 */
final class FooterAggregateTranslation {

  private FooterAggregateTranslation() {}

  static PlanNode translate(Aggregate aggregate, PhysicalPlanTranslator translator) {
    PlanNode ordinary = AggregateTranslation.translate(aggregate, translator);
    if (!(ordinary instanceof AggregateNode node) || aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
      return ordinary;
    }
    int[] toScan = scanColumns(aggregate.getInput());
    TarnTableScan scan = bottomScan(aggregate.getInput());
    TableScanNode scanNode = scanNode(node.input());
    if (toScan == null || scan == null || scanNode == null || scanNode.columns().size() != scan.columns().size()) {
      return ordinary;
    }
    List<Integer> keys = new ArrayList<>();
    for (int key : aggregate.getGroupSet()) {
      if (!scanNode.columns().get(toScan[key]).fromPartition()) {
        return ordinary;
      }
      keys.add(toScan[key]);
    }
    List<AggregateCall> calls = new ArrayList<>();
    for (int i = 0; i < aggregate.getAggCallList().size(); i++) {
      org.apache.calcite.rel.core.AggregateCall call = aggregate.getAggCallList().get(i);
      AggregateCall translated = node.aggregates().get(i);
      if (!eligible(call)) {
        return ordinary;
      }
      List<Integer> arguments = call.getArgList().stream().map(argument -> toScan[argument]).toList();
      if (!arguments.isEmpty() && !call.getAggregation().getKind().equals(SqlKind.COUNT)
          && !answerableExtreme(scanNode.columns().get(arguments.get(0)))) {
        return ordinary;
      }
      calls.add(new AggregateCall(translated.function(), arguments, false, translated.type(), translated.name()));
    }
    return new FooterAggregateNode(scanNode, keys, calls, ordinary);
  }

  private static boolean eligible(org.apache.calcite.rel.core.AggregateCall call) {
    SqlKind kind = call.getAggregation().getKind();
    boolean function = kind == SqlKind.COUNT && !call.isApproximate() && !call.isDistinct()
        || kind == SqlKind.MIN || kind == SqlKind.MAX; // DISTINCT does not change an extreme
    return function && call.filterArg < 0 && call.getArgList().size() <= 1
        && call.collation.getFieldCollations().isEmpty();
  }

  /** Whether footer statistics (or partition values) can give min/max of this column exactly, as far as types go. */
  private static boolean answerableExtreme(TableScanNode.ScanColumn column) {
    if (column.fromPartition()) {
      return true;
    }
    ArrowType type = column.field().getType();
    return type instanceof ArrowType.Int || type instanceof ArrowType.Decimal || type instanceof ArrowType.Date
        || type instanceof ArrowType.Timestamp || type instanceof ArrowType.Utf8 || type instanceof ArrowType.Bool;
  }

  /**
   * For each output column of {@code rel}, the scan column it passes through unchanged; null when something
   * between the aggregate and the scan computes values or filters on data columns.
   */
  private static int[] scanColumns(RelNode rel) {
    if (rel instanceof TarnTableScan scan) {
      int[] identity = new int[scan.columns().size()];
      for (int i = 0; i < identity.length; i++) {
        identity[i] = i;
      }
      return identity;
    }
    if (rel instanceof Project project) {
      int[] below = scanColumns(project.getInput());
      if (below == null) {
        return null;
      }
      int[] mapped = new int[project.getProjects().size()];
      for (int i = 0; i < mapped.length; i++) {
        if (!(project.getProjects().get(i) instanceof RexInputRef ref)) {
          return null;
        }
        mapped[i] = below[ref.getIndex()];
      }
      return mapped;
    }
    if (rel instanceof Filter filter) {
      int[] below = scanColumns(filter.getInput());
      TarnTableScan scan = bottomScan(filter.getInput());
      return below != null && scan != null && appliedByPruning(filter.getCondition(), below, scan) ? below : null;
    }
    return null;
  }

  /** Whether every conjunct reads only partition keys and is part of the scan's partition predicate. */
  private static boolean appliedByPruning(RexNode condition, int[] toScan, TarnTableScan scan) {
    if (scan.partitionPredicate() == null) {
      return false;
    }
    Set<RexNode> pruned = Set.copyOf(RelOptUtil.conjunctions(scan.partitionPredicate()));
    for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
      if (!RexUtil.isDeterministic(conjunct) || RexUtil.containsCorrelation(conjunct)) {
        return false;
      }
      boolean[] partitionOnly = {true};
      RexNode onTable = conjunct.accept(new RexShuttle() {
        @Override
        public RexNode visitInputRef(RexInputRef ref) {
          int tableColumn = scan.columns().get(toScan[ref.getIndex()]);
          partitionOnly[0] &= scan.catalogTable().isPartitionKey(tableColumn);
          return new RexInputRef(tableColumn, ref.getType());
        }
      });
      if (!partitionOnly[0] || !pruned.contains(onTable)) {
        return false;
      }
    }
    return true;
  }

  private static TarnTableScan bottomScan(RelNode rel) {
    while (rel instanceof Project || rel instanceof Filter) {
      rel = rel.getInput(0);
    }
    return rel instanceof TarnTableScan scan ? scan : null;
  }

  /** The TableScanNode under the ordinary aggregate's chain of filters and projections. */
  private static TableScanNode scanNode(PlanNode node) {
    while (!(node instanceof TableScanNode) && node.inputs().size() == 1) {
      node = node.inputs().get(0);
    }
    return node instanceof TableScanNode scan ? scan : null;
  }
}
