package dev.tarn.engine.exec.operator;

import static dev.tarn.engine.exec.TestData.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.FakeOperator;
import dev.tarn.engine.exec.Operator;
import dev.tarn.engine.exec.expr.ExpressionCompiler;
import dev.tarn.engine.exec.expr.VectorExpression;
import dev.tarn.engine.plan.BuildSide;
import dev.tarn.engine.plan.JoinNode;
import dev.tarn.engine.plan.JoinType;
import dev.tarn.engine.plan.ValuesNode;
import dev.tarn.engine.plan.expr.Expr;
import dev.tarn.engine.plan.expr.Functions;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hash and nested-loop joins of every type, building on either side, against a row-at-a-time reference join on
 * random data with NULL and duplicate keys of several types, small batches, and with or without a residual.
 */
class HashJoinOperatorTest {
  private static final List<Field> LEFT = List.of(field("k1", INTEGER), field("k2", VARCHAR),
      field("k3", decimal(10, 2)), field("k4", DATE), field("v", INTEGER));
  private static final List<Field> RIGHT = List.of(field("k1", INTEGER), field("k2", VARCHAR),
      field("k3", decimal(10, 2)), field("k4", DATE), field("w", INTEGER));
  private static final int WIDTH = LEFT.size();
  /** left.v < right.w, over the concatenated row. */
  private static final Expr V_LESS_THAN_W = call(Functions.LESS_THAN, BOOLEAN, column(4, INTEGER),
      column(WIDTH + 4, INTEGER));

  private final BufferAllocator allocator = new RootAllocator();
  private final ExecutionContext context = context(allocator, 7);

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @ParameterizedTest
  @EnumSource(value = JoinType.class, names = {"INNER", "LEFT", "RIGHT", "FULL", "SEMI", "ANTI"})
  void hashJoinMatchesReferenceOnBothBuildSides(JoinType joinType) {
    Random random = new Random(joinType.ordinal());
    List<List<List<Object>>> left = randomBatches(random, 5, 40);
    List<List<List<Object>>> right = randomBatches(random, 4, 30);
    for (List<Integer> keys : List.of(List.of(0), List.of(1, 3), List.of(0, 1, 2, 3))) {
      assertHashJoin(joinType, left, right, keys, List.of(), null);
      assertHashJoin(joinType, left, right, keys, List.of(), V_LESS_THAN_W);
    }
  }

  @ParameterizedTest
  @EnumSource(value = JoinType.class, names = {"INNER", "LEFT", "RIGHT", "FULL", "SEMI", "ANTI"})
  void nullSafeKeysMatchNullWithNull(JoinType joinType) {
    Random random = new Random(100 + joinType.ordinal());
    List<List<List<Object>>> left = randomBatches(random, 3, 30);
    List<List<List<Object>>> right = randomBatches(random, 3, 20);
    assertHashJoin(joinType, left, right, List.of(0, 1), List.of(1), null);
    assertHashJoin(joinType, left, right, List.of(0), List.of(0), V_LESS_THAN_W);
  }

  @ParameterizedTest
  @EnumSource(JoinType.class)
  void nestedLoopJoinMatchesReferenceOnBothBuildSides(JoinType joinType) {
    Random random = new Random(200 + joinType.ordinal());
    List<List<List<Object>>> left = randomBatches(random, 3, 15);
    List<List<List<Object>>> right = randomBatches(random, 3, 12);
    Expr condition = joinType == JoinType.CROSS ? null : V_LESS_THAN_W;
    for (BuildSide buildSide : BuildSide.values()) {
      List<List<Object>> expected = reference(joinType, rows(left), rows(right), List.of(), List.of(), condition);
      VectorExpression compiled = condition == null ? null : ExpressionCompiler.compile(condition);
      Operator join = new NestedLoopJoinOperator(new FakeOperator(allocator, LEFT, left),
          new FakeOperator(allocator, RIGHT, right), joinType, compiled, buildSide,
          outputFields(joinType, List.of(), condition), context);
      assertThat(sorted(drainChecked(join))).as(joinType + " build " + buildSide).isEqualTo(sorted(expected));
    }
  }

  @ParameterizedTest
  @EnumSource(value = JoinType.class, names = {"INNER", "LEFT", "RIGHT", "FULL", "SEMI", "ANTI"})
  void emptyInputsOnEitherSide(JoinType joinType) {
    Random random = new Random(300);
    List<List<List<Object>>> rows = randomBatches(random, 2, 10);
    List<List<List<Object>>> empty = List.of(List.of());
    assertHashJoin(joinType, rows, empty, List.of(0), List.of(), null);
    assertHashJoin(joinType, empty, rows, List.of(0), List.of(), null);
    assertHashJoin(joinType, List.of(), List.of(), List.of(0), List.of(), V_LESS_THAN_W);
  }

  @Test
  void outputBatchesStayWithinTheBatchSizeWhenKeysRepeat() {
    List<List<Object>> same = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      same.add(row(1, "a", BigDecimal.valueOf(1, 2), LocalDate.of(2020, 1, 1), i));
    }
    Operator join = hashJoin(JoinType.INNER, List.of(same), List.of(same), List.of(0), List.of(), null,
        BuildSide.RIGHT);
    int rows = 0;
    try (join) {
      for (Batch next = join.next(); next != null; next = join.next()) {
        try (Batch batch = next) {
          assertThat(batch.rowCount()).isLessThanOrEqualTo(7);
          rows += batch.rowCount();
        }
      }
    }
    assertThat(rows).isEqualTo(400);
  }

  @Test
  void closingEarlyReleasesBufferedBuildRowsAndInputs() {
    Random random = new Random(400);
    FakeOperator left = new FakeOperator(allocator, LEFT, randomBatches(random, 4, 20));
    FakeOperator right = new FakeOperator(allocator, RIGHT, randomBatches(random, 4, 20));
    Operator join = new HashJoinOperator(left, right, JoinType.FULL, List.of(0), List.of(0), List.of(), null,
        BuildSide.LEFT, outputFields(JoinType.FULL, List.of(0), null), context);
    try (Batch first = join.next()) {
      assertThat(first).isNotNull();
    }
    join.close();
    join.close();
    assertThat(left.closed()).isTrue();
    assertThat(right.closed()).isTrue();
    assertThat(join.next()).isNull();
  }

  @Test
  void innerJoinWithAnEmptyBuildSideNeverPullsTheProbeSide() {
    FakeOperator left = new FakeOperator(allocator, LEFT, randomBatches(new Random(5), 2, 5));
    FakeOperator right = new FakeOperator(allocator, RIGHT, List.of());
    Operator join = new HashJoinOperator(left, right, JoinType.INNER, List.of(0), List.of(0), List.of(), null,
        BuildSide.RIGHT, outputFields(JoinType.INNER, List.of(0), null), context);
    assertThat(drainChecked(join)).isEmpty();
    assertThat(left.pulled()).isZero();
  }

  private void assertHashJoin(JoinType joinType, List<List<List<Object>>> left, List<List<List<Object>>> right,
      List<Integer> keys, List<Integer> nullSafe, Expr residual) {
    List<List<Object>> expected = reference(joinType, rows(left), rows(right), keys, nullSafe, residual);
    for (BuildSide buildSide : BuildSide.values()) {
      Operator join = hashJoin(joinType, left, right, keys, nullSafe, residual, buildSide);
      assertThat(sorted(drainChecked(join)))
          .as(joinType + " keys " + keys + " null-safe " + nullSafe + " residual " + residual + " build " + buildSide)
          .isEqualTo(sorted(expected));
    }
  }

  private Operator hashJoin(JoinType joinType, List<List<List<Object>>> left, List<List<List<Object>>> right,
      List<Integer> keys, List<Integer> nullSafe, Expr residual, BuildSide buildSide) {
    VectorExpression compiled = residual == null ? null : ExpressionCompiler.compile(residual);
    return new HashJoinOperator(new FakeOperator(allocator, LEFT, left), new FakeOperator(allocator, RIGHT, right),
        joinType, keys, keys, nullSafe, compiled, buildSide, outputFields(joinType, keys, residual), context);
  }

  private static List<Field> outputFields(JoinType joinType, List<Integer> keys, Expr residual) {
    return new JoinNode(new ValuesNode(LEFT, List.of()), new ValuesNode(RIGHT, List.of()), joinType, keys, keys,
        residual, BuildSide.RIGHT).outputFields();
  }

  /** Drains the join and checks every batch against the operator's schema width. */
  private static List<List<Object>> drainChecked(Operator join) {
    int width = join.schema().getFields().size();
    List<List<Object>> rows = drain(join);
    rows.forEach(row -> assertThat(row).hasSize(width));
    return rows;
  }

  /** The join computed row by row, as SQL defines it. */
  private static List<List<Object>> reference(JoinType joinType, List<List<Object>> left, List<List<Object>> right,
      List<Integer> keys, List<Integer> nullSafe, Expr residual) {
    List<List<Object>> output = new ArrayList<>();
    boolean[] rightMatched = new boolean[right.size()];
    for (List<Object> l : left) {
      boolean matched = false;
      for (int j = 0; j < right.size(); j++) {
        List<Object> r = right.get(j);
        if (matches(l, r, keys, nullSafe, residual)) {
          matched = true;
          rightMatched[j] = true;
          if (!joinType.outputsLeftOnly()) {
            output.add(concat(l, r));
          }
        }
      }
      if ((joinType == JoinType.SEMI && matched) || (joinType == JoinType.ANTI && !matched)) {
        output.add(l);
      }
      if (!matched && joinType.keepsUnmatchedLeft()) {
        output.add(concat(l, Collections.nCopies(RIGHT.size(), null)));
      }
    }
    if (joinType.keepsUnmatchedRight()) {
      for (int j = 0; j < right.size(); j++) {
        if (!rightMatched[j]) {
          output.add(concat(Collections.nCopies(WIDTH, null), right.get(j)));
        }
      }
    }
    return output;
  }

  private static boolean matches(List<Object> l, List<Object> r, List<Integer> keys, List<Integer> nullSafe,
      Expr residual) {
    for (int i = 0; i < keys.size(); i++) {
      Object a = l.get(keys.get(i));
      Object b = r.get(keys.get(i));
      boolean equal = nullSafe.contains(i) ? Objects.equals(a, b) : a != null && a.equals(b);
      if (!equal) {
        return false;
      }
    }
    if (residual == null) {
      return true;
    }
    Long v = (Long) l.get(4);
    Long w = (Long) r.get(4);
    return v != null && w != null && v < w;
  }

  private static List<Object> concat(List<Object> a, List<Object> b) {
    List<Object> row = new ArrayList<>(a);
    row.addAll(b);
    return row;
  }

  private static List<List<Object>> rows(List<List<List<Object>>> batches) {
    List<List<Object>> rows = new ArrayList<>();
    batches.forEach(rows::addAll);
    return rows;
  }

  private static List<String> sorted(List<List<Object>> rows) {
    return rows.stream().map(Object::toString).sorted().toList();
  }

  private static List<List<List<Object>>> randomBatches(Random random, int batches, int maxRows) {
    List<List<List<Object>>> result = new ArrayList<>();
    for (int b = 0; b < batches; b++) {
      List<List<Object>> rows = new ArrayList<>();
      int count = b == 1 ? 0 : random.nextInt(maxRows + 1);
      for (int r = 0; r < count; r++) {
        rows.add(row(
            random.nextInt(8) == 0 ? null : random.nextInt(6),
            random.nextInt(8) == 0 ? null : "s" + random.nextInt(3),
            random.nextInt(8) == 0 ? null : BigDecimal.valueOf(random.nextInt(3), 2),
            random.nextInt(8) == 0 ? null : LocalDate.of(2020, 1, 1 + random.nextInt(2)),
            random.nextInt(6) == 0 ? null : random.nextInt(20)));
      }
      result.add(rows);
    }
    return result;
  }
}
