package dev.tarn.engine.plan;

/** Renders a plan as an indented tree, one node per line, for EXPLAIN. */
public final class PlanPrinter {
  private PlanPrinter() {}

  public static String print(PlanNode root) {
    StringBuilder out = new StringBuilder();
    print(root, 0, out);
    return out.toString();
  }

  private static void print(PlanNode node, int depth, StringBuilder out) {
    out.append("  ".repeat(depth)).append(node.describe()).append('\n');
    for (PlanNode input : node.inputs()) {
      print(input, depth + 1, out);
    }
  }
}
