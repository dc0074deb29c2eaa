package dev.tarn.engine.exec.vector;

/** An open-addressing set of longs, so membership tests in hot loops need no boxing. */
public final class LongHashSet {
  private long[] keys = new long[16];
  private boolean[] used = new boolean[16];
  private int size;

  public void add(long key) {
    if (contains(key)) {
      return;
    }
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    insert(key);
  }

  public boolean contains(long key) {
    int mask = keys.length - 1;
    for (int slot = hash(key) & mask; used[slot]; slot = (slot + 1) & mask) {
      if (keys[slot] == key) {
        return true;
      }
    }
    return false;
  }

  /** How many distinct keys the set holds. */
  public int size() {
    return size;
  }

  /** The keys, in no particular order. */
  public long[] toArray() {
    long[] values = new long[size];
    int at = 0;
    for (int i = 0; i < keys.length; i++) {
      if (used[i]) {
        values[at++] = keys[i];
      }
    }
    return values;
  }

  private void insert(long key) {
    int mask = keys.length - 1;
    int slot = hash(key) & mask;
    while (used[slot]) {
      slot = (slot + 1) & mask;
    }
    keys[slot] = key;
    used[slot] = true;
    size++;
  }

  private void grow() {
    long[] oldKeys = keys;
    boolean[] oldUsed = used;
    keys = new long[oldKeys.length * 2];
    used = new boolean[oldKeys.length * 2];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldUsed[i]) {
        insert(oldKeys[i]);
      }
    }
  }

  private static int hash(long key) {
    long mixed = key * 0x9E3779B97F4A7C15L;
    return (int) (mixed ^ (mixed >>> 32));
  }
}
