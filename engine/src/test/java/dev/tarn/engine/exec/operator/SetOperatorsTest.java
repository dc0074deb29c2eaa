package dev.tarn.engine.exec.operator;

import static dev.tarn.engine.exec.TestData.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.FakeOperator;
import dev.tarn.engine.plan.GroupIdNode;
import dev.tarn.engine.plan.ValuesNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** UnionAllOperator and GroupIdOperator: rows, output names, NULLs, empty inputs, early close. */
class SetOperatorsTest {
  private static final List<Field> LEFT = List.of(field("a", BIGINT), field("s", VARCHAR));
  private static final List<Field> RIGHT = List.of(field("x", BIGINT), field("y", VARCHAR));
  private final BufferAllocator allocator = new RootAllocator();
  private final ExecutionContext context = context(allocator, 100);

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private FakeOperator left(List<List<List<Object>>> batches) {
    return new FakeOperator(allocator, LEFT, batches);
  }

  private FakeOperator right(List<List<List<Object>>> batches) {
    return new FakeOperator(allocator, RIGHT, batches);
  }

  @Test
  void unionAllReturnsEveryRowOfEachInputInOrderUnderTheOutputNames() {
    FakeOperator first = left(List.of(List.of(row(1L, "a"), row(null, null)), List.of(), List.of(row(1L, "a"))));
    FakeOperator second = right(List.of());
    FakeOperator third = right(List.of(List.of(row(2L, null))));
    UnionAllOperator union = new UnionAllOperator(List.of(first, second, third), LEFT, context);
    List<String> names = new ArrayList<>();
    List<List<Object>> rows = new ArrayList<>();
    for (var next = union.next(); next != null; next = union.next()) {
      try (var batch = next) {
        batch.columns().forEach(column -> names.add(column.getField().getName()));
        for (int row = 0; row < batch.rowCount(); row++) {
          rows.add(Arrays.asList(dev.tarn.engine.exec.vector.Vectors.value(batch.column(0), row),
              dev.tarn.engine.exec.vector.Vectors.value(batch.column(1), row)));
        }
      }
    }
    union.close();
    assertThat(rows).containsExactly(row(1L, "a"), row(null, null), row(1L, "a"), row(2L, null));
    assertThat(names).containsOnly("a", "s");
    assertThat(first.closed()).isTrue();
    assertThat(third.closed()).isTrue();
  }

  @Test
  void unionAllClosedEarlyClosesEveryInput() {
    FakeOperator first = left(List.of(List.of(row(1L, "a")), List.of(row(2L, "b"))));
    FakeOperator second = right(List.of(List.of(row(3L, "c"))));
    UnionAllOperator union = new UnionAllOperator(List.of(first, second), LEFT, context);
    try (var batch = union.next()) {
      assertThat(batch.rowCount()).isEqualTo(1);
    }
    union.close();
    assertThat(first.closed()).isTrue();
    assertThat(second.closed()).isTrue();
    assertThat(second.pulled()).isZero();
  }

  @Test
  void unionAllOfEmptyInputsIsEmpty() {
    UnionAllOperator union = new UnionAllOperator(List.of(left(List.of()), right(List.of(List.of()))), LEFT, context);
    assertThat(drain(union).stream().filter(r -> !r.isEmpty()).toList()).isEmpty();
  }

  private GroupIdOperator groupId(List<List<List<Object>>> batches, List<List<Integer>> sets) {
    GroupIdNode node = new GroupIdNode(new ValuesNode(LEFT, List.of()), List.of(0, 1), sets);
    return new GroupIdOperator(left(batches), List.of(0, 1), sets, node.outputFields(), context);
  }

  @Test
  void groupIdRepeatsEachRowPerSetWithAbsentKeysNullAndTheSetIndex() {
    List<List<Integer>> sets = List.of(List.of(0, 1), List.of(0), List.of());
    List<List<Object>> rows = drain(groupId(List.of(List.of(row(1L, "a"), row(null, "b"))), sets));
    // Input columns unchanged, then the key copies, then the group id.
    assertThat(rows).containsExactly(
        row(1L, "a", 1L, "a", 0L), row(null, "b", null, "b", 0L),
        row(1L, "a", 1L, null, 1L), row(null, "b", null, null, 1L),
        row(1L, "a", null, null, 2L), row(null, "b", null, null, 2L));
  }

  @Test
  void groupIdOverEmptyInputIsEmptyAndEarlyCloseLeaksNothing() {
    List<List<Integer>> sets = List.of(List.of(0), List.of());
    assertThat(drain(groupId(List.of(), sets))).isEmpty();
    GroupIdOperator operator = groupId(List.of(List.of(row(1L, "a")), List.of(row(2L, "b"))), sets);
    try (var first = operator.next()) {
      assertThat(first.rowCount()).isEqualTo(1);
    }
    operator.close();
  }
}
