package dev.tarn.engine.plan.expr;

/** A visitor over {@link Expr} nodes. */
public interface ExprVisitor<R> {
  R visitColumn(ColumnRef column);

  R visitLiteral(Literal literal);

  R visitCall(Call call);
}
