package dev.tarn.engine.exec.dynamic;

/**
 * A split-block bloom filter over 64-bit keys (the layout and salts of Parquet's, with Tarn's own key hash): each key
 * sets 8 bits in one 256-bit block. Immutable once built, and {@link #mightContain} only reads, so every scan copy
 * of a parallel query may probe one filter at once (Parquet's BlockSplitBloomFilter keeps probe scratch state in
 * fields and cannot be shared between threads).
 */
final class SplitBlockBloomFilter {
  private static final int[] SALT = {0x47b6137b, 0x44974d91, 0x8824ad5b, 0xa2b7289d, 0x705495c7, 0x2df1424b,
      0x9efc4947, 0x5c6bfb31};
  private static final int INTS_PER_BLOCK = 8;

  private final int[] blocks;
  private final long blockCount;

  /** An empty filter of at least {@code bytes} bytes (whole 32-byte blocks). */
  SplitBlockBloomFilter(int bytes) {
    int count = Math.max(1, (bytes + 31) / 32);
    this.blocks = new int[count * INTS_PER_BLOCK];
    this.blockCount = count;
  }

  void insert(long key) {
    long hash = hash(key);
    int base = block(hash);
    int bits = (int) hash;
    for (int i = 0; i < INTS_PER_BLOCK; i++) {
      blocks[base + i] |= 1 << ((bits * SALT[i]) >>> 27);
    }
  }

  /** False only when {@code key} was never inserted. */
  boolean mightContain(long key) {
    long hash = hash(key);
    int base = block(hash);
    int bits = (int) hash;
    // All eight words at once, no early exit: a branch per word mispredicts about half the time on misses.
    int missing = 0;
    for (int i = 0; i < INTS_PER_BLOCK; i++) {
      missing |= ~blocks[base + i] & (1 << ((bits * SALT[i]) >>> 27));
    }
    return missing == 0;
  }

  /** The first int of the block the hash's upper half selects (multiply-shift, no modulo). */
  private int block(long hash) {
    return (int) (((hash >>> 32) * blockCount) >>> 32) * INTS_PER_BLOCK;
  }

  /** Murmur3's 64-bit finalizer: spreads keys that differ in few bits (consecutive ids) over the whole range. */
  private static long hash(long key) {
    long x = key;
    x ^= x >>> 33;
    x *= 0xff51afd7ed558ccdL;
    x ^= x >>> 33;
    x *= 0xc4ceb9fe1a85ec53L;
    x ^= x >>> 33;
    return x;
  }
}
