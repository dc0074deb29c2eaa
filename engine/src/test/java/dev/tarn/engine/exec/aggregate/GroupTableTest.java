package dev.tarn.engine.exec.aggregate;

import static dev.tarn.engine.exec.TestData.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.engine.exec.vector.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fixed-width group tables against the byte-encoded reference ({@link EncodedKeyGroupTable}) on random
 * batches: the same group id for every row (ids are handed out in first-appearance order, so they must agree
 * exactly), the same lookups, and the same key columns out.
 */
class GroupTableTest {
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  static List<List<ArrowType>> keyTypes() {
    return List.of(List.of(BIGINT), List.of(INTEGER), List.of(TINYINT), List.of(SMALLINT), List.of(DATE),
        List.of(BOOLEAN), List.of(TIMESTAMP), List.of(decimal(15, 2)), List.of(BIGINT, INTEGER),
        List.of(INTEGER, BOOLEAN), List.of(INTEGER, BIGINT, DATE), List.of(decimal(12, 2), SMALLINT, BIGINT, DATE),
        List.of(VARCHAR), List.of(VARCHAR, VARCHAR), List.of(VARCHAR, INTEGER, VARCHAR));
  }

  @ParameterizedTest
  @MethodSource("keyTypes")
  void fastTableNumbersKeysAsTheEncodedOneDoes(List<ArrowType> types) {
    check(types, false, false);
    if (types.contains(VARCHAR)) {
      check(types, true, false);
    }
    if (types.equals(List.of(VARCHAR))) {
      check(types, true, true);
    }
  }

  /**
   * {@code longStrings}: late batches bring strings over 8 bytes, moving a string table to its general form;
   * {@code stringTable}: the single-VARCHAR table from the start, long strings throughout.
   */
  private void check(List<ArrowType> types, boolean longStrings, boolean stringTable) {
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      fields.add(field("k" + i, types.get(i)));
    }
    Random random = new Random(types.hashCode());
    try (GroupTable fast = stringTable ? new StringKeyGroupTable() : GroupTables.forGrouping(fields, allocator);
        GroupTable reference = new EncodedKeyGroupTable(fields, allocator)) {
      assertThat(fast).isNotInstanceOf(EncodedKeyGroupTable.class);
      FixedKeys scratch = new FixedKeys();
      for (int b = 0; b < 25; b++) {
        int rows = random.nextInt(4000);
        double nullRate = b % 3 == 0 ? 0 : 0.1;
        // Lookups may meet long strings at any time; inserts only late, when the table then changes form.
        boolean longer = b % 4 == 3 || (longStrings && (b >= 18 || stringTable));
        List<FieldVector> batch = RandomKeys.batch(random, fields, rows, nullRate, b % 2 == 1, longer, allocator);
        try {
          int[] expected = new int[rows];
          int[] actual = new int[rows];
          if (b % 4 == 3) {
            reference.find(batch, rows, expected, null);
            fast.find(batch, rows, actual, scratch);
          } else {
            reference.findOrInsert(batch, rows, expected);
            fast.findOrInsert(batch, rows, actual);
          }
          assertThat(actual).as("batch %d", b).isEqualTo(expected);
          assertThat(fast.groupCount()).isEqualTo(reference.groupCount());
        } finally {
          batch.forEach(FieldVector::close);
        }
      }
      if (!types.equals(List.of(TINYINT)) && !types.equals(List.of(BOOLEAN)) && !types.equals(List.of(VARCHAR))) {
        assertThat(fast.groupCount()).as("enough groups to resize").isGreaterThan(2048);
      }
      assertSameKeys(fast.takeKeys(fields, allocator), reference.takeKeys(fields, allocator));
    }
  }

  @org.junit.jupiter.api.Test
  void nullTypedBatchColumnJoinsTheNullGroup() {
    List<Field> fields = List.of(field("s", VARCHAR), field("k", BIGINT));
    try (GroupTable table = GroupTables.forGrouping(fields, allocator)) {
      int[] ids = new int[3];
      try (FieldVector strings = vector(allocator, VARCHAR, "x", null, "x");
          FieldVector longs = vector(allocator, BIGINT, 5L, null, null)) {
        table.findOrInsert(List.of(strings, longs), 3, ids);
      }
      assertThat(ids).containsExactly(0, 1, 2);
      try (FieldVector strings = vector(allocator, VARCHAR, null, "x");
          FieldVector nulls = new org.apache.arrow.vector.NullVector(field("k", NULL), 2)) {
        table.findOrInsert(List.of(strings, nulls), 2, ids);
      }
      assertThat(ids).startsWith(1, 2);
      List<FieldVector> keys = table.takeKeys(fields, allocator);
      try {
        assertThat(values(keys.get(0))).containsExactly("x", null, "x");
        assertThat(values(keys.get(1))).containsExactly(5L, null, null);
      } finally {
        keys.forEach(FieldVector::close);
      }
    }
  }

  private static void assertSameKeys(List<FieldVector> actual, List<FieldVector> expected) {
    try {
      assertThat(actual).hasSameSizeAs(expected);
      for (int c = 0; c < actual.size(); c++) {
        FieldVector a = actual.get(c);
        FieldVector e = expected.get(c);
        assertThat(a.getField()).isEqualTo(e.getField());
        assertThat(a.getValueCount()).isEqualTo(e.getValueCount());
        for (int i = 0; i < a.getValueCount(); i++) {
          assertThat(Vectors.value(a, i)).as("column %d group %d", c, i).isEqualTo(Vectors.value(e, i));
        }
      }
    } finally {
      actual.forEach(FieldVector::close);
      expected.forEach(FieldVector::close);
    }
  }
}
