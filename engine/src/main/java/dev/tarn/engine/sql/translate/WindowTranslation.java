package dev.tarn.engine.sql.translate;

import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.window.WindowFunctions;
import dev.tarn.engine.plan.PlanNode;
import dev.tarn.engine.plan.SortKey;
import dev.tarn.engine.plan.WindowNode;
import dev.tarn.engine.plan.WindowNode.Bound;
import dev.tarn.engine.plan.WindowNode.BoundKind;
import dev.tarn.engine.plan.WindowNode.Call;
import dev.tarn.engine.plan.WindowNode.Frame;
import dev.tarn.engine.plan.WindowNode.FrameUnit;
import dev.tarn.engine.plan.WindowNode.Group;
import dev.tarn.engine.plan.expr.ColumnRef;
import dev.tarn.engine.plan.expr.Expr;
import dev.tarn.engine.plan.expr.Literal;
import dev.tarn.engine.sql.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.core.Window.RexWinAggCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.rex.RexWindowExclusion;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Window → WindowNode, one group per distinct window specification. Calcite refers to the constants a call or
 * frame uses (LAG's offset, a ROWS offset) as fields past the input's; they become Literals here. NULLs in
 * ORDER BY sort last unless the query says otherwise, as in SortTranslation.
 */
final class WindowTranslation {
  private WindowTranslation() {}

  static PlanNode translate(Window window, PhysicalPlanTranslator translator) {
    PlanNode input = translator.translate(window.getInput());
    List<Field> inputFields = input.outputFields();
    List<Group> groups = new ArrayList<>();
    int outputColumn = inputFields.size();
    for (Window.Group group : window.groups) {
      if (group.exclude != RexWindowExclusion.EXCLUDE_NO_OTHER) {
        throw TarnException.notSupported("window frame " + group.exclude);
      }
      List<SortKey> orderKeys = new ArrayList<>();
      for (RelFieldCollation collation : group.orderKeys.getFieldCollations()) {
        boolean nullsFirst = collation.nullDirection == RelFieldCollation.NullDirection.FIRST;
        orderKeys.add(new SortKey(collation.getFieldIndex(), !collation.getDirection().isDescending(), nullsFirst));
      }
      FrameUnit unit = group.isRows ? FrameUnit.ROWS : FrameUnit.RANGE;
      Frame frame = new Frame(unit, bound(group.lowerBound, window, unit), bound(group.upperBound, window, unit));
      if (unit == FrameUnit.RANGE && (frame.lower().offset() != null || frame.upper().offset() != null)
          && orderKeys.size() != 1) {
        throw TarnException.notSupported("RANGE frame with an offset and " + orderKeys.size() + " ORDER BY keys");
      }
      List<Call> calls = new ArrayList<>();
      for (RexWinAggCall call : group.aggCalls) {
        String name = window.getRowType().getFieldList().get(outputColumn++).getName();
        calls.add(call(call, window, inputFields, name));
      }
      groups.add(new Group(group.keys.asList(), orderKeys, frame, calls));
    }
    return new WindowNode(input, groups);
  }

  private static Call call(RexWinAggCall call, Window window, List<Field> inputFields, String name) {
    String function = switch (call.getKind()) {
      case SUM, SUM0 -> "sum";
      default -> call.getOperator().getName().toLowerCase(Locale.ROOT);
    };
    String shown = call.getOperator().getName();
    if (!WindowFunctions.isSupported(function)) {
      throw TarnException.notSupported("window function " + shown);
    }
    if (call.distinct) {
      throw TarnException.notSupported("DISTINCT in window function " + shown);
    }
    if (call.ignoreNulls) {
      throw TarnException.notSupported("IGNORE NULLS in window function " + shown);
    }
    ArrowType type = TypeMapping.toArrowType(call.getType());
    List<Expr> arguments = new ArrayList<>();
    for (RexNode operand : call.getOperands()) {
      arguments.add(argument(operand, window, inputFields));
    }
    if ("count".equals(function) && arguments.size() == 1 && arguments.get(0) instanceof Literal literal
        && literal.value() != null) {
      // COUNT of a non-NULL constant counts every row of the frame.
      arguments.clear();
    }
    boolean shift = "lag".equals(function) || "lead".equals(function);
    if (shift && arguments.size() > 2) {
      arguments.set(2, lagDefault(arguments.get(2), type, shown));
    }
    // The evaluators read a value argument as a column and offsets or bucket counts as constants.
    int constantPosition = "ntile".equals(function) ? 0 : shift || "nth_value".equals(function) ? 1 : -1;
    if (constantPosition >= 0 && arguments.size() > constantPosition
        && !(arguments.get(constantPosition) instanceof Literal)) {
      throw TarnException.notSupported(shown + " with a non-constant " + (constantPosition == 0 ? "bucket count"
          : "offset"));
    }
    if (constantPosition != 0 && !arguments.isEmpty() && !(arguments.get(0) instanceof ColumnRef)) {
      throw TarnException.notSupported(shown + " of a constant");
    }
    return new Call(function, arguments, type, name);
  }

  /** An input column, or one of the window's constants (referred to as fields past the input's). */
  private static Expr argument(RexNode operand, Window window, List<Field> inputFields) {
    RexNode resolved = constantOrSelf(operand, window);
    if (resolved instanceof RexLiteral literal) {
      return Literals.toLiteral(literal);
    }
    if (resolved instanceof RexInputRef ref) {
      return new ColumnRef(ref.getIndex(), inputFields.get(ref.getIndex()).getType());
    }
    throw TarnException.notSupported("window function argument " + operand);
  }

  private static RexNode constantOrSelf(RexNode node, Window window) {
    int fieldCount = window.getInput().getRowType().getFieldCount();
    if (node instanceof RexInputRef ref && ref.getIndex() >= fieldCount) {
      return window.constants.get(ref.getIndex() - fieldCount);
    }
    return node;
  }

  /** LAG/LEAD's default, in the result's type: a literal is converted, a column must already have that type. */
  private static Expr lagDefault(Expr fallback, ArrowType type, String function) {
    if (fallback.type().equals(type)) {
      return fallback;
    }
    if (fallback instanceof Literal literal) {
      return literal.value() == null ? new Literal(null, type) : LiteralCasts.cast(literal, type);
    }
    throw TarnException.notSupported(function + " with a default of another type than its value");
  }

  private static Bound bound(RexWindowBound bound, Window window, FrameUnit unit) {
    if (bound.isCurrentRow()) {
      return Bound.CURRENT_ROW;
    }
    if (bound.isUnbounded()) {
      return bound.isPreceding() ? Bound.UNBOUNDED_PRECEDING : Bound.UNBOUNDED_FOLLOWING;
    }
    BoundKind kind = bound.isPreceding() ? BoundKind.PRECEDING : BoundKind.FOLLOWING;
    RexNode offset = constantOrSelf(bound.getOffset(), window);
    if (!(offset instanceof RexLiteral literal) || !SqlTypeUtil.isNumeric(literal.getType())) {
      throw TarnException.notSupported(unit + " frame offset " + bound);
    }
    Object value = Literals.toLiteral(literal).value();
    if (value == null || ((Number) value).doubleValue() < 0) {
      throw TarnException.notSupported(unit + " frame with a NULL or negative offset");
    }
    if (unit == FrameUnit.ROWS && !(value instanceof Long)) {
      throw TarnException.notSupported("ROWS frame offset that is not an integer: " + value);
    }
    return new Bound(kind, value);
  }
}
