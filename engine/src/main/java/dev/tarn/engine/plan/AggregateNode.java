package dev.tarn.engine.plan;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * Hash aggregation: groups rows by the input columns {@code groupKeys} and computes {@code aggregates} per
 * group. Output: the group keys (same fields as the input's), then one column per aggregate. With no group
 * keys it returns exactly one row, even for empty input. Under a {@link GroupIdNode} the last group key is the
 * group id, and {@code emptyGroupingSetIds} lists the group ids of empty grouping sets ({@code GROUP BY ()},
 * ROLLUP's grand total): like a global aggregate, each of them gives one row even for empty input.
 */
public record AggregateNode(PlanNode input, List<Integer> groupKeys, List<AggregateCall> aggregates,
    List<Long> emptyGroupingSetIds) implements PlanNode {

  public AggregateNode {
    groupKeys = List.copyOf(groupKeys);
    aggregates = List.copyOf(aggregates);
    emptyGroupingSetIds = List.copyOf(emptyGroupingSetIds);
  }

  /** A plain hash aggregate (no grouping sets). */
  public AggregateNode(PlanNode input, List<Integer> groupKeys, List<AggregateCall> aggregates) {
    this(input, groupKeys, aggregates, List.of());
  }

  /**
   * One aggregate: {@code function} is one of count, sum, sum0 (0 rather than NULL without values), avg, min,
   * max, stddev_samp, stddev_pop, var_samp, var_pop, count_if, approx_distinct, single_value; {@code arguments}
   * are input column indexes (empty for COUNT(*)); {@code distinct} aggregates distinct non-null values;
   * {@code filter} is the index of a Bool input column (only rows where it is true count) or -1; {@code type} is
   * the result type (count: Int64; sum of integers: Int64; sum of decimal(p,s): decimal(38,s); avg of decimal:
   * decimal with the argument's scale, rounded half away from zero; avg of integers or floats, and the variance
   * family: Float64). Overflow fails with NUMERIC_OVERFLOW.
   */
  public record AggregateCall(String function, List<Integer> arguments, boolean distinct, int filter,
      ArrowType type, String name) {
    public AggregateCall {
      arguments = List.copyOf(arguments);
    }

    /** An aggregate over every row (no FILTER). */
    public AggregateCall(String function, List<Integer> arguments, boolean distinct, ArrowType type, String name) {
      this(function, arguments, distinct, -1, type, name);
    }

    @Override
    public String toString() {
      return name + "=" + function + "(" + (distinct ? "DISTINCT " : "")
          + (arguments.isEmpty() ? "*" : String.join(", ", arguments.stream().map(a -> "$" + a).toList())) + ")"
          + (filter >= 0 ? " FILTER $" + filter : "");
    }
  }

  @Override
  public List<Field> outputFields() {
    List<Field> inputFields = input.outputFields();
    List<Field> fields = new ArrayList<>();
    for (int key : groupKeys) {
      fields.add(inputFields.get(key));
    }
    for (AggregateCall call : aggregates) {
      fields.add(new Field(call.name(), FieldType.nullable(call.type()), null));
    }
    return fields;
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(input);
  }

  @Override
  public String describe() {
    return "HashAggregate[keys=" + groupKeys.stream().map(k -> "$" + k).toList() + ", " + aggregates
        + (emptyGroupingSetIds.isEmpty() ? "" : ", emptyGroupingSetIds=" + emptyGroupingSetIds) + "]";
  }

  @Override
  public <R> R accept(PlanVisitor<R> visitor) {
    return visitor.visitAggregate(this);
  }
}
