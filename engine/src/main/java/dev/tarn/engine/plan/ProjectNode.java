package dev.tarn.engine.plan;

import dev.tarn.engine.plan.expr.Expr;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/** Computes one output column per expression, named by {@code names}. */
public record ProjectNode(PlanNode input, List<Expr> expressions, List<String> names) implements PlanNode {

  public ProjectNode {
    expressions = List.copyOf(expressions);
    names = List.copyOf(names);
    if (expressions.size() != names.size()) {
      throw new IllegalArgumentException("expressions and names differ in length");
    }
  }

  @Override
  public List<Field> outputFields() {
    List<Field> fields = new ArrayList<>(expressions.size());
    for (int i = 0; i < expressions.size(); i++) {
      fields.add(new Field(names.get(i), FieldType.nullable(expressions.get(i).type()), null));
    }
    return fields;
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(input);
  }

  @Override
  public String describe() {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < expressions.size(); i++) {
      items.add(names.get(i) + "=" + expressions.get(i));
    }
    return "Project" + items;
  }

  @Override
  public <R> R accept(PlanVisitor<R> visitor) {
    return visitor.visitProject(this);
  }
}
