package dev.tarn.engine.plan;

import dev.tarn.engine.plan.expr.Expr;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;

/** Keeps the rows of its input for which {@code condition} is true (not false, not NULL). */
public record FilterNode(PlanNode input, Expr condition) implements PlanNode {
  @Override
  public List<Field> outputFields() {
    return input.outputFields();
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(input);
  }

  @Override
  public String describe() {
    return "Filter[" + condition + "]";
  }

  @Override
  public <R> R accept(PlanVisitor<R> visitor) {
    return visitor.visitFilter(this);
  }
}
