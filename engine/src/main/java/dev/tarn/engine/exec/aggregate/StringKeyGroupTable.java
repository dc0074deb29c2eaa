package dev.tarn.engine.exec.aggregate;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * A {@link GroupTable} for one VARCHAR key of any length: hashes and compares the UTF-8 bytes where they lie in the
 * Arrow buffers (no per-batch encoding copy) and copies a key's bytes only when it is new, into one growing arena
 * from which {@link #takeKeys} builds the output column at once. Slots hold the high half of the hash beside the
 * group id + 1 (0 = empty), so probes reject other keys without touching the arena. The NULL key has no slot.
 */
final class StringKeyGroupTable implements GroupTable {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HASH_BITS = 0xFFFFFFFF00000000L;

  private long[] slots = new long[1024];
  private long[] groupHashes = new long[256];
  /** Group g's bytes are {@code keyBytes[keyOffsets[g]..keyOffsets[g+1])} (empty for the NULL group). */
  private int[] keyOffsets = new int[257];
  private byte[] keyBytes = new byte[4096];
  private int groupCount;
  private int nullGroup = -1;

  @Override
  public int groupCount() {
    return groupCount;
  }

  @Override
  public void findOrInsert(List<FieldVector> keys, int rowCount, int[] groupIds) {
    if (keys.get(0) instanceof VarCharVector strings) {
      lookUp(strings, rowCount, groupIds, true);
      return;
    }
    // A NULL-typed batch column (a NULL literal): every row is the NULL key.
    if (nullGroup < 0 && rowCount > 0) {
      nullGroup = newGroup(0, null, 0, 0);
    }
    Arrays.fill(groupIds, 0, rowCount, nullGroup);
  }

  @Override
  public void find(List<FieldVector> keys, int rowCount, int[] groupIds, FixedKeys scratch) {
    if (!(keys.get(0) instanceof VarCharVector strings)) {
      Arrays.fill(groupIds, 0, rowCount, -1);
      return;
    }
    lookUp(strings, rowCount, groupIds, false);
  }

  private void lookUp(VarCharVector column, int rowCount, int[] groupIds, boolean insert) {
    ArrowBuf offsets = column.getOffsetBuffer();
    ArrowBuf data = column.getDataBuffer();
    ArrowBuf validity = column.getValidityBuffer();
    boolean anyNull = column.getNullCount() > 0;
    long capacity = data.capacity();
    for (int row = 0; row < rowCount; row++) {
      if (anyNull && BitVectorHelper.get(validity, row) == 0) {
        if (insert && nullGroup < 0) {
          nullGroup = newGroup(0, data, 0, 0);
        }
        groupIds[row] = nullGroup;
        continue;
      }
      int start = offsets.getInt(row * 4L);
      int length = offsets.getInt(row * 4L + 4) - start;
      long hash = hash(data, start, length, capacity);
      long hashBits = hash & HASH_BITS;
      int mask = slots.length - 1;
      int slot = (int) hash & mask;
      int group;
      while (true) {
        long entry = slots[slot];
        if (entry == 0) {
          group = insert ? insert(slot, hash, data, start, length) : -1;
          break;
        }
        group = (int) entry - 1;
        if ((entry & HASH_BITS) == hashBits && sameBytes(group, data, start, length)) {
          break;
        }
        slot = (slot + 1) & mask;
      }
      groupIds[row] = group;
    }
  }

  /** A 64-bit hash of {@code data[start..start+length)}, 8 bytes at a time, finished with a full mixer. */
  private static long hash(ArrowBuf data, long start, int length, long capacity) {
    long hash = 0x9E3779B97F4A7C15L ^ length;
    long position = start;
    long end = start + length;
    for (; position + 8 <= end; position += 8) {
      hash = Long.rotateLeft(hash ^ data.getLong(position) * 0xC2B2AE3D27D4EB4FL, 31) * 0x9E3779B97F4A7C15L;
    }
    int tail = (int) (end - position);
    if (tail > 0) {
      long last;
      if (position + 8 <= capacity) {
        last = data.getLong(position) & ((1L << (tail * 8)) - 1);
      } else {
        last = 0;
        for (int i = tail - 1; i >= 0; i--) {
          last = last << 8 | (data.getByte(position + i) & 0xFF);
        }
      }
      hash = Long.rotateLeft(hash ^ last * 0xC2B2AE3D27D4EB4FL, 31) * 0x9E3779B97F4A7C15L;
    }
    return GroupTables.mix(hash);
  }

  private boolean sameBytes(int group, ArrowBuf data, long start, int length) {
    int from = keyOffsets[group];
    if (keyOffsets[group + 1] - from != length) {
      return false;
    }
    int i = 0;
    for (; i + 8 <= length; i += 8) {
      if ((long) LONGS.get(keyBytes, from + i) != data.getLong(start + i)) {
        return false;
      }
    }
    for (; i < length; i++) {
      if (keyBytes[from + i] != data.getByte(start + i)) {
        return false;
      }
    }
    return true;
  }

  private int insert(int slot, long hash, ArrowBuf data, long start, int length) {
    int group = newGroup(hash, data, start, length);
    slots[slot] = (hash & HASH_BITS) | (group + 1L);
    if (groupCount * 2L > slots.length) {
      resize();
    }
    return group;
  }

  /** Appends a group with these bytes (the NULL group: none) and returns its id; does not place it in a slot. */
  private int newGroup(long hash, ArrowBuf data, long start, int length) {
    int group = groupCount++;
    if (group == groupHashes.length) {
      groupHashes = Arrays.copyOf(groupHashes, group * 2);
      keyOffsets = Arrays.copyOf(keyOffsets, group * 2 + 1);
    }
    int at = keyOffsets[group];
    if (at + length > keyBytes.length) {
      keyBytes = Arrays.copyOf(keyBytes, Math.max(keyBytes.length * 2, at + length));
    }
    if (length > 0) {
      data.getBytes(start, keyBytes, at, length);
    }
    keyOffsets[group + 1] = at + length;
    groupHashes[group] = hash;
    return group;
  }

  private void resize() {
    slots = new long[slots.length * 2];
    int mask = slots.length - 1;
    for (int group = 0; group < groupCount; group++) {
      if (group == nullGroup) {
        continue;
      }
      long hash = groupHashes[group];
      int slot = (int) hash & mask;
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = (hash & HASH_BITS) | (group + 1L);
    }
  }

  @Override
  public List<FieldVector> takeKeys(List<Field> fields, BufferAllocator allocator) {
    VarCharVector vector = (VarCharVector) fields.get(0).createVector(allocator);
    try {
      vector.allocateNew(Math.max(keyOffsets[groupCount], 1), Math.max(groupCount, 1));
      for (int group = 0; group < groupCount; group++) {
        if (group == nullGroup) {
          vector.setNull(group);
        } else {
          vector.setSafe(group, keyBytes, keyOffsets[group], keyOffsets[group + 1] - keyOffsets[group]);
        }
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
