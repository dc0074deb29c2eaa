package dev.tarn.engine.exec.window;

import static dev.tarn.engine.exec.TestData.BIGINT;
import static dev.tarn.engine.exec.TestData.DOUBLE;
import static dev.tarn.engine.exec.TestData.VARCHAR;
import static dev.tarn.engine.exec.TestData.column;
import static dev.tarn.engine.exec.TestData.literal;
import static dev.tarn.engine.exec.TestData.values;
import static dev.tarn.engine.exec.TestData.vector;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.engine.plan.SortKey;
import dev.tarn.engine.plan.WindowNode.Bound;
import dev.tarn.engine.plan.WindowNode.BoundKind;
import dev.tarn.engine.plan.WindowNode.Call;
import dev.tarn.engine.plan.WindowNode.Frame;
import dev.tarn.engine.plan.WindowNode.FrameUnit;
import dev.tarn.engine.plan.expr.Expr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The window evaluators against a row-by-row reference: rows already in window order (partition, then order
 * key ascending with NULLs last), every frame computed from its definition by scanning the partition.
 */
class WindowFunctionsTest {
  private static final int ROWS = 400;
  private static final Bound UP = Bound.UNBOUNDED_PRECEDING;
  private static final Bound CR = Bound.CURRENT_ROW;
  private static final Bound UF = Bound.UNBOUNDED_FOLLOWING;

  private final BufferAllocator allocator = new RootAllocator();
  private final List<Long> partitions = new ArrayList<>();
  private final List<Long> keys = new ArrayList<>();
  private final List<Long> numbers = new ArrayList<>();
  private final List<String> strings = new ArrayList<>();
  private List<FieldVector> columns;
  private WindowLayout layout;

  @BeforeEach
  void randomRows() {
    Random random = new Random(7);
    long partition = 0;
    for (int i = 0; i < ROWS; i++) {
      if (random.nextInt(25) == 0) {
        partition++;
      }
      partitions.add(partition);
      keys.add(random.nextInt(8) == 0 ? null : (long) random.nextInt(20));
      numbers.add(random.nextInt(4) == 0 ? null : (long) random.nextInt(2000) - 1000);
      strings.add(random.nextInt(5) == 0 ? null : "s" + random.nextInt(50));
    }
    // Window order within each partition: key ascending, NULLs last.
    Integer[] order = new Integer[ROWS];
    for (int i = 0; i < ROWS; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, Comparator.<Integer, Long>comparing(partitions::get)
        .thenComparing(keys::get, Comparator.nullsLast(Comparator.naturalOrder())));
    List<Long> sortedKeys = new ArrayList<>();
    List<Long> sortedNumbers = new ArrayList<>();
    List<String> sortedStrings = new ArrayList<>();
    for (int i : order) {
      sortedKeys.add(keys.get(i));
      sortedNumbers.add(numbers.get(i));
      sortedStrings.add(strings.get(i));
    }
    keys.clear();
    keys.addAll(sortedKeys);
    numbers.clear();
    numbers.addAll(sortedNumbers);
    strings.clear();
    strings.addAll(sortedStrings);
    boolean[] newPartition = new boolean[ROWS];
    boolean[] newPeerGroup = new boolean[ROWS];
    for (int i = 0; i < ROWS; i++) {
      newPartition[i] = i == 0 || !partitions.get(i).equals(partitions.get(i - 1));
      newPeerGroup[i] = newPartition[i] || !Objects.equals(keys.get(i), keys.get(i - 1));
    }
    layout = WindowLayout.fromBoundaries(newPartition, newPeerGroup);
    columns = List.of(vector(allocator, BIGINT, keys.toArray()), vector(allocator, BIGINT, numbers.toArray()),
        vector(allocator, VARCHAR, strings.toArray()));
  }

  @AfterEach
  void closeAllocator() {
    columns.forEach(FieldVector::close);
    allocator.close();
  }

  @Test
  void aggregatesAndValuesOverEveryFrameShapeMatchTheReference() {
    List<Frame> frames = List.of(rows(UP, CR), rows(preceding(2), following(1)), rows(preceding(3), preceding(1)),
        rows(following(1), following(3)), rows(CR, UF), rows(UP, UF), rows(following(2), following(1)),
        range(UP, CR), range(CR, UF), range(CR, CR), range(preceding(2), following(1)),
        range(following(1), following(3)), range(preceding(3), preceding(2)), range(UP, following(0)));
    for (Frame frame : frames) {
      FrameBounds bounds = FrameBounds.compute(layout, frame, new SortKey(0, true, false), columns.get(0));
      check(frame, bounds, "count", List.of(column(1, BIGINT)), BIGINT, values -> (long) nonNull(values).size());
      check(frame, bounds, "count", List.of(), BIGINT, values -> (long) values.size());
      check(frame, bounds, "sum", List.of(column(1, BIGINT)), BIGINT,
          values -> nonNull(values).isEmpty() ? null : nonNull(values).stream().mapToLong(v -> (Long) v).sum());
      check(frame, bounds, "avg", List.of(column(1, BIGINT)), DOUBLE, values -> nonNull(values).isEmpty() ? null
          : nonNull(values).stream().mapToLong(v -> (Long) v).average().getAsDouble());
      check(frame, bounds, "min", List.of(column(1, BIGINT)), BIGINT,
          values -> nonNull(values).stream().map(v -> (Long) v).min(Long::compare).orElse(null));
      check(frame, bounds, "max", List.of(column(2, VARCHAR)), VARCHAR,
          values -> nonNull(values).stream().map(v -> (String) v).max(String::compareTo).orElse(null));
      check(frame, bounds, "first_value", List.of(column(1, BIGINT)), BIGINT,
          values -> values.isEmpty() ? null : values.get(0));
      check(frame, bounds, "last_value", List.of(column(2, VARCHAR)), VARCHAR,
          values -> values.isEmpty() ? null : values.get(values.size() - 1));
      check(frame, bounds, "nth_value", List.of(column(1, BIGINT), literal(2L, BIGINT)), BIGINT,
          values -> values.size() < 2 ? null : values.get(1));
    }
  }

  @Test
  void rankingAndShiftsMatchTheReference() {
    List<Object> rowNumbers = new ArrayList<>();
    List<Object> ranks = new ArrayList<>();
    List<Object> denseRanks = new ArrayList<>();
    List<Object> tiles = new ArrayList<>();
    List<Object> cumulative = new ArrayList<>();
    List<Object> lags = new ArrayList<>();
    List<Object> leads = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      int start = i;
      while (start > 0 && partitions.get(start - 1).equals(partitions.get(i))) {
        start--;
      }
      int end = i + 1;
      while (end < ROWS && partitions.get(end).equals(partitions.get(i))) {
        end++;
      }
      int size = end - start;
      long peersBefore = 0;
      long distinctBefore = 0;
      long peersUpToLast = 0;
      for (int j = start; j < end; j++) {
        boolean before = keys.get(j) == null ? false : keys.get(i) == null || keys.get(j) < keys.get(i);
        peersBefore += before ? 1 : 0;
        distinctBefore += before && (j == start || !Objects.equals(keys.get(j), keys.get(j - 1))) ? 1 : 0;
        peersUpToLast += before || Objects.equals(keys.get(j), keys.get(i)) ? 1 : 0;
      }
      rowNumbers.add((long) (i - start + 1));
      ranks.add(peersBefore + 1);
      denseRanks.add(distinctBefore + 1);
      cumulative.add((double) peersUpToLast / size);
      // NTILE(3): bucket sizes differ by at most one, larger buckets first.
      long bucket = 1;
      long position = i - start;
      for (long b = 0, filled = 0; b < 3; b++) {
        long bucketSize = size / 3 + (b < size % 3 ? 1 : 0);
        if (position < filled + bucketSize) {
          bucket = b + 1;
          break;
        }
        filled += bucketSize;
      }
      tiles.add(bucket);
      lags.add(i - 2 >= start ? numbers.get(i - 2) : Long.valueOf(-1));
      leads.add(i + 1 < end ? numbers.get(i + 1) : null);
    }
    FrameBounds whole = FrameBounds.compute(layout, range(UP, UF), null, null);
    assertThat(evaluate("row_number", List.of(), BIGINT, whole)).isEqualTo(rowNumbers);
    assertThat(evaluate("rank", List.of(), BIGINT, whole)).isEqualTo(ranks);
    assertThat(evaluate("dense_rank", List.of(), BIGINT, whole)).isEqualTo(denseRanks);
    assertThat(evaluate("ntile", List.of(literal(3L, BIGINT)), BIGINT, whole)).isEqualTo(tiles);
    assertThat(evaluate("cume_dist", List.of(), DOUBLE, whole)).isEqualTo(cumulative);
    assertThat(evaluate("lag", List.of(column(1, BIGINT), literal(2L, BIGINT), literal(-1L, BIGINT)), BIGINT,
        whole)).isEqualTo(lags);
    assertThat(evaluate("lead", List.of(column(1, BIGINT)), BIGINT, whole)).isEqualTo(leads);
  }

  private void check(Frame frame, FrameBounds bounds, String function, List<Expr> arguments, ArrowType type,
      Function<List<Object>, Object> reference) {
    int valueColumn = arguments.isEmpty() ? 1 : ((dev.tarn.engine.plan.expr.ColumnRef) arguments.get(0)).index();
    List<Object> expected = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      List<Object> frameValues = new ArrayList<>();
      for (int j = 0; j < ROWS; j++) {
        if (partitions.get(j).equals(partitions.get(i)) && inFrame(frame, i, j)) {
          frameValues.add(valueColumn == 2 ? strings.get(j) : numbers.get(j));
        }
      }
      expected.add(reference.apply(frameValues));
    }
    List<Object> actual = evaluate(function, arguments, type, bounds);
    for (int i = 0; i < ROWS; i++) {
      Object want = expected.get(i);
      Object got = actual.get(i);
      if (want instanceof Double w && got instanceof Double g) {
        assertThat(g).as(function + " " + frame + " row " + i).isCloseTo(w, org.assertj.core.data.Offset.offset(1e-9));
      } else {
        assertThat(got).as(function + " " + frame + " row " + i).isEqualTo(want);
      }
    }
  }

  private List<Object> evaluate(String function, List<Expr> arguments, ArrowType type, FrameBounds bounds) {
    try (FieldVector result = WindowFunctions.evaluate(new Call(function, arguments, type, "r"), layout, bounds,
        columns, allocator)) {
      return values(result);
    }
  }

  /** Whether row j (same partition) lies in row i's frame, straight from the frame's definition. */
  private boolean inFrame(Frame frame, int i, int j) {
    return satisfies(frame, frame.lower(), i, j, true) && satisfies(frame, frame.upper(), i, j, false);
  }

  private boolean satisfies(Frame frame, Bound bound, int i, int j, boolean lower) {
    if (bound.kind() == BoundKind.UNBOUNDED_PRECEDING || bound.kind() == BoundKind.UNBOUNDED_FOLLOWING) {
      return true;
    }
    long offset = bound.offset() == null ? 0 : (Long) bound.offset();
    long signed = bound.kind() == BoundKind.PRECEDING ? -offset : offset;
    if (frame.unit() == FrameUnit.ROWS) {
      return lower ? j - i >= signed : j - i <= signed;
    }
    Long key = keys.get(i);
    Long other = keys.get(j);
    if (key == null || bound.kind() == BoundKind.CURRENT_ROW) {
      // Peers: the same key, NULL with NULL; otherwise NULLs (sorted last) come after every value.
      int order = Objects.equals(key, other) ? 0 : other == null ? 1 : key == null ? -1 : Long.compare(other, key);
      return lower ? order >= 0 : order <= 0;
    }
    if (other == null) {
      return false;
    }
    return lower ? other >= key + signed : other <= key + signed;
  }

  private static List<Object> nonNull(List<Object> values) {
    return values.stream().filter(Objects::nonNull).toList();
  }

  private static Frame rows(Bound lower, Bound upper) {
    return new Frame(FrameUnit.ROWS, lower, upper);
  }

  private static Frame range(Bound lower, Bound upper) {
    return new Frame(FrameUnit.RANGE, lower, upper);
  }

  private static Bound preceding(long offset) {
    return new Bound(BoundKind.PRECEDING, offset);
  }

  private static Bound following(long offset) {
    return new Bound(BoundKind.FOLLOWING, offset);
  }
}
