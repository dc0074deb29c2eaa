package dev.tarn.engine.exec.dynamic;

import dev.tarn.engine.exec.vector.LongHashSet;
import java.util.concurrent.atomic.LongAdder;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
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

  private final int keyCount;
  /** Rows tested and kept by every scan copy and file using this filter, to drop it when it keeps nearly all. */
  private final LongAdder rowsTested = new LongAdder();
  private final LongAdder rowsKept = new LongAdder();
  private volatile boolean useless;
  private static final long USELESS_AFTER_ROWS = 32_768;

  private KeyMembership(JoinKeys.Kind kind, LongHashSet exact, SplitBlockBloomFilter bloom, int keyCount) {
    this.kind = kind;
    this.exact = exact;
    this.bloom = bloom;
    this.keyCount = keyCount;
  }

  /**
   * Records that a scan tested {@code testedRows} rows and kept {@code keptRows}. Once 32,768 rows were tested
   * and 19 in 20 kept, the filter is {@link #isUseless() useless}: the join drops its misses anyway, and a bloom
   * filter over a large build costs a cache miss per row. Shared by all copies and files of the scan, so each file
   * does not learn it again.
   */
  public void record(int testedRows, int keptRows) {
    rowsTested.add(testedRows);
    rowsKept.add(keptRows);
    long all = rowsTested.sum();
    if (all >= USELESS_AFTER_ROWS && rowsKept.sum() * 20 >= all * 19) {
      useless = true;
    }
  }

  /** Whether scans should stop testing rows with it (see {@link #record}). */
  public boolean isUseless() {
    return useless;
  }

  /** How many distinct build keys it holds: fewer keys usually reject more rows, and test faster. */
  public int keyCount() {
    return keyCount;
  }

  /** A membership test over {@code keys}, all of {@code kind}. */
  public static KeyMembership of(JoinKeys.Kind kind, LongHashSet keys) {
    if (keys.size() <= MAX_EXACT) {
      return new KeyMembership(kind, keys, null, keys.size());
    }
    int bytes = BlockSplitBloomFilter.optimalNumOfBits(keys.size(), FALSE_POSITIVE_RATE) / 8;
    SplitBlockBloomFilter bloom = new SplitBlockBloomFilter(bytes);
    for (long key : keys.toArray()) {
      bloom.insert(key);
    }
    return new KeyMembership(kind, null, bloom, keys.size());
  }

  /** Whether this filter can test {@code vector}'s values. */
  public boolean accepts(FieldVector vector) {
    return kind.equals(JoinKeys.kindOf(vector));
  }

  /** Whether the build side may hold the non-null key at {@code row} of {@code vector} (which it accepts). */
  public boolean mayContain(FieldVector vector, int row) {
    return mayContain(JoinKeys.key(vector, row));
  }

  /**
   * Keeps, of rows {@code selected[0..count)} of {@code vector} (which it accepts), those whose key is not NULL and
   * may be a build key, in order; returns how many. Fixed-width keys are read straight from the data buffer.
   */
  public int retain(FieldVector vector, int[] selected, int count) {
    ArrowBuf validity = vector.getValidityBuffer();
    boolean nullable = vector.getNullCount() > 0;
    int width = vector instanceof BigIntVector ? 8
        : vector instanceof IntVector || vector instanceof DateDayVector ? 4
        : vector instanceof DecimalVector ? DecimalVector.TYPE_WIDTH : 0;
    int kept = 0;
    if (width == 0) {
      for (int j = 0; j < count; j++) {
        int row = selected[j];
        if (!vector.isNull(row) && mayContain(JoinKeys.key(vector, row))) {
          selected[kept++] = row;
        }
      }
      return kept;
    }
    ArrowBuf data = vector.getDataBuffer();
    for (int j = 0; j < count; j++) {
      int row = selected[j];
      if (nullable && BitVectorHelper.get(validity, row) == 0) {
        continue;
      }
      // A decimal of at most 18 digits lives entirely in its low eight bytes (little-endian two's complement).
      long key = width == 4 ? data.getInt((long) row * 4) : data.getLong((long) row * width);
      if (mayContain(key)) {
        selected[kept++] = row;
      }
    }
    return kept;
  }

  private boolean mayContain(long key) {
    return exact != null ? exact.contains(key) : bloom.mightContain(key);
  }

  /** Whether this is a bloom filter rather than an exact set, for EXPLAIN and tests. */
  public boolean isBloomFilter() {
    return bloom != null;
  }
}
