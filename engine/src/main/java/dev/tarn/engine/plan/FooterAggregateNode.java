package dev.tarn.engine.plan;

import dev.tarn.engine.plan.AggregateNode.AggregateCall;
import dev.tarn.engine.plan.TableScanNode.ScanColumn;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * An aggregate answered from Parquet footers alone: {@code count(*)}, {@code count(col)}, {@code min(col)} and
 * {@code max(col)} over a scan's partitions, grouped by nothing or by partition keys only. The planner builds it
 * only when no filter needs the data (none, or only partition-key conjuncts that pruning already applied exactly).
 * Any file whose statistics cannot answer exactly makes the execution run {@link #fallback()} instead, the
 * ordinary plan with the same output, so the result is always the full scan's.
 *
 * @param scan the scan whose partitions and columns the aggregate reads (the one inside {@code fallback})
 * @param groupKeys indexes into {@code scan.columns()}, each a partition-key column
 * @param aggregates count, min or max calls whose arguments index {@code scan.columns()}
 * @param fallback the ordinary plan computing the same rows, run when footers cannot answer
 */
public record FooterAggregateNode(TableScanNode scan, List<Integer> groupKeys, List<AggregateCall> aggregates,
    PlanNode fallback) implements PlanNode {

  public FooterAggregateNode {
    groupKeys = List.copyOf(groupKeys);
    aggregates = List.copyOf(aggregates);
  }

  /** The scan column behind a group key or aggregate argument. */
  public ScanColumn column(int index) {
    return scan.columns().get(index);
  }

  @Override
  public List<Field> outputFields() {
    return fallback.outputFields();
  }

  /** The fallback plan is this node's only input, so EXPLAIN shows what runs when footers cannot answer. */
  @Override
  public List<PlanNode> inputs() {
    return List.of(fallback);
  }

  @Override
  public String describe() {
    return "FooterAggregate[" + scan.table() + ", keys="
        + groupKeys.stream().map(key -> column(key).field().getName()).toList() + ", "
        + aggregates.stream().map(call -> call.name() + "=" + call.function() + "("
            + (call.arguments().isEmpty() ? "*" : column(call.arguments().get(0)).field().getName()) + ")").toList()
        + ", partitions=" + scan.partitions().size() + "/" + scan.partitionsTotal() + ", else:]";
  }

  @Override
  public <R> R accept(PlanVisitor<R> visitor) {
    return visitor.visitFooterAggregate(this);
  }
}
