package dev.tarn.engine.exec.expr;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.vector.Vectors;
import dev.tarn.engine.plan.expr.Call;
import dev.tarn.engine.plan.expr.ColumnRef;
import dev.tarn.engine.plan.expr.Expr;
import dev.tarn.engine.plan.expr.ExprVisitor;
import dev.tarn.engine.plan.expr.Literal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Compiles a plan {@link Expr} once into a {@link VectorExpression} tree: kernels are resolved here, so
 * evaluation does no lookups. Unsupported functions fail at compile time with NOT_SUPPORTED.
 *
 * <p>Constant folding happens here, not in the planner (Calcite is told not to reduce constants, so that constants
 * are computed by Tarn's kernels with Trino semantics): a call whose arguments all compiled to constants is
 * evaluated once, on a one-row batch, and replaced by its value. Every function Tarn has is deterministic. If
 * that evaluation fails (say {@code 1 / 0} in a CASE branch no row takes) the call is left to run, and to fail,
 * only if a row reaches it, as in Trino.
 */
public final class ExpressionCompiler {
  /** Holds only the one-row vectors of a fold, each freed before the fold returns. */
  private static final BufferAllocator FOLDING = new RootAllocator(Long.MAX_VALUE);

  private ExpressionCompiler() {}

  /** The vectorized form of {@code expression}, with constant calls folded. */
  public static VectorExpression compile(Expr expression) {
    return compile(expression, true, null, Map.of());
  }

  /** The vectorized form of {@code expression}; {@code fold} false keeps every call (for tests comparing both). */
  static VectorExpression compile(Expr expression, boolean fold) {
    return compile(expression, fold, null, Map.of());
  }

  /**
   * Compiles {@code expressions} together (a projection's), adding to {@code common} every call (other than a
   * constant) that occurs more than once among them, which each expression then shares.
   */
  public static List<VectorExpression> compileAll(List<Expr> expressions, CommonSubexpressions common) {
    Map<Expr, Integer> occurrences = new HashMap<>();
    for (Expr expression : expressions) {
      count(expression, occurrences);
    }
    Map<Expr, VectorExpression> shared = new HashMap<>();
    occurrences.forEach((expression, count) -> {
      if (count > 1) {
        shared.put(expression, null);
      }
    });
    List<VectorExpression> compiled = new ArrayList<>(expressions.size());
    for (Expr expression : expressions) {
      compiled.add(compile(expression, true, common, shared));
    }
    return compiled;
  }

  /** A new, empty set of shared subexpressions for {@link #compileAll}. */
  public static CommonSubexpressions commonSubexpressions() {
    return new CommonSubexpressions();
  }

  private static void count(Expr expression, Map<Expr, Integer> occurrences) {
    if (expression instanceof Call call) {
      if (occurrences.merge(call, 1, Integer::sum) == 1) {
        // Count the arguments of a call's first occurrence only: the repeated call is shared as a whole.
        for (Expr argument : call.args()) {
          count(argument, occurrences);
        }
      }
    }
  }

  private static VectorExpression compile(Expr expression, boolean fold, CommonSubexpressions common,
      Map<Expr, VectorExpression> shared) {
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
        VectorExpression known = shared.get(call);
        if (known != null) {
          return known;
        }
        VectorExpression compiled = compileCall(call);
        if (shared.containsKey(call)) {
          if (!(compiled instanceof LiteralExpression)) {
            compiled = common.share(compiled);
          }
          shared.put(call, compiled);
        }
        return compiled;
      }

      private VectorExpression compileCall(Call call) {
        List<VectorExpression> arguments = new ArrayList<>(call.args().size());
        boolean constant = !call.args().isEmpty();
        for (Expr argument : call.args()) {
          VectorExpression compiled = argument.accept(this);
          constant &= compiled instanceof LiteralExpression;
          arguments.add(compiled);
        }
        VectorExpression compiled = FunctionRegistry.compile(call, arguments);
        if (fold && constant) {
          Literal value = fold(compiled);
          if (value != null) {
            return new LiteralExpression(value);
          }
        }
        return compiled;
      }
    });
  }

  /** The value of a constant expression, or null to leave it to run time (it fails, or has no Literal form). */
  private static Literal fold(VectorExpression constant) {
    try (Batch oneRow = new Batch(List.of(), 1);
        FieldVector value = constant.evaluate(oneRow, FOLDING)) {
      return new Literal(Vectors.value(value, 0), constant.type());
    } catch (RuntimeException e) {
      return null;
    }
  }
}
