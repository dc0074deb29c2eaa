package dev.tarn.engine.parquet;

import dev.tarn.engine.plan.expr.Call;
import dev.tarn.engine.plan.expr.ColumnRef;
import dev.tarn.engine.plan.expr.Expr;
import dev.tarn.engine.plan.expr.Functions;
import dev.tarn.engine.plan.expr.Literal;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/** Test helper: scan filters and fields for the pruning tests, built as the planner builds them. */
final class PruningExpressions {
  private PruningExpressions() {}

  /** {@code $column <function> value}. */
  static Expr compare(String function, int column, ArrowType type, Object value) {
    return new Call(function, List.of(new ColumnRef(column, type), new Literal(value, type)), ArrowType.Bool.INSTANCE);
  }

  /** {@code $column BETWEEN low AND high}, as Calcite expands it. */
  static Expr between(int column, ArrowType type, Object low, Object high) {
    return new Call(Functions.AND, List.of(compare(Functions.GREATER_THAN_OR_EQUAL, column, type, low),
        compare(Functions.LESS_THAN_OR_EQUAL, column, type, high)), ArrowType.Bool.INSTANCE);
  }

  /** A nullable field. */
  static Field field(String name, ArrowType type) {
    return new Field(name, FieldType.nullable(type), null);
  }
}
