package dev.tarn.engine.plan;

import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;

/** Skips {@code offset} rows, then returns at most {@code limit} rows ({@code limit} &lt; 0: no limit); stops its input early. */
public record LimitNode(PlanNode input, long offset, long limit) implements PlanNode {
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
    return "Limit[" + (limit < 0 ? "all" : Long.toString(limit)) + (offset > 0 ? ", offset=" + offset : "") + "]";
  }

  @Override
  public <R> R accept(PlanVisitor<R> visitor) {
    return visitor.visitLimit(this);
  }
}
