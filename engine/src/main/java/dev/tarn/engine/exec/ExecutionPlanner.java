package dev.tarn.engine.exec;

import dev.tarn.engine.exec.expr.ExpressionCompiler;
import dev.tarn.engine.exec.expr.VectorExpression;
import dev.tarn.engine.exec.operator.FilterOperator;
import dev.tarn.engine.exec.operator.FooterAggregateOperator;
import dev.tarn.engine.exec.operator.GroupIdOperator;
import dev.tarn.engine.exec.operator.HashAggregateOperator;
import dev.tarn.engine.exec.operator.HashJoinOperator;
import dev.tarn.engine.exec.operator.LimitOperator;
import dev.tarn.engine.exec.operator.NestedLoopJoinOperator;
import dev.tarn.engine.exec.operator.ProjectOperator;
import dev.tarn.engine.exec.operator.SortOperator;
import dev.tarn.engine.exec.operator.TopNOperator;
import dev.tarn.engine.exec.operator.UnionAllOperator;
import dev.tarn.engine.exec.operator.ValuesOperator;
import dev.tarn.engine.exec.operator.WindowOperator;
import dev.tarn.engine.plan.AggregateNode;
import dev.tarn.engine.plan.FilterNode;
import dev.tarn.engine.plan.FooterAggregateNode;
import dev.tarn.engine.plan.GroupIdNode;
import dev.tarn.engine.plan.JoinNode;
import dev.tarn.engine.plan.LimitNode;
import dev.tarn.engine.plan.PlanNode;
import dev.tarn.engine.plan.PlanVisitor;
import dev.tarn.engine.plan.ProjectNode;
import dev.tarn.engine.plan.SortNode;
import dev.tarn.engine.plan.TableScanNode;
import dev.tarn.engine.plan.TopNNode;
import dev.tarn.engine.plan.UnionAllNode;
import dev.tarn.engine.plan.ValuesNode;
import dev.tarn.engine.plan.WindowNode;
import java.util.List;

/**
 * Turns an immutable plan into a tree of operators for one execution: compiles expressions (failing early with
 * NOT_SUPPORTED) and delegates table scans to the {@link ScanOperatorFactory}. No work starts until the root's
 * first {@code next()}.
 */
public final class ExecutionPlanner {
  private final ExecutionContext context;
  private final ScanOperatorFactory scans;

  public ExecutionPlanner(ExecutionContext context, ScanOperatorFactory scans) {
    this.context = context;
    this.scans = scans;
  }

  /** The operator tree computing {@code root}; the caller owns it and must close it. */
  public Operator plan(PlanNode root) {
    return root.accept(new PlanVisitor<Operator>() {
      @Override
      public Operator visitTableScan(TableScanNode node) {
        return scans.create(node, context);
      }

      @Override
      public Operator visitFilter(FilterNode node) {
        VectorExpression condition = ExpressionCompiler.compile(node.condition());
        return new FilterOperator(node.input().accept(this), condition, context);
      }

      @Override
      public Operator visitProject(ProjectNode node) {
        List<VectorExpression> expressions = node.expressions().stream().map(ExpressionCompiler::compile).toList();
        return new ProjectOperator(node.input().accept(this), expressions, node.outputFields(), context);
      }

      @Override
      public Operator visitAggregate(AggregateNode node) {
        return new HashAggregateOperator(node.input().accept(this), node.groupKeys(), node.aggregates(),
            node.emptyGroupingSetIds(), node.outputFields(), context);
      }

      @Override
      public Operator visitSort(SortNode node) {
        return new SortOperator(node.input().accept(this), node.keys(), context);
      }

      @Override
      public Operator visitTopN(TopNNode node) {
        return new TopNOperator(node.input().accept(this), node.keys(), node.offset(), node.limit(), context);
      }

      @Override
      public Operator visitLimit(LimitNode node) {
        return new LimitOperator(node.input().accept(this), node.offset(), node.limit(), context);
      }

      @Override
      public Operator visitValues(ValuesNode node) {
        return new ValuesOperator(node, context);
      }

      @Override
      public Operator visitWindow(WindowNode node) {
        return WindowOperator.chain(node.input().accept(this), node, context);
      }

      @Override
      public Operator visitUnionAll(UnionAllNode node) {
        return new UnionAllOperator(node.inputs().stream().map(input -> input.accept(this)).toList(),
            node.outputFields(), context);
      }

      @Override
      public Operator visitGroupId(GroupIdNode node) {
        return new GroupIdOperator(node.input().accept(this), node.groupKeys(), node.groupingSets(),
            node.outputFields(), context);
      }

      @Override
      public Operator visitJoin(JoinNode node) {
        return joinOperator(node, this);
      }

      @Override
      public Operator visitFooterAggregate(FooterAggregateNode node) {
        PlanVisitor<Operator> planner = this;
        return new FooterAggregateOperator(node, () -> node.fallback().accept(planner), context);
      }
    });
  }

  /** A hash join when the node has keys, else a nested-loop join; compiles first so a failure leaks nothing. */
  private Operator joinOperator(JoinNode node, PlanVisitor<Operator> planner) {
    VectorExpression residual = node.residual() == null ? null : ExpressionCompiler.compile(node.residual());
    Operator left = node.left().accept(planner);
    Operator right;
    try {
      right = node.right().accept(planner);
    } catch (RuntimeException e) {
      left.close();
      throw e;
    }
    return node.isHashJoin()
        ? new HashJoinOperator(left, right, node.joinType(), node.leftKeys(), node.rightKeys(), node.nullSafeKeys(), residual,
            node.buildSide(), node.outputFields(), context)
        : new NestedLoopJoinOperator(left, right, node.joinType(), residual, node.buildSide(), node.outputFields(),
            context);
  }
}
