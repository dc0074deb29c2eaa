package dev.tarn.engine.exec.aggregate;

import dev.tarn.engine.exec.vector.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * A {@link GroupTable} for one fixed-width, non-string key column (see {@link GroupTables}): open addressing with
 * linear probing over one {@code long[]} holding, per slot, the key and its group id + 1 (0 = empty) side by side,
 * so a lookup usually costs a single cache miss. The NULL key has no slot, just {@link #nullGroup}. Load factor at
 * most 1/2; no objects or virtual calls per row.
 */
final class LongKeyGroupTable implements GroupTable {
  private final int[] kinds;
  private final FixedKeys insertKeys = new FixedKeys();
  /** Slot s: {@code slots[2s]} the key, {@code slots[2s+1]} its group + 1, or 0 when the slot is empty. */
  private long[] slots = new long[2 * 1024];
  private int mask = 1023;
  private int groupCount;
  private int nullGroup = -1;
  /** Key of each group, by group id (0 for the NULL group), for {@link #takeKeys}. */
  private long[] groupKeys = new long[1024];

  LongKeyGroupTable(int[] kinds) {
    this.kinds = kinds.clone();
  }

  @Override
  public int groupCount() {
    return groupCount;
  }

  @Override
  public void findOrInsert(List<FieldVector> keys, int rowCount, int[] groupIds) {
    insertKeys.load(keys, kinds, rowCount, true);
    long[] values = insertKeys.values[0];
    if (!insertKeys.anyMask) {
      for (int row = 0; row < rowCount; row++) {
        groupIds[row] = findOrInsert(values[row]);
      }
    } else {
      long[] masks = insertKeys.masks;
      for (int row = 0; row < rowCount; row++) {
        groupIds[row] = masks[row] != 0 ? nullGroup() : findOrInsert(values[row]);
      }
    }
  }

  private int findOrInsert(long key) {
    long[] table = slots;
    int slotMask = mask;
    int slot = (int) GroupTables.mix(key) & slotMask;
    while (true) {
      long entry = table[2 * slot + 1];
      if (entry == 0) {
        return insert(slot, key);
      }
      if (table[2 * slot] == key) {
        return (int) entry - 1;
      }
      slot = (slot + 1) & slotMask;
    }
  }

  private int nullGroup() {
    if (nullGroup < 0) {
      nullGroup = newGroup(0);
    }
    return nullGroup;
  }

  private int insert(int slot, long key) {
    int group = newGroup(key);
    slots[2 * slot] = key;
    slots[2 * slot + 1] = group + 1L;
    if (groupCount * 2L > mask + 1L) {
      resize();
    }
    return group;
  }

  private int newGroup(long key) {
    int group = groupCount++;
    if (group == groupKeys.length) {
      groupKeys = Arrays.copyOf(groupKeys, group * 2);
    }
    groupKeys[group] = key;
    return group;
  }

  /** Doubles the slots, re-placing each entry from the old slots (keys and group ids move together). */
  private void resize() {
    long[] old = slots;
    int capacity = (mask + 1) * 2;
    long[] table = new long[2 * capacity];
    int slotMask = capacity - 1;
    for (int i = 0; i < old.length; i += 2) {
      if (old[i + 1] != 0) {
        int slot = (int) GroupTables.mix(old[i]) & slotMask;
        while (table[2 * slot + 1] != 0) {
          slot = (slot + 1) & slotMask;
        }
        table[2 * slot] = old[i];
        table[2 * slot + 1] = old[i + 1];
      }
    }
    slots = table;
    mask = slotMask;
  }

  @Override
  public void find(List<FieldVector> keys, int rowCount, int[] groupIds, FixedKeys scratch) {
    if (!GroupTables.comparable(kinds, keys)) {
      Arrays.fill(groupIds, 0, rowCount, -1);
      return;
    }
    scratch.load(keys, kinds, rowCount, false);
    long[] values = scratch.values[0];
    long[] table = slots;
    int slotMask = mask;
    boolean anyMask = scratch.anyMask;
    long[] masks = scratch.masks;
    for (int row = 0; row < rowCount; row++) {
      if (anyMask && masks[row] != 0) {
        groupIds[row] = masks[row] == 1 ? nullGroup : -1;
        continue;
      }
      long key = values[row];
      int slot = (int) GroupTables.mix(key) & slotMask;
      int group;
      while (true) {
        long entry = table[2 * slot + 1];
        if (entry == 0 || table[2 * slot] == key) {
          group = (int) entry - 1;
          break;
        }
        slot = (slot + 1) & slotMask;
      }
      groupIds[row] = group;
    }
  }

  @Override
  public List<FieldVector> takeKeys(List<Field> fields, BufferAllocator allocator) {
    FieldVector vector = Vectors.allocate(fields.get(0), groupCount, allocator);
    try {
      Vectors.writeLongs(vector, groupKeys, groupCount);
      Vectors.setAllValid(vector.getValidityBuffer(), groupCount);
      if (nullGroup >= 0) {
        BitVectorHelper.unsetBit(vector.getValidityBuffer(), nullGroup);
      }
      vector.setValueCount(groupCount);
    } catch (RuntimeException e) {
      vector.close();
      throw e;
    }
    List<FieldVector> result = new ArrayList<>(1);
    result.add(vector);
    return result;
  }

  @Override
  public void close() {}
}
