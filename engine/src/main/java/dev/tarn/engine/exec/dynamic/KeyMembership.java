package dev.tarn.engine.exec.dynamic;

import dev.tarn.engine.exec.vector.LongHashSet;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.values.bloomfilter.BlockSplitBloomFilter;

/**
 * A row-level test of probe keys against a join's build keys (in {@link JoinKeys}' long form): an exact set while
 * the build side has few distinct keys, a split-block bloom filter (1% false positives) beyond. It never rejects a
 * key the build side holds; it may admit one it lacks (bloom false positives, string hash collisions), which the
 * join then drops. Read-only once built: the scan copies of a parallel query share one.
 */
public final class KeyMembership {
  /** Up to this many distinct keys the filter is an exact set; beyond, a bloom filter. */
  static final int MAX_EXACT = 10_000;
  private static final double FALSE_POSITIVE_RATE = 0.01;

  private final JoinKeys.Kind kind;
  private final LongHashSet exact;
  private final SplitBlockBloomFilter bloom;

  private KeyMembership(JoinKeys.Kind kind, LongHashSet exact, SplitBlockBloomFilter bloom) {
    this.kind = kind;
    this.exact = exact;
    this.bloom = bloom;
  }

  /** A membership test over {@code keys}, all of {@code kind}. */
  public static KeyMembership of(JoinKeys.Kind kind, LongHashSet keys) {
    if (keys.size() <= MAX_EXACT) {
      return new KeyMembership(kind, keys, null);
    }
    int bytes = BlockSplitBloomFilter.optimalNumOfBits(keys.size(), FALSE_POSITIVE_RATE) / 8;
    SplitBlockBloomFilter bloom = new SplitBlockBloomFilter(bytes);
    for (long key : keys.toArray()) {
      bloom.insert(key);
    }
    return new KeyMembership(kind, null, bloom);
  }

  /** Whether this filter can test {@code vector}'s values. */
  public boolean accepts(FieldVector vector) {
    return kind.equals(JoinKeys.kindOf(vector));
  }

  /** Whether the build side may hold the non-null key at {@code row} of {@code vector} (which it accepts). */
  public boolean mayContain(FieldVector vector, int row) {
    long key = JoinKeys.key(vector, row);
    return exact != null ? exact.contains(key) : bloom.mightContain(key);
  }

  /** Whether this is a bloom filter rather than an exact set, for EXPLAIN and tests. */
  public boolean isBloomFilter() {
    return bloom != null;
  }
}
