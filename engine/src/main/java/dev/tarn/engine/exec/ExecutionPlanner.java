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
import dev.tarn.engine.exec.operator.SystemTableScanOperator;
import dev.tarn.engine.exec.operator.SystemTableSource;
import dev.tarn.engine.exec.operator.ValuesOperator;
import dev.tarn.engine.exec.profile.QueryProfile;
import dev.tarn.engine.exec.operator.WindowOperator;
import dev.tarn.engine.exec.dynamic.DynamicFilterCollector;
import dev.tarn.engine.plan.AggregateNode;
import dev.tarn.engine.plan.DynamicFilterPlanner;
import dev.tarn.engine.plan.DynamicFilterSpec;
import dev.tarn.engine.plan.FilterNode;
import dev.tarn.engine.plan.FooterAggregateNode;
import dev.tarn.engine.plan.GroupIdNode;
import dev.tarn.engine.plan.JoinNode;
import dev.tarn.engine.plan.LimitNode;
import dev.tarn.engine.plan.PlanNode;
import dev.tarn.engine.plan.PlanVisitor;
import dev.tarn.engine.plan.ProjectNode;
import dev.tarn.engine.plan.SortNode;
import dev.tarn.engine.plan.SystemTableScanNode;
import dev.tarn.engine.plan.TableScanNode;
import dev.tarn.engine.plan.TopNNode;
import dev.tarn.engine.plan.UnionAllNode;
import dev.tarn.engine.plan.ValuesNode;
import dev.tarn.engine.plan.WindowNode;
import java.util.List;
import java.util.Map;

/**
 * Turns an immutable plan into a tree of operators for one execution: compiles expressions (failing early with
 * NOT_SUPPORTED) and delegates table scans to the {@link ScanOperatorFactory}. No work starts until the root's
 * first {@code next()}.
 */
public final class ExecutionPlanner {
  private final ExecutionContext context;
  private final ScanOperatorFactory scans;
  private final SystemTableSource systemTables;
  private final QueryProfile profile;
  private Map<JoinNode, List<DynamicFilterSpec>> dynamicFilters = Map.of();

  public ExecutionPlanner(ExecutionContext context, ScanOperatorFactory scans) {
    this(context, scans, SystemTableSource.NONE, null);
  }

  /**
   * @param systemTables the rows of system tables
   * @param profile when not null, every operator is wrapped to record into it (EXPLAIN ANALYZE)
   */
  public ExecutionPlanner(ExecutionContext context, ScanOperatorFactory scans, SystemTableSource systemTables,
      QueryProfile profile) {
    this.context = context;
    this.scans = scans;
    this.systemTables = systemTables;
    this.profile = profile;
  }

  /** The operator tree computing {@code root}; the caller owns it and must close it. */
  public Operator plan(PlanNode root) {
    dynamicFilters = DynamicFilterPlanner.assign(root);
    // Registered before any scan operator is built, so each scan learns its filters in its constructor.
    dynamicFilters.values().forEach(specs -> specs.forEach(context.dynamicFilters()::register));
    return build(root);
  }

  /** The operator for {@code node}, wrapped for profiling when profiling is on, with the scans it registered. */
  private Operator build(PlanNode node) {
    if (profile == null) {
      return node.accept(visitor);
    }
    int scansBefore = context.stats().scans().size();
    Operator operator = node.accept(visitor);
    List<ScanStats> all = context.stats().scans();
    // Children were built (and registered their scans) first, so only a leaf's own scans remain new here.
    List<ScanStats> own = node.inputs().isEmpty() ? all.subList(scansBefore, all.size()) : List.of();
    return profile.wrap(node, operator, own);
  }

  private final PlanVisitor<Operator> visitor = new PlanVisitor<Operator>() {
      @Override
      public Operator visitTableScan(TableScanNode node) {
        return scans.create(node, context);
      }

      @Override
      public Operator visitFilter(FilterNode node) {
        VectorExpression condition = ExpressionCompiler.compile(node.condition());
        return new FilterOperator(build(node.input()), condition, context);
      }

      @Override
      public Operator visitProject(ProjectNode node) {
        List<VectorExpression> expressions = node.expressions().stream().map(ExpressionCompiler::compile).toList();
        return new ProjectOperator(build(node.input()), expressions, node.outputFields(), context);
      }

      @Override
      public Operator visitAggregate(AggregateNode node) {
        return new HashAggregateOperator(build(node.input()), node.groupKeys(), node.aggregates(),
            node.emptyGroupingSetIds(), node.outputFields(), context);
      }

      @Override
      public Operator visitSort(SortNode node) {
        return new SortOperator(build(node.input()), node.keys(), context);
      }

      @Override
      public Operator visitTopN(TopNNode node) {
        return new TopNOperator(build(node.input()), node.keys(), node.offset(), node.limit(), context);
      }

      @Override
      public Operator visitLimit(LimitNode node) {
        return new LimitOperator(build(node.input()), node.offset(), node.limit(), context);
      }

      @Override
      public Operator visitValues(ValuesNode node) {
        return new ValuesOperator(node, context);
      }

      @Override
      public Operator visitWindow(WindowNode node) {
        return WindowOperator.chain(build(node.input()), node, context);
      }

      @Override
      public Operator visitUnionAll(UnionAllNode node) {
        return new UnionAllOperator(node.inputs().stream().map(ExecutionPlanner.this::build).toList(),
            node.outputFields(), context);
      }

      @Override
      public Operator visitGroupId(GroupIdNode node) {
        return new GroupIdOperator(build(node.input()), node.groupKeys(), node.groupingSets(),
            node.outputFields(), context);
      }

      @Override
      public Operator visitJoin(JoinNode node) {
        return joinOperator(node);
      }

      @Override
      public Operator visitSystemTableScan(SystemTableScanNode node) {
        return new SystemTableScanOperator(node, systemTables, context);
      }

      @Override
      public Operator visitFooterAggregate(FooterAggregateNode node) {
        // The fallback plan is built only if a file cannot answer from its footer.
        return new FooterAggregateOperator(node, () -> build(node.fallback()), context);
      }
    };

  /** A hash join when the node has keys, else a nested-loop join; compiles first so a failure leaks nothing. */
  private Operator joinOperator(JoinNode node) {
    VectorExpression residual = node.residual() == null ? null : ExpressionCompiler.compile(node.residual());
    Operator left = build(node.left());
    Operator right;
    try {
      right = build(node.right());
    } catch (RuntimeException e) {
      left.close();
      throw e;
    }
    List<DynamicFilterSpec> specs = dynamicFilters.get(node);
    DynamicFilterCollector collector = specs == null ? null
        : new DynamicFilterCollector(specs, context.dynamicFilters());
    return node.isHashJoin()
        ? new HashJoinOperator(left, right, node.joinType(), node.leftKeys(), node.rightKeys(), node.nullSafeKeys(), residual,
            node.buildSide(), node.outputFields(), context, collector)
        : new NestedLoopJoinOperator(left, right, node.joinType(), residual, node.buildSide(), node.outputFields(),
            context);
  }
}
