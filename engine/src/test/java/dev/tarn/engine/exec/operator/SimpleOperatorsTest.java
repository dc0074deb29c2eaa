package dev.tarn.engine.exec.operator;

import static dev.tarn.engine.exec.TestData.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.FakeOperator;
import dev.tarn.engine.exec.expr.ExpressionCompiler;
import dev.tarn.engine.plan.ValuesNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Filter, project, limit and values: empty input, NULLs, several batches, early close, early stop. */
class SimpleOperatorsTest {
  private static final List<Field> FIELDS = List.of(field("id", BIGINT), field("name", VARCHAR));
  private final BufferAllocator allocator = new RootAllocator();
  private final ExecutionContext context = context(allocator, 4);

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private FakeOperator source(List<List<List<Object>>> batches) {
    return new FakeOperator(allocator, FIELDS, batches);
  }

  private static List<List<List<Object>>> threeBatches() {
    return List.of(
        List.of(row(1, "a"), row(2, null), row(3, "c")),
        List.of(row(null, "d"), row(5, "e")),
        List.of(row(6, "f"), row(7, "g"), row(8, "h")));
  }

  private FilterOperator filterGreaterThan(FakeOperator input, long bound) {
    return new FilterOperator(input, ExpressionCompiler.compile(
        call("greater_than", BOOLEAN, column(0, BIGINT), literal(bound, BIGINT))), context);
  }

  @Test
  void filterKeepsTrueRowsAcrossBatches() {
    assertThat(drain(filterGreaterThan(source(threeBatches()), 2)))
        .containsExactly(row(3, "c"), row(5, "e"), row(6, "f"), row(7, "g"), row(8, "h"));
    assertThat(drain(filterGreaterThan(source(threeBatches()), 100))).isEmpty();
    assertThat(drain(filterGreaterThan(source(List.of()), 0))).isEmpty();
  }

  @Test
  void filterPassesFullBatchesThroughAndSkipsEmptyOnes() {
    FakeOperator input = source(threeBatches());
    FilterOperator filter = filterGreaterThan(input, 5);
    try (Batch first = filter.next()) {
      // The first two batches have no match and are skipped, the third passes whole.
      assertThat(first.rowCount()).isEqualTo(3);
      assertThat(input.pulled()).isEqualTo(3);
    }
    assertThat(filter.next()).isNull();
    filter.close();
    assertThat(input.closed()).isTrue();
  }

  @Test
  void projectComputesAndSharesColumns() {
    var project = new ProjectOperator(source(threeBatches()), List.of(
        ExpressionCompiler.compile(column(1, VARCHAR)),
        ExpressionCompiler.compile(call("multiply", BIGINT, column(0, BIGINT), literal(10, BIGINT)))),
        List.of(field("name", VARCHAR), field("times_ten", BIGINT)), context);
    assertThat(project.schema().getFields()).extracting(Field::getName).containsExactly("name", "times_ten");
    List<List<Object>> rows = drain(project);
    assertThat(rows).hasSize(8);
    assertThat(rows.get(1)).isEqualTo(row(null, 20));
    assertThat(rows.get(3)).isEqualTo(row("d", null));
  }

  @Test
  void earlyCloseLeaksNothing() {
    FilterOperator filter = filterGreaterThan(source(threeBatches()), 0);
    filter.next().close();
    filter.close();
    var project = new ProjectOperator(source(threeBatches()), List.of(ExpressionCompiler.compile(column(0, BIGINT))),
        List.of(field("id", BIGINT)), context);
    project.next().close();
    project.close();
  }

  @Test
  void limitSkipsOffsetAndStopsPullingInput() {
    FakeOperator input = source(threeBatches());
    LimitOperator limit = new LimitOperator(input, 2, 3, context);
    List<List<Object>> rows = drain(limit);
    assertThat(rows).containsExactly(row(3, "c"), row(null, "d"), row(5, "e"));
    assertThat(input.pulled()).isEqualTo(2);
    assertThat(input.closed()).isTrue();

    assertThat(drain(new LimitOperator(source(threeBatches()), 0, -1, context))).hasSize(8);
    assertThat(drain(new LimitOperator(source(threeBatches()), 7, 100, context))).containsExactly(row(8, "h"));
    FakeOperator untouched = source(threeBatches());
    assertThat(drain(new LimitOperator(untouched, 0, 0, context))).isEmpty();
    assertThat(untouched.pulled()).isZero();
  }

  @Test
  void valuesReturnsLiteralRowsInBoundedBatches() {
    List<List<dev.tarn.engine.plan.expr.Literal>> rows = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      rows.add(List.of(literal((long) i, BIGINT), literal(i % 2 == 0 ? null : new BigDecimal("1.5"), decimal(4, 2))));
    }
    var values = new ValuesOperator(new ValuesNode(List.of(field("i", BIGINT), field("d", decimal(4, 2))), rows), context);
    try (Batch first = values.next()) {
      assertThat(first.rowCount()).isEqualTo(4);
    }
    List<List<Object>> rest = drain(values);
    assertThat(rest).hasSize(6);
    assertThat(rest.get(1)).isEqualTo(row(5, new BigDecimal("1.50")));
    assertThat(drain(new ValuesOperator(new ValuesNode(FIELDS, List.of()), context))).isEmpty();
  }
}
