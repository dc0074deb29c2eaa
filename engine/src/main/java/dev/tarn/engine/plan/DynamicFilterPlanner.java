package dev.tarn.engine.plan;

import dev.tarn.engine.plan.expr.ColumnRef;
import dev.tarn.engine.plan.expr.Expr;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the hash joins whose build side can prune a probe-side table scan, and names their dynamic filters.
 * A filter is placed only where dropping probe rows whose key is absent from the build side cannot change the
 * result: INNER and SEMI joins, ANTI joins built on the left, and outer joins whose probe side is the
 * non-preserved one; never on null-safe keys
 * (NULL would have to match). The probe key must reach the scan through nodes that keep or drop whole rows and
 * never change the key's values: Filter, column-reference Project, the group keys of an aggregation (dropping a
 * key's rows drops its group, which the join would drop), and the sides of joins that pass their columns through
 * without NULL-extending them.
 */
public final class DynamicFilterPlanner {
  private final Map<JoinNode, List<DynamicFilterSpec>> filters = new IdentityHashMap<>();
  private int nextId;

  private DynamicFilterPlanner() {}

  /** The dynamic filters of each join in {@code root} that has any, keyed by node identity, in plan pre-order. */
  public static Map<JoinNode, List<DynamicFilterSpec>> assign(PlanNode root) {
    DynamicFilterPlanner planner = new DynamicFilterPlanner();
    planner.visit(root);
    return planner.filters;
  }

  private void visit(PlanNode node) {
    if (node instanceof JoinNode join && join.isHashJoin() && probeMayBePruned(join)) {
      boolean probeIsLeft = join.buildSide() == BuildSide.RIGHT;
      PlanNode probe = probeIsLeft ? join.left() : join.right();
      List<Integer> probeKeys = probeIsLeft ? join.leftKeys() : join.rightKeys();
      List<Integer> buildKeys = probeIsLeft ? join.rightKeys() : join.leftKeys();
      List<DynamicFilterSpec> specs = new ArrayList<>();
      for (int i = 0; i < probeKeys.size(); i++) {
        if (join.nullSafeKeys().contains(i)) {
          continue;
        }
        ScanTarget target = trace(probe, probeKeys.get(i));
        if (target != null) {
          specs.add(new DynamicFilterSpec("df" + nextId++, buildKeys.get(i), target.scan(), target.column()));
        }
      }
      if (!specs.isEmpty()) {
        filters.put(join, List.copyOf(specs));
      }
    }
    for (PlanNode input : node.inputs()) {
      visit(input);
    }
  }

  /** Whether a probe row without a build match never reaches the output. */
  private static boolean probeMayBePruned(JoinNode join) {
    boolean probeIsLeft = join.buildSide() == BuildSide.RIGHT;
    return switch (join.joinType()) {
      case INNER, SEMI -> true;
      // ANTI keeps the left rows without a match: built on the left, a right (probe) row without one is moot.
      case ANTI -> !probeIsLeft;
      case LEFT -> !probeIsLeft;
      case RIGHT -> probeIsLeft;
      default -> false;
    };
  }

  /** The scan column that column {@code column} of {@code node} is a copy of, or null. */
  private static ScanTarget trace(PlanNode node, int column) {
    while (true) {
      if (node instanceof TableScanNode scan) {
        return new ScanTarget(scan, column);
      } else if (node instanceof FilterNode filter) {
        node = filter.input();
      } else if (node instanceof ProjectNode project) {
        Expr expr = project.expressions().get(column);
        if (!(expr instanceof ColumnRef ref)) {
          return null;
        }
        node = project.input();
        column = ref.index();
      } else if (node instanceof AggregateNode aggregate && aggregate.emptyGroupingSetIds().isEmpty()
          && column < aggregate.groupKeys().size()) {
        // A group key: dropping the input rows of a key the join lacks drops that group, whose row it would drop.
        column = aggregate.groupKeys().get(column);
        node = aggregate.input();
      } else if (node instanceof JoinNode join) {
        // A column one side passes through unchanged (never NULL-extended): dropping that side's rows of a key
        // drops only output rows holding that key.
        int leftCount = join.left().outputFields().size();
        boolean fromLeft = column < leftCount;
        JoinType type = join.joinType();
        boolean passes = fromLeft
            ? type == JoinType.INNER || type == JoinType.CROSS || type == JoinType.SEMI || type == JoinType.ANTI
                || type == JoinType.LEFT
            : type == JoinType.INNER || type == JoinType.CROSS || type == JoinType.RIGHT;
        if (!passes) {
          return null;
        }
        node = fromLeft ? join.left() : join.right();
        column = fromLeft ? column : column - leftCount;
      } else {
        return null;
      }
    }
  }

  private record ScanTarget(TableScanNode scan, int column) {}
}
