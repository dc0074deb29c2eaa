package dev.tarn.engine.exec;

import dev.tarn.engine.exec.expr.ExpressionCompiler;
import dev.tarn.engine.exec.expr.VectorExpression;
import dev.tarn.engine.exec.operator.FilterOperator;
import dev.tarn.engine.exec.operator.MemoryLimitAttribution;
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
import dev.tarn.engine.exec.join.HashCandidates;
import dev.tarn.engine.exec.join.JoinBuild;
import dev.tarn.engine.exec.join.JoinDriver;
import dev.tarn.engine.exec.join.JoinHashTable;
import dev.tarn.engine.exec.parallel.Fragment;
import dev.tarn.engine.exec.parallel.GatherOperator;
import dev.tarn.engine.exec.parallel.MergeSortedOperator;
import dev.tarn.engine.exec.parallel.ParallelAggregateOperator;
import dev.tarn.engine.exec.aggregate.AggregationState;
import dev.tarn.engine.plan.BuildSide;
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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns an immutable plan into a tree of operators for one execution: compiles expressions (failing early with
 * NOT_SUPPORTED) and delegates table scans to the {@link ScanOperatorFactory}. No work starts until the root's
 * first {@code next()}.
 *
 * <p>With a parallelism N above 1, every <em>splittable</em> subtree (a scan under filters, projections, grouping-set
 * expansion and the probe sides of hash joins) is built N times into a {@link Fragment} whose copies share the
 * scans' split sources and the joins' builds; the operator above consumes the copies on the worker pool: a partial
 * and final aggregation, per-copy sorted runs and a merge, per-copy top-N or limit and a final one, or else a
 * {@link GatherOperator}. Everything else (windows, set operations, nested-loop joins, joins that emit build rows,
 * system tables, footer aggregates) runs on the query's thread as with N = 1, over gathered inputs.
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
    if (parallel() && splittable(node)) {
      return new GatherOperator(fragment(node), context);
    }
    return profiled(node, () -> node.accept(visitor));
  }

  /** {@code create}'s operator for {@code node}, wrapped for profiling with the scans it registered. */
  private Operator profiled(PlanNode node, Supplier<Operator> create) {
    if (profile == null) {
      return attributed(node, create.get());
    }
    int scansBefore = context.stats().scans().size();
    Operator operator = create.get();
    List<ScanStats> all = context.stats().scans();
    // Children were built (and registered their scans) first, so only a leaf's own scans remain new here.
    List<ScanStats> own = node.inputs().isEmpty() ? all.subList(scansBefore, all.size()) : List.of();
    return profile.wrap(node, attributed(node, operator), own);
  }

  /** {@code operator} wrapped to name itself when it runs out of the query's memory. */
  private Operator attributed(PlanNode node, Operator operator) {
    String description = node.describe();
    int bracket = description.indexOf('[');
    return new MemoryLimitAttribution(operator, bracket > 0 ? description.substring(0, bracket) : description,
        context);
  }

  /**
   * The splittable {@code node} as one copy on the calling thread (its joins build lazily, as without parallelism),
   * for inputs too small to be worth splitting.
   */
  private Operator serial(PlanNode node) {
    return copies(node, 1, new ArrayList<>()).get(0);
  }

  private static long saturatedSum(long left, long right) {
    long sum = left + right;
    return ((left ^ sum) & (right ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }

  private boolean parallel() {
    return context.parallelism() > 1;
  }

  /**
   * Whether {@code node} can run as N copies that together compute it once: scans (sharing a split source) and the
   * operators that work batch by batch above them, including hash joins probing with the splittable side against a
   * shared build (a join emitting unmatched build rows merges the copies' matches before the last copy emits them).
   */
  private static boolean splittable(PlanNode node) {
    if (node instanceof TableScanNode) {
      return true;
    }
    if (node instanceof FilterNode || node instanceof ProjectNode || node instanceof GroupIdNode) {
      return splittable(node.inputs().get(0));
    }
    if (node instanceof JoinNode join) {
      return join.isHashJoin() && splittable(join.buildSide() == BuildSide.RIGHT ? join.left() : join.right());
    }
    return false;
  }

  /** N copies of the splittable {@code node}, with the join builds they share. */
  private Fragment fragment(PlanNode node) {
    List<JoinBuild> builds = new ArrayList<>();
    List<Operator> copies = copies(node, context.parallelism(), builds);
    List<TableScanNode> scans = new ArrayList<>();
    probeScans(node, scans);
    return new Fragment(copies, builds, () -> scans.forEach(context.splitSources()::stop));
  }

  /** The scans a fragment of {@code node} reads: down its copies' inputs, not into its joins' build sides. */
  private static void probeScans(PlanNode node, List<TableScanNode> scans) {
    if (node instanceof TableScanNode scan) {
      scans.add(scan);
    } else if (node instanceof JoinNode join) {
      probeScans(join.buildSide() == BuildSide.RIGHT ? join.left() : join.right(), scans);
    } else {
      probeScans(node.inputs().get(0), scans);
    }
  }

  /** {@code count} copies of the splittable {@code node}; adds the join builds they share to {@code builds}. */
  private List<Operator> copies(PlanNode node, int count, List<JoinBuild> builds) {
    if (node instanceof JoinNode join) {
      return joinCopies(join, count, builds);
    }
    List<Operator> inputs = node instanceof TableScanNode ? null : copies(node.inputs().get(0), count, builds);
    List<Operator> copies = new ArrayList<>(count);
    try {
      for (int copy = 0; copy < count; copy++) {
        Operator input = inputs == null ? null : inputs.get(copy);
        copies.add(profiled(node, () -> copyOf(node, input)));
        if (inputs != null) {
          inputs.set(copy, null);
        }
      }
      return copies;
    } catch (RuntimeException e) {
      copies.forEach(Operator::close);
      if (inputs != null) {
        inputs.stream().filter(input -> input != null).forEach(Operator::close);
      }
      throw e;
    }
  }

  /** One copy of a scan, or of a batch-at-a-time operator over {@code input}. */
  private Operator copyOf(PlanNode node, Operator input) {
    if (node instanceof TableScanNode scan) {
      return scans.create(scan, context);
    }
    if (node instanceof FilterNode filter) {
      return new FilterOperator(input, ExpressionCompiler.compile(filter.condition()), context);
    }
    if (node instanceof ProjectNode project) {
      return ProjectOperator.compiling(project.expressions(), project.outputFields(), context).apply(input);
    }
    return groupIdOperator((GroupIdNode) node, input);
  }

  /**
   * Copies of a hash join probing copies of its splittable side against one shared build (built once, before the
   * copies start, from the other side's single operator). Sides are built left then right, as {@link #joinOperator}
   * does, so scans register in the same order; the build is listed before those of the probe side's joins, the order
   * in which a single-threaded pipeline builds them.
   */
  private List<Operator> joinCopies(JoinNode node, int count, List<JoinBuild> builds) {
    boolean buildIsRight = node.buildSide() == BuildSide.RIGHT;
    List<Integer> buildKeys = buildIsRight ? node.rightKeys() : node.leftKeys();
    List<Integer> probeKeys = buildIsRight ? node.leftKeys() : node.rightKeys();
    List<VectorExpression> residuals = new ArrayList<>(count);
    for (int copy = 0; copy < count; copy++) {
      residuals.add(node.residual() == null ? null : ExpressionCompiler.compile(node.residual()));
    }
    int position = builds.size();
    Operator buildInput = null;
    List<Operator> probes = null;
    try {
      if (buildIsRight) {
        probes = copies(node.left(), count, builds);
        buildInput = build(node.right());
      } else {
        buildInput = build(node.left());
        probes = copies(node.right(), count, builds);
      }
    } catch (RuntimeException e) {
      if (buildInput != null) {
        buildInput.close();
      }
      if (probes != null) {
        probes.forEach(Operator::close);
      }
      throw e;
    }
    JoinHashTable table = new JoinHashTable(node.nullSafeKeys());
    List<DynamicFilterSpec> specs = dynamicFilters.get(node);
    DynamicFilterCollector collector = specs == null ? null
        : new DynamicFilterCollector(specs, context.dynamicFilters());
    JoinBuild shared = new JoinBuild(buildInput, new HashCandidates(table, buildKeys, probeKeys), collector, context,
        count);
    builds.add(position, shared);
    List<Operator> copies = new ArrayList<>(count);
    for (int copy = 0; copy < count; copy++) {
      Operator probe = probes.get(copy);
      VectorExpression residual = residuals.get(copy);
      copies.add(profiled(node, () -> HashJoinOperator.probing(probe, shared,
          new HashCandidates(table, buildKeys, probeKeys), node.joinType(), node.buildSide(), residual,
          node.outputFields(), context)));
    }
    return copies;
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
        Function<Operator, ProjectOperator> project =
            ProjectOperator.compiling(node.expressions(), node.outputFields(), context);
        return project.apply(build(node.input()));
      }

      @Override
      public Operator visitAggregate(AggregateNode node) {
        if (parallel() && splittable(node.input())) {
          Fragment input = fragment(node.input());
          if (AggregationState.mergeable(node.aggregates())) {
            return new ParallelAggregateOperator(input, node.groupKeys(), node.aggregates(),
                node.emptyGroupingSetIds(), node.outputFields(), context);
          }
          // DISTINCT and APPROX_DISTINCT keep no mergeable partial state: the input is parallel, the aggregation
          // is not.
          return new HashAggregateOperator(new GatherOperator(input, context), node.groupKeys(), node.aggregates(),
              node.emptyGroupingSetIds(), node.outputFields(), context);
        }
        return new HashAggregateOperator(build(node.input()), node.groupKeys(), node.aggregates(),
            node.emptyGroupingSetIds(), node.outputFields(), context);
      }

      @Override
      public Operator visitSort(SortNode node) {
        if (parallel() && splittable(node.input())) {
          return new MergeSortedOperator(fragment(node.input()), node.keys(), context);
        }
        return new SortOperator(build(node.input()), node.keys(), context);
      }

      @Override
      public Operator visitTopN(TopNNode node) {
        if (parallel() && splittable(node.input())) {
          // Each copy keeps its own first offset + limit rows; the final top-N picks among at most N times that.
          long rows = saturatedSum(node.offset(), node.limit());
          Fragment input = fragment(node.input())
              .map(copy -> new TopNOperator(copy, node.keys(), 0, rows, context));
          return new TopNOperator(new GatherOperator(input, context), node.keys(), node.offset(), node.limit(),
              context);
        }
        return new TopNOperator(build(node.input()), node.keys(), node.offset(), node.limit(), context);
      }

      @Override
      public Operator visitLimit(LimitNode node) {
        if (parallel() && splittable(node.input())) {
          long rows = node.limit() < 0 ? -1 : saturatedSum(node.offset(), node.limit());
          if (rows >= 0 && rows <= context.batchSize()) {
            // A few rows: one copy reading in order stops after the first batch, as a single thread does; N
            // copies would each open a file first.
            return new LimitOperator(serial(node.input()), node.offset(), node.limit(), context);
          }
          Fragment input = fragment(node.input());
          if (rows >= 0) {
            // Each copy stops after as many rows as the whole limit needs; closing the gather stops the rest.
            input = input.map(copy -> new LimitOperator(copy, 0, rows, context));
          }
          return new LimitOperator(new GatherOperator(input, context), node.offset(), node.limit(), context);
        }
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
        return groupIdOperator(node, build(node.input()));
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

  private Operator groupIdOperator(GroupIdNode node, Operator input) {
    return new GroupIdOperator(input, node.groupKeys(), node.groupingSets(), node.outputFields(), context);
  }

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
