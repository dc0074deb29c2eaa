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
 * Filter over TarnTableScan: copies the filter's conjuncts that read only partition keys into the scan's partition
 * predicate, so partitions are pruned before any file is opened. The filter itself stays (the scan prunes whole
 * partitions; rows are still filtered), which keeps the rule trivially correct.
 */
public final class PartitionPredicateIntoScanRule extends RelOptRule {

  public static final PartitionPredicateIntoScanRule INSTANCE = new PartitionPredicateIntoScanRule();

  private PartitionPredicateIntoScanRule() {
    super(operand(Filter.class, operand(TarnTableScan.class, none())), "PartitionPredicateIntoScanRule");
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Filter filter = call.rel(0);
    TarnTableScan scan = call.rel(1);
    Set<RexNode> predicate = new LinkedHashSet<>();
    if (scan.partitionPredicate() != null) {
      predicate.addAll(RelOptUtil.conjunctions(scan.partitionPredicate()));
    }
    int before = predicate.size();
    for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
      ImmutableBitSet used = RelOptUtil.InputFinder.bits(conjunct);
      if (used.isEmpty() || !RexUtil.isDeterministic(conjunct) || RexUtil.containsCorrelation(conjunct)) {
        continue;
      }
      boolean onlyPartitionKeys = true;
      for (int field : used) {
        onlyPartitionKeys &= scan.catalogTable().isPartitionKey(scan.columns().get(field));
      }
      if (onlyPartitionKeys) {
        predicate.add(toTableColumns(conjunct, scan.columns()));
      }
    }
    if (predicate.size() == before) {
      return;
    }
    RexNode combined = RexUtil.composeConjunction(scan.getCluster().getRexBuilder(), new ArrayList<>(predicate));
    call.transformTo(filter.copy(filter.getTraitSet(), scan.withPartitionPredicate(combined), filter.getCondition()));
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
