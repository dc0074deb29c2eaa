package dev.tarn.engine.exec.aggregate;

import dev.tarn.engine.exec.vector.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * A {@link GroupTable} for fixed-width key columns and short strings (see {@link GroupTables}, {@link FixedKeys}):
 * open addressing with linear probing over one {@code long[]} whose slots hold the n key values, the row's mask
 * (bit i: column i is NULL, its value then 0; packed string lengths) and the group id + 1 (0 = empty), contiguous
 * so one lookup touches one or two cache lines. Load factor at most 1/2; no objects or virtual calls per row.
 */
final class FixedKeyGroupTable implements GroupTable {
  private final int[] kinds;
  private final int columns;
  /** Longs per slot: the keys, the null mask, the group + 1. */
  private final int stride;
  private final FixedKeys insertKeys = new FixedKeys();
  private long[] slots;
  private int mask = 1023;
  private int groupCount;
  /** Keys of group g at {@code groupKeys[g * columns ..]}, and its null mask, by group id for {@link #takeKeys}. */
  private long[] groupKeys;
  private long[] groupMasks = new long[1024];

  FixedKeyGroupTable(int[] kinds) {
    this.kinds = kinds.clone();
    this.columns = kinds.length;
    this.stride = columns + 2;
    this.slots = new long[stride * 1024];
    this.groupKeys = new long[columns * 1024];
  }

  @Override
  public int groupCount() {
    return groupCount;
  }

  @Override
  public void findOrInsert(List<FieldVector> keys, int rowCount, int[] groupIds) {
    if (!tryFindOrInsert(keys, rowCount, groupIds)) {
      throw new IllegalStateException("A string key is too long for a fixed-width table");
    }
  }

  /** As {@link #findOrInsert}, or false, having changed nothing, when some string key is longer than 8 bytes. */
  boolean tryFindOrInsert(List<FieldVector> keys, int rowCount, int[] groupIds) {
    if (!insertKeys.load(keys, kinds, rowCount, true)) {
      return false;
    }
    long[][] values = insertKeys.values;
    for (int row = 0; row < rowCount; row++) {
      long rowMask = insertKeys.anyMask ? insertKeys.masks[row] : 0;
      long hash = hash(values, row, rowMask);
      int slot = (int) hash & mask;
      while (true) {
        int base = slot * stride;
        long entry = slots[base + columns + 1];
        if (entry == 0) {
          groupIds[row] = insert(base, values, row, rowMask);
          break;
        }
        if (matches(base, values, row, rowMask)) {
          groupIds[row] = (int) entry - 1;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    return true;
  }

  private long hash(long[][] values, int row, long rowMask) {
    long hash = rowMask;
    for (int c = 0; c < columns; c++) {
      hash = Long.rotateLeft((hash ^ values[c][row]) * 0x9E3779B97F4A7C15L, 29);
    }
    return GroupTables.mix(hash);
  }

  private boolean matches(int base, long[][] values, int row, long rowMask) {
    if (slots[base + columns] != rowMask) {
      return false;
    }
    for (int c = 0; c < columns; c++) {
      if (slots[base + c] != values[c][row]) {
        return false;
      }
    }
    return true;
  }

  private int insert(int base, long[][] values, int row, long rowMask) {
    int group = groupCount++;
    if (group == groupMasks.length) {
      groupMasks = Arrays.copyOf(groupMasks, group * 2);
      groupKeys = Arrays.copyOf(groupKeys, group * 2 * columns);
    }
    for (int c = 0; c < columns; c++) {
      slots[base + c] = values[c][row];
      groupKeys[group * columns + c] = values[c][row];
    }
    slots[base + columns] = rowMask;
    slots[base + columns + 1] = group + 1L;
    groupMasks[group] = rowMask;
    if (groupCount * 2L > mask + 1L) {
      resize();
    }
    return group;
  }

  /** Doubles the slots, re-placing each group from its by-group copy of the keys. */
  private void resize() {
    int capacity = (mask + 1) * 2;
    slots = new long[capacity * stride];
    mask = capacity - 1;
    for (int group = 0; group < groupCount; group++) {
      long hash = groupMasks[group];
      for (int c = 0; c < columns; c++) {
        hash = Long.rotateLeft((hash ^ groupKeys[group * columns + c]) * 0x9E3779B97F4A7C15L, 29);
      }
      int slot = (int) GroupTables.mix(hash) & mask;
      while (slots[slot * stride + columns + 1] != 0) {
        slot = (slot + 1) & mask;
      }
      int base = slot * stride;
      System.arraycopy(groupKeys, group * columns, slots, base, columns);
      slots[base + columns] = groupMasks[group];
      slots[base + columns + 1] = group + 1L;
    }
  }

  @Override
  public void find(List<FieldVector> keys, int rowCount, int[] groupIds, FixedKeys scratch) {
    if (!GroupTables.comparable(kinds, keys)) {
      Arrays.fill(groupIds, 0, rowCount, -1);
      return;
    }
    scratch.load(keys, kinds, rowCount, false);
    long[][] values = scratch.values;
    for (int row = 0; row < rowCount; row++) {
      long rowMask = scratch.anyMask ? scratch.masks[row] : 0;
      int group = -1;
      if (rowMask >= 0) {
        // A negative mask has the UNMATCHABLE bit: that row's key was never inserted.
        int slot = (int) hash(values, row, rowMask) & mask;
        while (true) {
          int base = slot * stride;
          long entry = slots[base + columns + 1];
          if (entry == 0 || matches(base, values, row, rowMask)) {
            group = (int) entry - 1;
            break;
          }
          slot = (slot + 1) & mask;
        }
      }
      groupIds[row] = group;
    }
  }

  @Override
  public List<FieldVector> takeKeys(List<Field> fields, BufferAllocator allocator) {
    List<FieldVector> result = new ArrayList<>(columns);
    long[] column = new long[groupCount];
    int strings = 0;
    try {
      for (int c = 0; c < columns; c++) {
        FieldVector vector = Vectors.allocate(fields.get(c), groupCount, allocator);
        result.add(vector);
        for (int group = 0; group < groupCount; group++) {
          column[group] = groupKeys[group * columns + c];
        }
        if (vector instanceof VarCharVector text) {
          writeStrings(text, column, 32 + 4 * strings++);
        } else {
          Vectors.writeLongs(vector, column, groupCount);
        }
        for (int group = 0; group < groupCount; group++) {
          BitVectorHelper.setValidityBit(vector.getValidityBuffer(), group, (int) (~groupMasks[group] >>> c) & 1);
        }
        vector.setValueCount(groupCount);
      }
      return result;
    } catch (RuntimeException e) {
      result.forEach(FieldVector::close);
      throw e;
    }
  }

  /** Unpacks strings of at most 8 bytes (see {@link FixedKeys}): the bytes from the long, the length from the mask. */
  private void writeStrings(VarCharVector vector, long[] packed, int shift) {
    byte[] bytes = new byte[8];
    for (int group = 0; group < groupCount; group++) {
      int length = (int) (groupMasks[group] >>> shift) & 0xF;
      for (int i = 0; i < length; i++) {
        bytes[i] = (byte) (packed[group] >>> (8 * i));
      }
      vector.setSafe(group, bytes, 0, length);
    }
  }

  @Override
  public void close() {}
}
