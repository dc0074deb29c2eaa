package dev.tarn.engine.plan.expr;

import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * A scalar expression in a Tarn physical plan: immutable, typed with Arrow types, free of Calcite.
 * Types used: Bool, Int(8/16/32/64, signed), FloatingPoint(SINGLE/DOUBLE), Decimal(p, s, 128), Utf8,
 * Date(DAY), Timestamp(MICROSECOND, no zone), Null.
 */
public sealed interface Expr permits ColumnRef, Literal, Call {

  /** The type of the value this expression produces. */
  ArrowType type();

  /** Calls {@code visitor} on this node. */
  <R> R accept(ExprVisitor<R> visitor);
}
