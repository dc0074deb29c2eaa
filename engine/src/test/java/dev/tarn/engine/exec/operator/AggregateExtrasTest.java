package dev.tarn.engine.exec.operator;

import static dev.tarn.engine.exec.TestData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.FakeOperator;
import dev.tarn.engine.plan.AggregateNode;
import dev.tarn.engine.plan.AggregateNode.AggregateCall;
import dev.tarn.engine.plan.ValuesNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The aggregates beyond count/sum/avg/min/max, FILTER, several DISTINCTs, and empty grouping sets. */
class AggregateExtrasTest {
  /** g: group key; x: values; b: a condition; s: strings. */
  private static final List<Field> FIELDS = List.of(field("g", INTEGER), field("x", DOUBLE), field("b", BOOLEAN),
      field("s", VARCHAR), field("i", BIGINT));
  private final BufferAllocator allocator = new RootAllocator();
  private final ExecutionContext context = context(allocator, 1000);

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private static AggregateCall call(String function, ArrowType type, int argument) {
    return new AggregateCall(function, argument < 0 ? List.of() : List.of(argument), false, type, function);
  }

  private List<List<Object>> aggregate(List<List<List<Object>>> batches, List<Integer> keys,
      List<AggregateCall> calls, List<Long> emptyGroupingSetIds) {
    FakeOperator input = new FakeOperator(allocator, FIELDS, batches);
    List<Field> output = new AggregateNode(new ValuesNode(FIELDS, List.of()), keys, calls).outputFields();
    return drain(new HashAggregateOperator(input, keys, calls, emptyGroupingSetIds, output, context));
  }

  @Test
  void varianceFamilyMatchesTwoPassReferenceOnLargeOffsets() {
    Random random = new Random(11);
    List<List<List<Object>>> batches = new ArrayList<>();
    List<List<Double>> perGroup = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (int b = 0; b < 5; b++) {
      List<List<Object>> rows = new ArrayList<>();
      for (int r = 0; r < 400; r++) {
        int group = random.nextInt(3);
        Double value = random.nextInt(8) == 0 ? null : 1e9 + random.nextInt(1000) / 16.0;
        rows.add(row(group, value, null, null, null));
        if (value != null) {
          perGroup.get(group).add(value);
        }
      }
      batches.add(rows);
    }
    List<AggregateCall> calls = List.of(call("var_samp", DOUBLE, 1), call("var_pop", DOUBLE, 1),
        call("stddev_samp", DOUBLE, 1), call("stddev_pop", DOUBLE, 1));
    List<List<Object>> result = aggregate(batches, List.of(0), calls, List.of());
    assertThat(result).hasSize(3);
    for (List<Object> row : result) {
      List<Double> values = perGroup.get(((Long) row.get(0)).intValue());
      double mean = values.stream().mapToDouble(v -> v - 1e9).sum() / values.size();
      double squares = values.stream().mapToDouble(v -> (v - 1e9 - mean) * (v - 1e9 - mean)).sum();
      int n = values.size();
      assertThat((Double) row.get(1)).isCloseTo(squares / (n - 1), within(1e-9 * squares / n));
      assertThat((Double) row.get(2)).isCloseTo(squares / n, within(1e-9 * squares / n));
      assertThat((Double) row.get(3)).isCloseTo(Math.sqrt(squares / (n - 1)), within(1e-9));
      assertThat((Double) row.get(4)).isCloseTo(Math.sqrt(squares / n), within(1e-9));
    }
  }

  @Test
  void varianceOfOneValueIsNullForSampleAndZeroForPopulation() {
    List<AggregateCall> calls = List.of(call("var_samp", DOUBLE, 1), call("var_pop", DOUBLE, 1),
        call("stddev_samp", DOUBLE, 1));
    assertThat(aggregate(List.of(List.of(row(1, 5.0, null, null, null), row(1, null, null, null, null))), List.of(),
        calls, List.of())).containsExactly(row(null, 0.0, null));
    assertThat(aggregate(List.of(), List.of(), calls, List.of())).containsExactly(row(null, null, null));
  }

  @Test
  void sum0IsZeroRatherThanNullWithoutValues() {
    List<AggregateCall> calls = List.of(call("sum0", BIGINT, 4), call("sum0", DOUBLE, 1), call("sum", BIGINT, 4));
    assertThat(aggregate(List.of(List.of(row(1, null, null, null, null), row(2, 2.5, null, null, 3L))),
        List.of(0), calls, List.of())).containsExactly(row(1L, 0L, 0.0, null), row(2L, 3L, 2.5, 3L));
    assertThat(aggregate(List.of(), List.of(), calls, List.of())).containsExactly(row(0L, 0.0, null));
  }

  @Test
  void countIfCountsTrueRowsOnly() {
    List<List<Object>> rows = List.of(row(1, null, true, null, null), row(1, null, false, null, null),
        row(1, null, null, null, null), row(2, null, null, null, null), row(1, null, true, null, null));
    assertThat(aggregate(List.of(rows), List.of(0), List.of(call("count_if", BIGINT, 2)), List.of()))
        .containsExactly(row(1L, 2L), row(2L, 0L));
  }

  @Test
  void singleValueReturnsTheRowOrNullAndFailsOnASecondRow() {
    List<AggregateCall> calls = List.of(call("single_value", VARCHAR, 3));
    assertThat(aggregate(List.of(List.of(row(1, null, null, "only", null))), List.of(), calls, List.of()))
        .containsExactly(row("only"));
    assertThat(aggregate(List.of(), List.of(), calls, List.of())).containsExactly(row((Object) null));
    assertThat(aggregate(List.of(List.of(row(1, null, null, null, null))), List.of(), calls, List.of()))
        .containsExactly(row((Object) null));
    List<List<List<Object>>> twoRows = List.of(List.of(row(1, null, null, "a", null)),
        List.of(row(1, null, null, null, null)));
    assertThatThrownBy(() -> aggregate(twoRows, List.of(), calls, List.of()))
        .isInstanceOfSatisfying(TarnException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.SUBQUERY_MULTIPLE_ROWS);
          assertThat(e.getMessage()).contains("Scalar subquery returned more than one row");
        });
  }

  @Test
  void approxDistinctIsExactOnSmallSetsAndWithinThreePercentOnLargeOnes() {
    Random random = new Random(3);
    List<List<List<Object>>> batches = new ArrayList<>();
    HashSet<Long> distinct = new HashSet<>();
    for (int b = 0; b < 60; b++) {
      List<List<Object>> rows = new ArrayList<>();
      for (int r = 0; r < 1000; r++) {
        long value = random.nextInt(40000);
        distinct.add(value);
        rows.add(row(0, (double) (r % 50), null, r % 7 == 0 ? null : "s" + (r % 30), value));
      }
      batches.add(rows);
    }
    List<AggregateCall> calls = List.of(call("approx_distinct", BIGINT, 4), call("approx_distinct", BIGINT, 3),
        call("approx_distinct", BIGINT, 1));
    List<Object> result = aggregate(batches, List.of(), calls, List.of()).get(0);
    assertThat((double) (Long) result.get(0)).isCloseTo(distinct.size(), within(0.03 * distinct.size()));
    assertThat(result.subList(1, 3)).containsExactly(30L, 50L);
    assertThat(aggregate(List.of(), List.of(), calls, List.of())).containsExactly(row(0L, 0L, 0L));
  }

  @Test
  void filterKeepsRowsWhereTheConditionIsTrue() {
    List<List<Object>> rows = List.of(row(1, 1.0, true, "a", 10L), row(1, 2.0, false, "b", 20L),
        row(1, 4.0, null, "c", 30L), row(2, 8.0, false, "d", 40L), row(1, null, true, "e", 50L));
    List<AggregateCall> calls = List.of(
        new AggregateCall("count", List.of(), false, 2, BIGINT, "c"),
        new AggregateCall("sum", List.of(1), false, 2, DOUBLE, "s"),
        new AggregateCall("count", List.of(4), true, 2, BIGINT, "d"),
        new AggregateCall("min", List.of(3), false, 2, VARCHAR, "m"));
    assertThat(aggregate(List.of(rows), List.of(0), calls, List.of()))
        .containsExactly(row(1L, 2L, 1.0, 2L, "a"), row(2L, 0L, null, 0L, null));
  }

  @Test
  void severalDistinctAggregatesAtOnce() {
    List<List<Object>> rows = List.of(row(1, 1.0, null, "a", 5L), row(1, 1.0, null, "a", 5L),
        row(1, 3.0, null, "b", 7L), row(1, null, null, null, 7L), row(1, 3.0, null, "a", null));
    List<AggregateCall> calls = List.of(
        new AggregateCall("count", List.of(3), true, BIGINT, "c"),
        new AggregateCall("sum", List.of(4), true, BIGINT, "s"),
        new AggregateCall("avg", List.of(1), true, DOUBLE, "a"),
        new AggregateCall("sum", List.of(4), false, BIGINT, "plain"));
    assertThat(aggregate(List.of(rows), List.of(), calls, List.of())).containsExactly(row(2L, 12L, 2.0, 24L));
  }

  @Test
  void emptyGroupingSetsGiveRowsForEmptyInputOnly() {
    // Keys: g, then i standing in for a group id (the last key).
    List<AggregateCall> calls = List.of(call("count", BIGINT, -1), call("sum", DOUBLE, 1));
    assertThat(aggregate(List.of(), List.of(0, 4), calls, List.of(2L, 3L)))
        .containsExactly(row(null, 2L, 0L, null), row(null, 3L, 0L, null));
    List<List<Object>> rows = List.of(row(1, 1.5, null, null, 0L));
    assertThat(aggregate(List.of(rows), List.of(0, 4), calls, List.of(2L)))
        .containsExactly(row(1L, 0L, 1L, 1.5));
    assertThat(Objects.requireNonNull(aggregate(List.of(List.of()), List.of(0, 4), calls, List.of()))).isEmpty();
  }
}
