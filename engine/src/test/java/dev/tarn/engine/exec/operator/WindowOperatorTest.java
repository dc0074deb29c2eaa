package dev.tarn.engine.exec.operator;

import static dev.tarn.engine.exec.TestData.BIGINT;
import static dev.tarn.engine.exec.TestData.VARCHAR;
import static dev.tarn.engine.exec.TestData.column;
import static dev.tarn.engine.exec.TestData.context;
import static dev.tarn.engine.exec.TestData.drain;
import static dev.tarn.engine.exec.TestData.field;
import static dev.tarn.engine.exec.TestData.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.FakeOperator;
import dev.tarn.engine.exec.Operator;
import dev.tarn.engine.plan.PlanNode;
import dev.tarn.engine.plan.SortKey;
import dev.tarn.engine.plan.ValuesNode;
import dev.tarn.engine.plan.WindowNode;
import dev.tarn.engine.plan.WindowNode.Bound;
import dev.tarn.engine.plan.WindowNode.Call;
import dev.tarn.engine.plan.WindowNode.Frame;
import dev.tarn.engine.plan.WindowNode.FrameUnit;
import dev.tarn.engine.plan.WindowNode.Group;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** WindowOperator end to end: multi-batch input, chained groups, NULL keys, empty input, early close. */
class WindowOperatorTest {
  private static final List<Field> FIELDS = List.of(field("g", VARCHAR), field("v", BIGINT));
  private static final Frame DEFAULT_FRAME = new Frame(FrameUnit.RANGE, Bound.UNBOUNDED_PRECEDING,
      Bound.CURRENT_ROW);
  private final BufferAllocator allocator = new RootAllocator();
  private final ExecutionContext context = context(allocator, 2);

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  /** Group 1: row_number and running sum by v within g; group 2: count(*) over everything. */
  private static WindowNode node() {
    PlanNode input = new ValuesNode(FIELDS, List.of());
    Group byGroup = new Group(List.of(0), List.of(new SortKey(1, true, false)), DEFAULT_FRAME,
        List.of(new Call("row_number", List.of(), BIGINT, "rn"),
            new Call("sum", List.of(column(1, BIGINT)), BIGINT, "running")));
    Group whole = new Group(List.of(), List.of(), DEFAULT_FRAME,
        List.of(new Call("count", List.of(), BIGINT, "total")));
    return new WindowNode(input, List.of(byGroup, whole));
  }

  private Operator operator(List<List<List<Object>>> batches) {
    return WindowOperator.chain(new FakeOperator(allocator, FIELDS, batches), node(), context);
  }

  @Test
  void computesEveryGroupOverBatchesWithNullKeys() {
    List<List<List<Object>>> batches = List.of(
        List.of(row("b", 5L), row(null, 1L), row("a", 3L)),
        List.of(row("a", null), row("b", 2L)),
        List.of(row("a", 3L), row(null, 4L)));
    Operator operator = operator(batches);
    assertThat(operator.schema().getFields()).extracting(Field::getName)
        .containsExactly("g", "v", "rn", "running", "total");
    // The last group sorts nothing (no keys), so rows keep the first group's order: g then v, NULLs last.
    assertThat(drain(operator)).containsExactly(
        row("a", 3L, 1L, 6L, 7L), row("a", 3L, 2L, 6L, 7L), row("a", null, 3L, 6L, 7L),
        row("b", 2L, 1L, 2L, 7L), row("b", 5L, 2L, 7L, 7L),
        row(null, 1L, 1L, 1L, 7L), row(null, 4L, 2L, 5L, 7L));
  }

  @Test
  void emptyInputGivesNoRows() {
    assertThat(drain(operator(List.of()))).isEmpty();
  }

  @Test
  void closingEarlyReleasesEverything() {
    Operator operator = operator(List.of(List.of(row("a", 1L), row("a", 2L), row("b", 3L))));
    operator.next().close();
    operator.close();
  }
}
