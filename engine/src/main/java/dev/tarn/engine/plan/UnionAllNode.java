package dev.tarn.engine.plan;

import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * UNION ALL: every row of every input, input after input. Each input's columns already have the types of
 * {@code fields} (the translation casts where SQL's inputs differ); only the names may differ.
 */
public record UnionAllNode(List<PlanNode> inputs, List<Field> fields) implements PlanNode {

  public UnionAllNode {
    inputs = List.copyOf(inputs);
    fields = List.copyOf(fields);
    for (PlanNode input : inputs) {
      List<Field> inputFields = input.outputFields();
      if (inputFields.size() != fields.size()) {
        throw new IllegalArgumentException("union input has " + inputFields.size() + " columns, not " + fields.size());
      }
      for (int i = 0; i < fields.size(); i++) {
        if (!inputFields.get(i).getType().equals(fields.get(i).getType())) {
          throw new IllegalArgumentException("union input column " + i + " is " + inputFields.get(i).getType()
              + ", not " + fields.get(i).getType());
        }
      }
    }
  }

  @Override
  public List<Field> outputFields() {
    return fields;
  }

  @Override
  public String describe() {
    return "UnionAll[inputs=" + inputs.size() + "]";
  }

  @Override
  public <R> R accept(PlanVisitor<R> visitor) {
    return visitor.visitUnionAll(this);
  }
}
