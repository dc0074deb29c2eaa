package dev.tarn.engine.plan;

import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;

/** The first {@code offset + limit} rows by {@code keys}, of which it returns rows {@code offset..offset+limit-1}. */
public record TopNNode(PlanNode input, List<SortKey> keys, long offset, long limit) implements PlanNode {
  public TopNNode {
    keys = List.copyOf(keys);
  }

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
    return "TopN[limit=" + limit + (offset > 0 ? ", offset=" + offset : "") + ", " + keys + "]";
  }

  @Override
  public <R> R accept(PlanVisitor<R> visitor) {
    return visitor.visitTopN(this);
  }
}
