package dev.tarn.engine.sql.rules;

import dev.tarn.engine.sql.rel.TarnTableScan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Filter over TarnTableScan: copies the filter's deterministic conjuncts that read only data (non-partition)
 * columns into the scan's data predicate, which the Parquet reader uses to skip row groups, pages and rows. The
 * filter stays above the scan, so pruning may be conservative and results remain exact.
 */
public final class DataPredicateIntoScanRule extends RelOptRule {

  public static final DataPredicateIntoScanRule INSTANCE = new DataPredicateIntoScanRule();

  private DataPredicateIntoScanRule() {
    super(operand(Filter.class, operand(TarnTableScan.class, none())), "DataPredicateIntoScanRule");
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Filter filter = call.rel(0);
    TarnTableScan scan = call.rel(1);
    Set<RexNode> predicate = new LinkedHashSet<>();
    if (scan.dataPredicate() != null) {
      predicate.addAll(RelOptUtil.conjunctions(scan.dataPredicate()));
    }
    int before = predicate.size();
    for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
      ImmutableBitSet used = RelOptUtil.InputFinder.bits(conjunct);
      if (used.isEmpty() || !RexUtil.isDeterministic(conjunct) || RexUtil.containsCorrelation(conjunct)
          || RexUtil.SubQueryFinder.containsSubQuery(filter)) {
        continue;
      }
      boolean onlyDataColumns = true;
      for (int field : used) {
        onlyDataColumns &= !scan.catalogTable().isPartitionKey(scan.columns().get(field));
      }
      if (onlyDataColumns) {
        predicate.add(toTableColumns(conjunct, scan.columns()));
      }
    }
    if (predicate.size() == before) {
      return;
    }
    RexNode combined = RexUtil.composeConjunction(scan.getCluster().getRexBuilder(), new ArrayList<>(predicate));
    call.transformTo(filter.copy(filter.getTraitSet(), scan.withDataPredicate(combined), filter.getCondition()));
  }

  /** Rewrites references to the scan's output columns into references to the table's columns. */
  private static RexNode toTableColumns(RexNode node, List<Integer> columns) {
    return node.accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef inputRef) {
        return new RexInputRef(columns.get(inputRef.getIndex()), inputRef.getType());
      }
    });
  }
}
