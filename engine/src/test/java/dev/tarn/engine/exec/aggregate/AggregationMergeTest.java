package dev.tarn.engine.exec.aggregate;

import static dev.tarn.engine.exec.TestData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.FakeOperator;
import dev.tarn.engine.exec.vector.Vectors;
import dev.tarn.engine.plan.AggregateNode;
import dev.tarn.engine.plan.AggregateNode.AggregateCall;
import dev.tarn.engine.plan.ValuesNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Partial aggregation then merge against the reference, one state fed every batch: the same groups and the same
 * results, exactly (types, decimal rounding) except floating-point sums and variances, which may differ in their last
 * bits. Batches are dealt round-robin to the partial states, some of which see none.
 */
class AggregationMergeTest {
  private static final List<Field> FIELDS = List.of(field("k", VARCHAR), field("x", BIGINT), field("f", DOUBLE),
      field("d", decimal(12, 2)), field("w", decimal(38, 4)), field("s", VARCHAR), field("day", DATE),
      field("b", BOOLEAN), field("flag", BOOLEAN));
  private static final int FLAG = 8;

  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private static AggregateCall call(String function, ArrowType type, Integer... arguments) {
    return new AggregateCall(function, List.of(arguments), false, type, function + List.of(arguments));
  }

  private static AggregateCall filtered(String function, ArrowType type, Integer... arguments) {
    return new AggregateCall(function, List.of(arguments), false, FLAG, type, function + "_filtered");
  }

  private static final List<AggregateCall> CALLS = List.of(
      call("count", BIGINT),
      call("count", BIGINT, 1),
      call("sum", BIGINT, 1),
      call("sum", DOUBLE, 2),
      call("sum", decimal(38, 2), 3),
      call("sum", decimal(38, 4), 4),
      call("sum0", BIGINT, 1),
      call("avg", DOUBLE, 1),
      call("avg", DOUBLE, 2),
      call("avg", decimal(12, 2), 3),
      call("avg", decimal(38, 4), 4),
      call("min", BIGINT, 1),
      call("max", BIGINT, 1),
      call("min", DOUBLE, 2),
      call("max", decimal(12, 2), 3),
      call("min", decimal(38, 4), 4),
      call("max", VARCHAR, 5),
      call("min", VARCHAR, 5),
      call("min", DATE, 6),
      call("max", BOOLEAN, 7),
      call("var_samp", DOUBLE, 2),
      call("stddev_pop", DOUBLE, 1),
      call("var_pop", decimal(12, 2), 3),
      call("count_if", BIGINT, 7),
      filtered("count", BIGINT),
      filtered("sum", decimal(38, 2), 3),
      filtered("max", VARCHAR, 5));

  /** Output columns compared with a tolerance: floating sums and averages, and the variance family. */
  private static final List<Integer> FLOATING = List.of(3, 7, 8, 20, 21);

  @Test
  void mergedPartialsMatchOneStateFedEveryBatch() {
    List<List<List<Object>>> batches = randomBatches(new Random(11), 40, 97);
    for (List<Integer> keys : List.of(List.<Integer>of(), List.of(0), List.of(0, 7))) {
      for (int partials : new int[] {1, 3, 8, 50}) {
        List<List<Object>> reference = aggregate(batches, keys, 1);
        List<List<Object>> merged = aggregate(batches, keys, partials);
        assertSameRows(merged, reference, keys.size(), "keys " + keys + ", " + partials + " partials");
      }
    }
  }

  @Test
  void emptyInputGivesTheSameRowWithoutKeysAndNoneWithKeys() {
    List<List<List<Object>>> none = List.of();
    assertSameRows(aggregate(none, List.of(), 4), aggregate(none, List.of(), 1), 0, "no keys");
    assertThat(aggregate(none, List.of(0), 4)).isEmpty();
  }

  @Test
  void decimalSumsBeyondALongMergeExactly() {
    BigDecimal big = new BigDecimal("9000000000000000.0000"); // 9e19 unscaled: beyond a long
    List<List<List<Object>>> batches = new ArrayList<>();
    for (int b = 0; b < 6; b++) {
      batches.add(List.of(row("k", 1L, 1.0, BigDecimal.ONE.setScale(2), big, "s", LocalDate.of(2024, 1, 1), true,
          true)));
    }
    List<List<Object>> merged = aggregate(batches, List.of(0), 3);
    assertThat(merged.get(0).get(1 + 5)).isEqualTo(new BigDecimal("54000000000000000.0000"));
    assertSameRows(merged, aggregate(batches, List.of(0), 1), 1, "spilled sums");
  }

  @Test
  void singleValueFailsWhenTwoPartialsHoldARowOfTheSameGroup() {
    AggregateCall single = call("single_value", BIGINT, 1);
    List<List<List<Object>>> batches = List.of(
        List.of(row("a", 1L, 0.0, null, null, null, null, null, null)),
        List.of(row("b", 2L, 0.0, null, null, null, null, null, null)));
    assertThat(aggregate(batches, List.of(0), List.of(single), 2)).hasSize(2);
    List<List<List<Object>>> twice = List.of(batches.get(0), batches.get(0));
    assertThatThrownBy(() -> aggregate(twice, List.of(0), List.of(single), 2))
        .isInstanceOf(TarnException.class)
        .extracting(e -> ((TarnException) e).code()).isEqualTo(ErrorCode.SUBQUERY_MULTIPLE_ROWS);
  }

  @Test
  void distinctAndApproxDistinctAreNotMergeable() {
    AggregateCall distinct = new AggregateCall("count", List.of(1), true, BIGINT, "c");
    assertThat(AggregationState.mergeable(CALLS)).isTrue();
    assertThat(AggregationState.mergeable(List.of(distinct))).isFalse();
    assertThat(AggregationState.mergeable(List.of(call("approx_distinct", BIGINT, 1)))).isFalse();
  }

  private List<List<Object>> aggregate(List<List<List<Object>>> batches, List<Integer> keys, int partials) {
    return aggregate(batches, keys, CALLS, partials);
  }

  /** Deals the batches round-robin to {@code partials} states, merges them into the first, returns its rows. */
  private List<List<Object>> aggregate(List<List<List<Object>>> batches, List<Integer> keys,
      List<AggregateCall> calls, int partials) {
    List<Field> output = new AggregateNode(new ValuesNode(FIELDS, List.of()), keys, calls).outputFields();
    List<AggregationState> states = new ArrayList<>();
    try {
      for (int i = 0; i < partials; i++) {
        states.add(new AggregationState(FIELDS, keys, calls, allocator));
      }
      FakeOperator input = new FakeOperator(allocator, FIELDS, batches);
      int index = 0;
      for (Batch next = input.next(); next != null; next = input.next()) {
        try (Batch batch = next) {
          states.get(index++ % partials).add(batch);
        }
      }
      for (int i = 1; i < partials; i++) {
        states.get(0).merge(states.get(i));
      }
      List<FieldVector> columns = states.get(0).results(output, List.of());
      try {
        int rows = states.get(0).groupCount();
        List<List<Object>> result = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
          List<Object> values = new ArrayList<>();
          for (FieldVector column : columns) {
            values.add(Vectors.value(column, r));
          }
          result.add(values);
        }
        return result;
      } finally {
        columns.forEach(FieldVector::close);
      }
    } finally {
      states.forEach(AggregationState::close);
    }
  }

  private static void assertSameRows(List<List<Object>> actual, List<List<Object>> expected, int keyCount,
      String description) {
    Comparator<List<Object>> byKeys = Comparator.comparing(row -> String.valueOf(row.subList(0, keyCount)));
    List<List<Object>> left = new ArrayList<>(actual);
    List<List<Object>> right = new ArrayList<>(expected);
    left.sort(byKeys);
    right.sort(byKeys);
    assertThat(left).as(description).hasSameSizeAs(right);
    for (int r = 0; r < left.size(); r++) {
      for (int c = 0; c < left.get(r).size(); c++) {
        Object a = left.get(r).get(c);
        Object b = right.get(r).get(c);
        String where = description + ", row " + right.get(r).subList(0, keyCount) + ", column " + c;
        if (c >= keyCount && FLOATING.contains(c - keyCount) && a instanceof Double x && b instanceof Double y) {
          assertThat(x).as(where).isCloseTo(y, org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(y))));
        } else {
          assertThat(a).as(where).isEqualTo(b);
        }
      }
    }
  }

  private static List<List<List<Object>>> randomBatches(Random random, int batchCount, int rowsPerBatch) {
    List<List<List<Object>>> batches = new ArrayList<>();
    for (int b = 0; b < batchCount; b++) {
      List<List<Object>> rows = new ArrayList<>();
      // Some batches are empty, some have a single key: partial states see very different groups.
      int rowCount = b % 7 == 3 ? 0 : rowsPerBatch;
      for (int r = 0; r < rowCount; r++) {
        rows.add(row(
            random.nextInt(12) == 0 ? null : "k" + random.nextInt(b % 5 == 0 ? 1 : 30),
            random.nextInt(6) == 0 ? null : (long) random.nextInt(2_000_000) - 1_000_000,
            random.nextInt(6) == 0 ? null : random.nextDouble() * 1000 - 500,
            random.nextInt(6) == 0 ? null : BigDecimal.valueOf(random.nextInt(10_000_000) - 5_000_000, 2),
            random.nextInt(6) == 0 ? null : new BigDecimal(random.nextLong()).movePointLeft(4),
            random.nextInt(6) == 0 ? null : "s" + random.nextInt(500),
            random.nextInt(6) == 0 ? null : LocalDate.of(2020, 1, 1).plusDays(random.nextInt(1000)),
            random.nextInt(6) == 0 ? null : random.nextBoolean(),
            random.nextInt(6) == 0 ? null : random.nextBoolean()));
      }
      batches.add(rows);
    }
    return batches;
  }
}
