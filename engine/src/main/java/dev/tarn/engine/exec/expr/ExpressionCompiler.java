package dev.tarn.engine.exec.expr;

import dev.tarn.engine.plan.expr.Call;
import dev.tarn.engine.plan.expr.ColumnRef;
import dev.tarn.engine.plan.expr.Expr;
import dev.tarn.engine.plan.expr.ExprVisitor;
import dev.tarn.engine.plan.expr.Literal;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a plan {@link Expr} once into a {@link VectorExpression} tree: kernels are resolved here, so
 * evaluation does no lookups. Unsupported functions fail at compile time with NOT_SUPPORTED.
 */
public final class ExpressionCompiler {
  private ExpressionCompiler() {}

  /** The vectorized form of {@code expression}. */
  public static VectorExpression compile(Expr expression) {
    return expression.accept(new ExprVisitor<VectorExpression>() {
      @Override
      public VectorExpression visitColumn(ColumnRef column) {
        return new ColumnExpression(column.index(), column.type());
      }

      @Override
      public VectorExpression visitLiteral(Literal literal) {
        return new LiteralExpression(literal);
      }

      @Override
      public VectorExpression visitCall(Call call) {
        List<VectorExpression> arguments = new ArrayList<>(call.args().size());
        for (Expr argument : call.args()) {
          arguments.add(argument.accept(this));
        }
        return FunctionRegistry.compile(call, arguments);
      }
    });
  }
}
