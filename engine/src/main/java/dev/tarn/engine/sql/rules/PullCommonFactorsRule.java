package dev.tarn.engine.sql.rules;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * Filter whose condition is an OR of ANDs sharing conjuncts: pulls the shared conjuncts out, so that
 * {@code (k = k' AND a AND x) OR (k = k' AND b AND x)} becomes {@code k = k' AND x AND (a OR b)}. The join key
 * and single-table conditions can then be pushed into the join and onto the scans (TPC-H Q19's shape).
 */
public final class PullCommonFactorsRule extends RelOptRule {

  public static final PullCommonFactorsRule INSTANCE = new PullCommonFactorsRule();

  private PullCommonFactorsRule() {
    super(operand(Filter.class, any()), "PullCommonFactorsRule");
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Filter filter = call.rel(0);
    RexNode pulled = RexUtil.pullFactors(filter.getCluster().getRexBuilder(), filter.getCondition());
    if (!pulled.equals(filter.getCondition())) {
      call.transformTo(filter.copy(filter.getTraitSet(), filter.getInput(), pulled));
    }
  }
}
