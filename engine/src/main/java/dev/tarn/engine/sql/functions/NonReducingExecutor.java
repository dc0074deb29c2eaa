package dev.tarn.engine.sql.functions;

import java.util.List;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexNode;

/**
 * A RexExecutor that evaluates nothing. Calcite's RexSimplify folds CAST of a literal with its own executor
 * (generated Java code with Calcite's semantics: CAST(2.5 AS INTEGER) = 2, CAST(1.005 AS DECIMAL(10,2)) = 1.00),
 * which is both a Calcite runtime running and a wrong answer for Trino (3 and 1.01). With this executor every
 * constant stays an expression and Tarn's kernels compute it.
 */
public final class NonReducingExecutor implements RexExecutor {
  public static final NonReducingExecutor INSTANCE = new NonReducingExecutor();

  private NonReducingExecutor() {}

  @Override
  public void reduce(RexBuilder rexBuilder, List<RexNode> constantExpressions, List<RexNode> reducedValues) {
    reducedValues.addAll(constantExpressions);
  }
}
