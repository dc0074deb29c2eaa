package dev.tarn.engine.plan;

import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;

/** Sorts its whole input by {@code keys} (stable for equal keys is not promised). */
public record SortNode(PlanNode input, List<SortKey> keys) implements PlanNode {
  public SortNode {
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
    return "Sort" + keys;
  }

  @Override
  public <R> R accept(PlanVisitor<R> visitor) {
    return visitor.visitSort(this);
  }
}
