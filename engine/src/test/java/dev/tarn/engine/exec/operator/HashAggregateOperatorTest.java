package dev.tarn.engine.exec.operator;

import static dev.tarn.engine.exec.TestData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.FakeOperator;
import dev.tarn.engine.plan.AggregateNode;
import dev.tarn.engine.plan.AggregateNode.AggregateCall;
import dev.tarn.engine.plan.ValuesNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HashAggregateOperatorTest {
  private static final List<Field> FIELDS = List.of(field("k", VARCHAR), field("g", INTEGER), field("x", BIGINT),
      field("d", decimal(10, 2)), field("f", DOUBLE));
  private final BufferAllocator allocator = new RootAllocator();
  private final ExecutionContext context = context(allocator, 100);

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private static AggregateCall aggregate(String function, ArrowType type, boolean distinct, Integer... arguments) {
    return new AggregateCall(function, List.of(arguments), distinct, type, function + List.of(arguments));
  }

  private static final List<AggregateCall> CALLS = List.of(
      aggregate("count", BIGINT, false),
      aggregate("count", BIGINT, false, 2),
      aggregate("count", BIGINT, true, 2),
      aggregate("sum", BIGINT, false, 2),
      aggregate("sum", decimal(38, 2), false, 3),
      aggregate("avg", decimal(10, 2), false, 3),
      aggregate("avg", DOUBLE, false, 2),
      aggregate("min", BIGINT, false, 2),
      aggregate("max", decimal(10, 2), false, 3),
      aggregate("max", VARCHAR, false, 0),
      aggregate("sum", DOUBLE, false, 4));

  private HashAggregateOperator operator(List<List<List<Object>>> batches, List<Integer> keys) {
    FakeOperator input = new FakeOperator(allocator, FIELDS, batches);
    List<Field> output = new AggregateNode(new ValuesNode(FIELDS, List.of()), keys, CALLS).outputFields();
    return new HashAggregateOperator(input, keys, CALLS, output, context);
  }

  @Test
  void matchesReferenceOnRandomDataWithManyGroupsAndNullKeys() {
    Random random = new Random(7);
    List<List<List<Object>>> batches = new ArrayList<>();
    List<List<Object>> all = new ArrayList<>();
    for (int b = 0; b < 12; b++) {
      List<List<Object>> rows = new ArrayList<>();
      for (int r = 0; r < 250; r++) {
        List<Object> row = row(
            random.nextInt(10) == 0 ? null : "k" + random.nextInt(40),
            random.nextInt(10) == 0 ? null : random.nextInt(8),
            random.nextInt(5) == 0 ? null : (long) random.nextInt(1000) - 500,
            random.nextInt(5) == 0 ? null : BigDecimal.valueOf(random.nextInt(100000) - 50000, 2),
            random.nextInt(5) == 0 ? null : (double) random.nextInt(100));
        rows.add(row);
        all.add(row);
      }
      batches.add(rows);
    }
    List<List<Object>> actual = drain(operator(batches, List.of(0, 1)));
    Map<List<Object>, List<List<Object>>> groups = new HashMap<>();
    for (List<Object> row : all) {
      groups.computeIfAbsent(java.util.Arrays.asList(row.get(0), row.get(1)), k -> new ArrayList<>()).add(row);
    }
    assertThat(actual).hasSize(groups.size());
    for (List<Object> row : actual) {
      List<List<Object>> members = groups.get(row.subList(0, 2));
      assertThat(members).as("group %s", row.subList(0, 2)).isNotNull();
      assertThat(row.subList(2, row.size())).as("group %s", row.subList(0, 2)).isEqualTo(reference(members));
    }
  }

  /** The aggregates of CALLS over {@code rows}, computed directly with Java collections. */
  private static List<Object> reference(List<List<Object>> rows) {
    List<Long> xs = rows.stream().map(r -> (Long) r.get(2)).filter(Objects::nonNull).toList();
    List<BigDecimal> ds = rows.stream().map(r -> (BigDecimal) r.get(3)).filter(Objects::nonNull).toList();
    List<String> ks = rows.stream().map(r -> (String) r.get(0)).filter(Objects::nonNull).toList();
    List<Double> fs = rows.stream().map(r -> (Double) r.get(4)).filter(Objects::nonNull).toList();
    BigDecimal decimalSum = ds.stream().reduce(BigDecimal::add).orElse(null);
    List<Object> result = new ArrayList<>();
    result.add((long) rows.size());
    result.add((long) xs.size());
    result.add((long) new HashSet<>(xs).size());
    result.add(xs.isEmpty() ? null : xs.stream().mapToLong(Long::longValue).sum());
    result.add(decimalSum);
    result.add(decimalSum == null ? null : decimalSum.divide(BigDecimal.valueOf(ds.size()), 2, RoundingMode.HALF_UP));
    result.add(xs.isEmpty() ? null : xs.stream().mapToDouble(Long::doubleValue).sum() / xs.size());
    result.add(xs.stream().min(Long::compare).orElse(null));
    result.add(ds.stream().max(BigDecimal::compareTo).orElse(null));
    result.add(ks.stream().max(String::compareTo).orElse(null));
    result.add(fs.isEmpty() ? null : fs.stream().mapToDouble(Double::doubleValue).sum());
    return result;
  }

  @Test
  void globalAggregateReturnsOneRowEvenForEmptyInput() {
    assertThat(drain(operator(List.of(), List.of())))
        .containsExactly(row(0L, 0L, 0L, null, null, null, null, null, null, null, null));
    assertThat(drain(operator(List.of(List.of()), List.of(0)))).isEmpty();
  }

  @Test
  void allNullColumnsAndNullKeysFormOneGroup() {
    List<List<Object>> rows = List.of(row(null, null, null, null, null), row(null, null, null, null, null));
    assertThat(drain(operator(List.of(rows), List.of(0, 1))))
        .containsExactly(row(null, null, 2L, 0L, 0L, null, null, null, null, null, null, null, null));
  }

  @Test
  void sumOverflowFails() {
    List<List<Object>> rows = List.of(row("a", 1, Long.MAX_VALUE, null, null), row("a", 1, 1L, null, null));
    assertThatThrownBy(() -> drain(operator(List.of(rows), List.of(0))))
        .isInstanceOfSatisfying(TarnException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NUMERIC_OVERFLOW));
  }

  @Test
  void outputIsBatchedAndEarlyCloseLeaksNothing() {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      rows.add(row("k" + i, i, (long) i, null, null));
    }
    HashAggregateOperator aggregate = operator(List.of(rows), List.of(0));
    try (var first = aggregate.next()) {
      assertThat(first.rowCount()).isEqualTo(100);
    }
    aggregate.close();
  }
}
