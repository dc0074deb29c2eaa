package dev.tarn.engine.exec.operator;

import static dev.tarn.engine.exec.TestData.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.FakeOperator;
import dev.tarn.engine.plan.SortKey;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sort and TopN against Collections.sort with the same keys, NULL placement and directions. */
class SortOperatorsTest {
  private static final List<Field> FIELDS = List.of(field("s", VARCHAR), field("i", INTEGER), field("f", DOUBLE),
      field("d", decimal(30, 2)), field("id", BIGINT));
  private static final List<SortKey> KEYS = List.of(new SortKey(0, true, false), new SortKey(1, false, true),
      new SortKey(2, true, true), new SortKey(3, false, false), new SortKey(4, true, false));
  private final BufferAllocator allocator = new RootAllocator();
  private final ExecutionContext context = context(allocator, 64);
  private final List<List<List<Object>>> batches = new ArrayList<>();
  private final List<List<Object>> all = new ArrayList<>();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private void randomInput(int batchCount, int rowsPerBatch) {
    Random random = new Random(11);
    long id = 0;
    for (int b = 0; b < batchCount; b++) {
      List<List<Object>> rows = new ArrayList<>();
      for (int r = 0; r < rowsPerBatch; r++) {
        List<Object> row = row(
            random.nextInt(6) == 0 ? null : List.of("a", "b", "é", "ab", "").get(random.nextInt(5)),
            random.nextInt(6) == 0 ? null : random.nextInt(4) - 2,
            random.nextInt(6) == 0 ? null : random.nextInt(3) - 1.5,
            random.nextInt(6) == 0 ? null : BigDecimal.valueOf(random.nextInt(2000) - 1000, 2),
            id++);
        rows.add(row);
        all.add(row);
      }
      batches.add(rows);
    }
  }

  @SuppressWarnings("unchecked")
  private static Comparator<List<Object>> reference() {
    Comparator<List<Object>> comparator = (a, b) -> 0;
    for (SortKey key : KEYS) {
      Comparator<Comparable<Object>> values = Comparator.naturalOrder();
      if (!key.ascending()) {
        values = values.reversed();
      }
      Comparator<Comparable<Object>> withNulls = key.nullsFirst() ? Comparator.nullsFirst(values)
          : Comparator.nullsLast(values);
      comparator = comparator.thenComparing(row -> (Comparable<Object>) row.get(key.column()), withNulls);
    }
    return comparator;
  }

  @Test
  void sortMatchesReference() {
    randomInput(7, 100);
    List<List<Object>> expected = new ArrayList<>(all);
    expected.sort(reference());
    assertThat(drain(new SortOperator(new FakeOperator(allocator, FIELDS, batches), KEYS, context)))
        .isEqualTo(expected);
  }

  @Test
  void topNMatchesReferenceWithOffsetAndCompaction() {
    randomInput(20, 50);
    List<List<Object>> expected = new ArrayList<>(all);
    expected.sort(reference());
    assertThat(drain(new TopNOperator(new FakeOperator(allocator, FIELDS, batches), KEYS, 5, 17, context)))
        .isEqualTo(expected.subList(5, 22));
    assertThat(drain(new TopNOperator(new FakeOperator(allocator, FIELDS, batches), KEYS, 0, 5000, context)))
        .isEqualTo(expected);
    assertThat(drain(new TopNOperator(new FakeOperator(allocator, FIELDS, batches), KEYS, 0, 0, context))).isEmpty();
  }

  @Test
  void emptyInputAndEarlyClose() {
    assertThat(drain(new SortOperator(new FakeOperator(allocator, FIELDS, List.of()), KEYS, context))).isEmpty();
    assertThat(drain(new TopNOperator(new FakeOperator(allocator, FIELDS, List.of(List.of())), KEYS, 0, 3, context)))
        .isEmpty();
    randomInput(3, 100);
    SortOperator sort = new SortOperator(new FakeOperator(allocator, FIELDS, batches), KEYS, context);
    sort.next().close();
    sort.close();
    TopNOperator topN = new TopNOperator(new FakeOperator(allocator, FIELDS, batches), KEYS, 0, 100, context);
    topN.next().close();
    topN.close();
  }
}
