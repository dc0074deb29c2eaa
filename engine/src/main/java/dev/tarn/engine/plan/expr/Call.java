package dev.tarn.engine.plan.expr;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * A function or operator applied to arguments. {@code function} is one of the names in {@link Functions}; the
 * exec layer resolves it to a vectorized kernel by name and argument types, and fails with
 * "not supported yet: function ..." when it has none.
 */
public record Call(String function, List<Expr> args, ArrowType type) implements Expr {

  public Call {
    args = List.copyOf(args);
  }

  public Expr arg(int index) {
    return args.get(index);
  }

  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitCall(this);
  }

  @Override
  public String toString() {
    return function + "(" + args.stream().map(Object::toString).collect(Collectors.joining(", ")) + ")";
  }
}
