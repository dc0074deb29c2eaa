package dev.tarn.engine.plan;

import dev.tarn.engine.plan.expr.Literal;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;

/** Constant rows, e.g. {@code SELECT 1} or {@code VALUES (1, 'a')}; each literal has its field's type. */
public record ValuesNode(List<Field> fields, List<List<Literal>> rows) implements PlanNode {
  public ValuesNode {
    fields = List.copyOf(fields);
    rows = rows.stream().map(List::copyOf).toList();
  }

  @Override
  public List<Field> outputFields() {
    return fields;
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of();
  }

  @Override
  public String describe() {
    return "Values[rows=" + rows.size() + "]";
  }

  @Override
  public <R> R accept(PlanVisitor<R> visitor) {
    return visitor.visitValues(this);
  }
}
