package dev.tarn.engine.plan;

import dev.tarn.engine.plan.expr.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * Window functions: for every input row, computes each call of each group over the rows of its partition and
 * frame. Output: the input columns, then one column per call, groups in order (Calcite's Window row type). Rows
 * come out in no promised order.
 */
public record WindowNode(PlanNode input, List<Group> groups) implements PlanNode {

  public WindowNode {
    groups = List.copyOf(groups);
  }

  /** Calls sharing one window specification: PARTITION BY input columns, ORDER BY keys, and a frame. */
  public record Group(List<Integer> partitionKeys, List<SortKey> orderKeys, Frame frame, List<Call> calls) {
    public Group {
      partitionKeys = List.copyOf(partitionKeys);
      orderKeys = List.copyOf(orderKeys);
      calls = List.copyOf(calls);
    }

    @Override
    public String toString() {
      return "partition=" + partitionKeys.stream().map(k -> "$" + k).toList() + ", order=" + orderKeys + ", "
          + frame + ", " + calls;
    }
  }

  /** ROWS counts rows from the current one; RANGE compares order-key values (peers share a frame). */
  public enum FrameUnit { ROWS, RANGE }

  /** Where a frame bound lies relative to the current row. */
  public enum BoundKind { UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING }

  /** A frame bound; {@code offset} (a Literal-convention number) is set only for PRECEDING and FOLLOWING. */
  public record Bound(BoundKind kind, Object offset) {
    public static final Bound UNBOUNDED_PRECEDING = new Bound(BoundKind.UNBOUNDED_PRECEDING, null);
    public static final Bound CURRENT_ROW = new Bound(BoundKind.CURRENT_ROW, null);
    public static final Bound UNBOUNDED_FOLLOWING = new Bound(BoundKind.UNBOUNDED_FOLLOWING, null);

    @Override
    public String toString() {
      return switch (kind) {
        case UNBOUNDED_PRECEDING -> "UNBOUNDED PRECEDING";
        case PRECEDING -> offset + " PRECEDING";
        case CURRENT_ROW -> "CURRENT ROW";
        case FOLLOWING -> offset + " FOLLOWING";
        case UNBOUNDED_FOLLOWING -> "UNBOUNDED FOLLOWING";
      };
    }
  }

  /** The rows an aggregate or value function sees for the current row: {@code unit BETWEEN lower AND upper}. */
  public record Frame(FrameUnit unit, Bound lower, Bound upper) {
    @Override
    public String toString() {
      return unit + " BETWEEN " + lower + " AND " + upper;
    }
  }

  /**
   * One window function call. {@code function}: row_number, rank, dense_rank, percent_rank, cume_dist, ntile,
   * lag, lead, first_value, last_value, nth_value, count, sum, avg, min, max. {@code arguments} are ColumnRefs
   * to input columns or Literals (LAG's offset and default, NTILE's bucket count); none for COUNT(*).
   * {@code type} follows the hash aggregate's rules for aggregates ({@link AggregateNode.AggregateCall}).
   */
  public record Call(String function, List<Expr> arguments, ArrowType type, String name) {
    public Call {
      arguments = List.copyOf(arguments);
    }

    @Override
    public String toString() {
      return name + "=" + function + "(" + arguments.stream().map(Expr::toString).collect(Collectors.joining(", "))
          + ")";
    }
  }

  @Override
  public List<Field> outputFields() {
    List<Field> fields = new ArrayList<>(input.outputFields());
    for (Group group : groups) {
      for (Call call : group.calls()) {
        fields.add(new Field(call.name(), FieldType.nullable(call.type()), null));
      }
    }
    return fields;
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(input);
  }

  @Override
  public String describe() {
    return "Window[" + groups.stream().map(Group::toString).collect(Collectors.joining("; ")) + "]";
  }

  @Override
  public <R> R accept(PlanVisitor<R> visitor) {
    return visitor.visitWindow(this);
  }
}
