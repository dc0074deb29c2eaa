package dev.tarn.engine.exec.dynamic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.engine.exec.vector.LongHashSet;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The row-level runtime filter never rejects a build key, is exact while small, and a bloom filter beyond. */
class KeyMembershipTest {
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void close() {
    allocator.close();
  }

  @Test
  void fewKeysMakeAnExactSet() {
    try (BigIntVector build = longs(0, 5000, 2); IntVector probe = new IntVector("p", allocator)) {
      KeyMembership membership = collect(build);
      assertThat(membership.isBloomFilter()).isFalse();
      probe.allocateNew(10_000);
      for (int i = 0; i < 10_000; i++) {
        probe.set(i, i);
      }
      probe.setValueCount(10_000);
      assertThat(membership.accepts(probe)).isTrue(); // any integer width
      for (int i = 0; i < 10_000; i++) {
        assertThat(membership.mayContain(probe, i)).isEqualTo(i < 10_000 && i % 2 == 0);
      }
    }
  }

  @Test
  void manyKeysMakeABloomFilterWithoutFalseNegatives() {
    try (BigIntVector build = longs(0, 50_000, 3); BigIntVector probe = longs(0, 150_000, 1)) {
      KeyMembership membership = collect(build);
      assertThat(membership.isBloomFilter()).isTrue();
      int falsePositives = 0;
      for (int i = 0; i < probe.getValueCount(); i++) {
        boolean member = i % 3 == 0;
        boolean admitted = membership.mayContain(probe, i);
        if (member) {
          assertThat(admitted).isTrue();
        } else if (admitted) {
          falsePositives++;
        }
      }
      assertThat(falsePositives).isLessThan(100_000 / 40);
    }
  }

  @Test
  void aBloomFilterAnswersManyThreadsAtOnceAsItAnswersOne() throws Exception {
    try (BigIntVector build = longs(0, 50_000, 3); BigIntVector probe = longs(0, 150_000, 1)) {
      KeyMembership membership = collect(build);
      boolean[] expected = new boolean[probe.getValueCount()];
      for (int i = 0; i < expected.length; i++) {
        expected[i] = membership.mayContain(probe, i);
      }
      java.util.List<Thread> threads = new java.util.ArrayList<>();
      java.util.concurrent.atomic.AtomicInteger mismatches = new java.util.concurrent.atomic.AtomicInteger();
      for (int t = 0; t < 4; t++) {
        Thread thread = new Thread(() -> {
          for (int round = 0; round < 5; round++) {
            for (int i = 0; i < expected.length; i++) {
              if (membership.mayContain(probe, i) != expected[i]) {
                mismatches.incrementAndGet();
              }
            }
          }
        });
        thread.start();
        threads.add(thread);
      }
      for (Thread thread : threads) {
        thread.join();
      }
      assertThat(mismatches.get()).isZero();
    }
  }

  @Test
  void stringsAreHashedInPlace() {
    try (VarCharVector build = strings("a", "", "hello", "日本"); VarCharVector probe = strings("hello", "x", "", "日本", "a ")) {
      KeyMembership membership = collect(build);
      assertThat(membership.mayContain(probe, 0)).isTrue();
      assertThat(membership.mayContain(probe, 1)).isFalse();
      assertThat(membership.mayContain(probe, 2)).isTrue();
      assertThat(membership.mayContain(probe, 3)).isTrue();
      assertThat(membership.mayContain(probe, 4)).isFalse();
    }
  }

  @Test
  void decimalsNeedTheSameScale() {
    try (DecimalVector build = decimals(2, "1.50", "-3.25"); DecimalVector probe = decimals(2, "-3.25", "1.51");
        DecimalVector otherScale = decimals(3, "1.500"); VarCharVector text = strings("1.50")) {
      KeyMembership membership = collect(build);
      assertThat(membership.mayContain(probe, 0)).isTrue();
      assertThat(membership.mayContain(probe, 1)).isFalse();
      assertThat(membership.accepts(otherScale)).isFalse();
      assertThat(membership.accepts(text)).isFalse();
    }
  }

  /** A filter keeping 19 rows in 20 over 32,768 tested rows is marked useless; a selective one never is. */
  @Test
  void aFilterKeepingNearlyEveryRowBecomesUseless() {
    try (BigIntVector build = longs(0, 100, 1)) {
      KeyMembership nearlyAll = collect(build);
      KeyMembership selective = collect(build);
      for (int batch = 0; batch < 3; batch++) {
        nearlyAll.record(8192, 8000);
        selective.record(8192, 4000);
      }
      assertThat(nearlyAll.isUseless()).isFalse(); // not enough rows seen yet
      nearlyAll.record(8192, 8192);
      selective.record(8192, 8192);
      assertThat(nearlyAll.isUseless()).isTrue();
      assertThat(selective.isUseless()).isFalse();
    }
  }

  /** The bulk {@link KeyMembership#retain} keeps exactly the rows the per-row test (and NOT NULL) keeps. */
  @Test
  void retainMatchesThePerRowTestForEveryKeyTypeWithNulls() {
    for (int buildKeys : new int[] {1_000, 40_000}) { // an exact set, then a bloom filter
      try (BigIntVector build = longs(0, buildKeys, 3); BigIntVector bigints = longs(0, 20_000, 1);
          IntVector ints = new IntVector("i", allocator);
          DateDayVector dates = new DateDayVector("d", allocator)) {
        ints.allocateNew(20_000);
        dates.allocateNew(20_000);
        for (int i = 0; i < 20_000; i++) {
          if (i % 11 == 5) {
            bigints.setNull(i);
            ints.setNull(i);
            dates.setNull(i);
          } else {
            ints.set(i, i);
            dates.set(i, i);
          }
        }
        ints.setValueCount(20_000);
        dates.setValueCount(20_000);
        KeyMembership membership = collect(build);
        for (FieldVector probe : new FieldVector[] {bigints, ints}) {
          assertRetainMatchesPerRow(membership, probe);
        }
        try (DateDayVector buildDates = dateCopy(build)) {
          assertRetainMatchesPerRow(collect(buildDates), dates);
        }
      }
    }
    try (DecimalVector build = decimals(2, "1.50", "2.25", "-3.00"); DecimalVector probe = decimals(2, "2.25", null,
        "-3.00", "4.00", "1.50"); VarCharVector buildText = strings("a", "bc"); VarCharVector text = strings("bc",
        null, "x", "a")) {
      assertRetainMatchesPerRow(collect(build), probe);
      assertRetainMatchesPerRow(collect(buildText), text);
    }
  }

  private DateDayVector dateCopy(BigIntVector values) {
    DateDayVector dates = new DateDayVector("b", allocator);
    dates.allocateNew(values.getValueCount());
    for (int i = 0; i < values.getValueCount(); i++) {
      dates.set(i, (int) values.get(i));
    }
    dates.setValueCount(values.getValueCount());
    return dates;
  }

  private static void assertRetainMatchesPerRow(KeyMembership membership, FieldVector probe) {
    assertThat(membership.accepts(probe)).isTrue();
    int[] selected = new int[probe.getValueCount()];
    int count = 0;
    for (int row = 0; row < probe.getValueCount(); row += row % 3 == 0 ? 1 : 2) { // a sparse selection
      selected[count++] = row;
    }
    java.util.List<Integer> expected = new java.util.ArrayList<>();
    for (int j = 0; j < count; j++) {
      if (!probe.isNull(selected[j]) && membership.mayContain(probe, selected[j])) {
        expected.add(selected[j]);
      }
    }
    int kept = membership.retain(probe, selected, count);
    assertThat(java.util.Arrays.stream(selected, 0, kept).boxed().toList()).isEqualTo(expected);
  }

  private static KeyMembership collect(FieldVector build) {
    JoinKeys.Kind kind = JoinKeys.kindOf(build);
    LongHashSet keys = new LongHashSet();
    for (int row = 0; row < build.getValueCount(); row++) {
      keys.add(JoinKeys.key(build, row));
    }
    return KeyMembership.of(kind, keys);
  }

  private BigIntVector longs(long from, long count, long step) {
    BigIntVector vector = new BigIntVector("k", allocator);
    vector.allocateNew((int) count);
    for (int i = 0; i < count; i++) {
      vector.set(i, from + i * step);
    }
    vector.setValueCount((int) count);
    return vector;
  }

  private VarCharVector strings(String... values) {
    VarCharVector vector = new VarCharVector("s", allocator);
    vector.allocateNew();
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        vector.setNull(i);
      } else {
        vector.setSafe(i, values[i].getBytes(StandardCharsets.UTF_8));
      }
    }
    vector.setValueCount(values.length);
    return vector;
  }

  private DecimalVector decimals(int scale, String... values) {
    DecimalVector vector = new DecimalVector("d", allocator, 12, scale);
    vector.allocateNew(values.length);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        vector.setNull(i);
      } else {
        vector.set(i, new BigDecimal(values[i]));
      }
    }
    vector.setValueCount(values.length);
    return vector;
  }
}
