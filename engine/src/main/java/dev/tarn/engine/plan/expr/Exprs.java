package dev.tarn.engine.plan.expr;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** Structural helpers over {@link Expr} trees: conjuncts, referenced columns, column renumbering. */
public final class Exprs {
  private Exprs() {}

  /** The operands of a (nested) AND, or {@code expr} alone; empty for null. */
  public static List<Expr> conjuncts(Expr expr) {
    List<Expr> conjuncts = new ArrayList<>();
    addConjuncts(expr, conjuncts);
    return conjuncts;
  }

  private static void addConjuncts(Expr expr, List<Expr> conjuncts) {
    if (expr == null) {
      return;
    }
    if (expr instanceof Call call && call.function().equals(Functions.AND)) {
      call.args().forEach(arg -> addConjuncts(arg, conjuncts));
    } else {
      conjuncts.add(expr);
    }
  }

  /** The AND of {@code conjuncts}: the single one itself, or null when there are none. */
  public static Expr and(List<Expr> conjuncts) {
    if (conjuncts.isEmpty()) {
      return null;
    }
    return conjuncts.size() == 1 ? conjuncts.get(0) : new Call(Functions.AND, conjuncts, ArrowType.Bool.INSTANCE);
  }

  /** The input columns {@code expr} reads. */
  public static BitSet columns(Expr expr) {
    BitSet columns = new BitSet();
    expr.accept(new ExprVisitor<Void>() {
      @Override
      public Void visitColumn(ColumnRef column) {
        columns.set(column.index());
        return null;
      }

      @Override
      public Void visitLiteral(Literal literal) {
        return null;
      }

      @Override
      public Void visitCall(Call call) {
        call.args().forEach(arg -> arg.accept(this));
        return null;
      }
    });
    return columns;
  }

  /** {@code expr} with every column reference {@code $i} replaced by {@code $newIndexOf[i]}. */
  public static Expr renumber(Expr expr, int[] newIndexOf) {
    return expr.accept(new ExprVisitor<Expr>() {
      @Override
      public Expr visitColumn(ColumnRef column) {
        return new ColumnRef(newIndexOf[column.index()], column.type());
      }

      @Override
      public Expr visitLiteral(Literal literal) {
        return literal;
      }

      @Override
      public Expr visitCall(Call call) {
        return new Call(call.function(), call.args().stream().map(arg -> arg.accept(this)).toList(), call.type());
      }
    });
  }
}
