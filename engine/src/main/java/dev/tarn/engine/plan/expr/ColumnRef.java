package dev.tarn.engine.plan.expr;

import org.apache.arrow.vector.types.pojo.ArrowType;

/** The value of input column {@code index}. */
public record ColumnRef(int index, ArrowType type) implements Expr {
  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitColumn(this);
  }

  @Override
  public String toString() {
    return "$" + index;
  }
}
