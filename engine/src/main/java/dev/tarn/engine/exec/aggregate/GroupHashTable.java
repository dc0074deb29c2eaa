package dev.tarn.engine.exec.aggregate;

import java.util.Arrays;

/**
 * Maps encoded keys (byte ranges from {@link KeyEncoder}) to dense group ids 0, 1, 2, ... with open addressing
 * and linear probing. Keys are copied into one growing byte array. Each slot holds the high half of its key's hash
 * next to the group id + 1 (0 = empty), so a probe rejects other keys without touching the group's arrays; the
 * full hash per group makes resizing cheap.
 */
public final class GroupHashTable {
  private static final long HASH_BITS = 0xFFFFFFFF00000000L;
  private long[] slots = new long[1024];
  private long[] groupHashes = new long[256];
  private int[] keyOffsets = new int[257];
  private byte[] keyBytes = new byte[4096];
  private int groupCount;

  public int groupCount() {
    return groupCount;
  }

  /** The group of {@code bytes[from..to)}, adding a new group (the next id) when the key is new. */
  public int findOrInsert(byte[] bytes, int from, int to) {
    long hash = KeyEncoder.hash(bytes, from, to);
    int mask = slots.length - 1;
    int slot = (int) hash & mask;
    long hashBits = hash & HASH_BITS;
    while (true) {
      long entry = slots[slot];
      if (entry == 0) {
        return insert(slot, hash, bytes, from, to);
      }
      int group = (int) entry - 1;
      if ((entry & HASH_BITS) == hashBits
          && Arrays.equals(keyBytes, keyOffsets[group], keyOffsets[group + 1], bytes, from, to)) {
        return group;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** The group of {@code bytes[from..to)}, or -1 when the key was never inserted (hash joins probe this way). */
  public int find(byte[] bytes, int from, int to) {
    long hash = KeyEncoder.hash(bytes, from, to);
    int mask = slots.length - 1;
    int slot = (int) hash & mask;
    long hashBits = hash & HASH_BITS;
    while (true) {
      long entry = slots[slot];
      if (entry == 0) {
        return -1;
      }
      int group = (int) entry - 1;
      if ((entry & HASH_BITS) == hashBits
          && Arrays.equals(keyBytes, keyOffsets[group], keyOffsets[group + 1], bytes, from, to)) {
        return group;
      }
      slot = (slot + 1) & mask;
    }
  }

  private int insert(int slot, long hash, byte[] bytes, int from, int to) {
    int group = groupCount++;
    if (group == groupHashes.length) {
      groupHashes = Arrays.copyOf(groupHashes, group * 2);
      keyOffsets = Arrays.copyOf(keyOffsets, group * 2 + 1);
    }
    int length = to - from;
    int start = keyOffsets[group];
    if (start + length > keyBytes.length) {
      keyBytes = Arrays.copyOf(keyBytes, Math.max(keyBytes.length * 2, start + length));
    }
    System.arraycopy(bytes, from, keyBytes, start, length);
    keyOffsets[group + 1] = start + length;
    groupHashes[group] = hash;
    slots[slot] = (hash & HASH_BITS) | (group + 1L);
    if (groupCount * 2 > slots.length) {
      resize();
    }
    return group;
  }

  private void resize() {
    slots = new long[slots.length * 2];
    int mask = slots.length - 1;
    for (int group = 0; group < groupCount; group++) {
      long hash = groupHashes[group];
      int slot = (int) hash & mask;
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = (hash & HASH_BITS) | (group + 1L);
    }
  }
}
