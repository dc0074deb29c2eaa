package dev.tarn.engine.plan;

import java.util.List;
import java.util.Map;

/** Renders a plan as an indented tree, one node per line, for EXPLAIN. */
public final class PlanPrinter {
  private PlanPrinter() {}

  public static String print(PlanNode root) {
    StringBuilder out = new StringBuilder();
    print(root, 0, DynamicFilterPlanner.assign(root), out);
    return out.toString();
  }

  private static void print(PlanNode node, int depth, Map<JoinNode, List<DynamicFilterSpec>> filters,
      StringBuilder out) {
    out.append("  ".repeat(depth)).append(node.describe());
    List<DynamicFilterSpec> specs = node instanceof JoinNode join ? filters.get(join) : null;
    if (specs != null) {
      out.append(" dynamicFilter=").append(String.join(", ", specs.stream().map(DynamicFilterSpec::describe).toList()));
    }
    out.append('\n');
    for (PlanNode input : node.inputs()) {
      print(input, depth + 1, filters, out);
    }
  }
}
