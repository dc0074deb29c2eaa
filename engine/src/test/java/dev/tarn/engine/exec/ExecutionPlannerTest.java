package dev.tarn.engine.exec;

import static dev.tarn.engine.exec.TestData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.plan.AggregateNode;
import dev.tarn.engine.plan.AggregateNode.AggregateCall;
import dev.tarn.engine.plan.FilterNode;
import dev.tarn.engine.plan.LimitNode;
import dev.tarn.engine.plan.PlanNode;
import dev.tarn.engine.plan.ProjectNode;
import dev.tarn.engine.plan.SortKey;
import dev.tarn.engine.plan.TableScanNode;
import dev.tarn.engine.plan.TopNNode;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExecutionPlannerTest {
  private static final List<Field> FIELDS = List.of(field("region", VARCHAR), field("amount", BIGINT));
  private final BufferAllocator allocator = new RootAllocator();
  private final ExecutionContext context = context(allocator, 3);
  private FakeOperator scan;

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private final ScanOperatorFactory scans = (node, context) -> {
    scan = new FakeOperator(allocator, FIELDS, List.of(
        List.of(row("east", 10), row("west", 5), row("east", null)),
        List.of(row("north", 7), row("west", 1), row(null, 3))));
    return scan;
  };

  private static TableScanNode scanNode() {
    return new TableScanNode("db.sales", "parquet",
        FIELDS.stream().map(f -> new TableScanNode.ScanColumn(f, -1)).toList(), List.of(), 1);
  }

  @Test
  void plansAndRunsAFullPipeline() {
    // SELECT region, sum(amount) * 2 FROM sales WHERE amount > 2 GROUP BY region ORDER BY 2 DESC LIMIT 2
    PlanNode filter = new FilterNode(scanNode(), call("greater_than", BOOLEAN, column(1, BIGINT), literal(2, BIGINT)));
    PlanNode aggregate = new AggregateNode(filter, List.of(0),
        List.of(new AggregateCall("sum", List.of(1), false, BIGINT, "total")));
    PlanNode project = new ProjectNode(aggregate,
        List.of(column(0, VARCHAR), call("multiply", BIGINT, column(1, BIGINT), literal(2, BIGINT))),
        List.of("region", "doubled"));
    PlanNode topN = new TopNNode(project, List.of(new SortKey(1, false, false)), 0, 2);
    assertThat(drain(new ExecutionPlanner(context, scans).plan(topN)))
        .containsExactly(row("east", 20), row("north", 14));
  }

  @Test
  void limitStopsTheScan() {
    assertThat(drain(new ExecutionPlanner(context, scans).plan(new LimitNode(scanNode(), 0, 2)))).hasSize(2);
    assertThat(scan.pulled()).isEqualTo(1);
    assertThat(scan.closed()).isTrue();
  }

  @Test
  void unsupportedFunctionsFailAtPlanTime() {
    PlanNode filter = new FilterNode(scanNode(), call("soundex", BOOLEAN, column(0, VARCHAR)));
    assertThatThrownBy(() -> new ExecutionPlanner(context, scans).plan(filter))
        .isInstanceOfSatisfying(TarnException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.NOT_SUPPORTED);
          assertThat(e.object()).isEqualTo("function soundex(varchar)");
        });
  }
}
