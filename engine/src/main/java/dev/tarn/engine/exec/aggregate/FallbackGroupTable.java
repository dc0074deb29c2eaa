package dev.tarn.engine.exec.aggregate;

import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Grouping by string keys (with or without fixed-width ones) on the fast {@link FixedKeyGroupTable} for as long as
 * every string key fits its packing (8 bytes: flags, ship modes, priorities, brands, country codes), then, from the
 * first batch holding a longer one, on the general table for such keys ({@link GroupTables#general}). The switch
 * moves the groups over in id order, so every group keeps its id and the accumulators never notice.
 */
final class FallbackGroupTable implements GroupTable {
  private final List<Field> keyFields;
  private final BufferAllocator allocator;
  private final FixedKeyGroupTable fixed;
  private GroupTable encoded;

  FallbackGroupTable(List<Field> keyFields, int[] kinds, BufferAllocator allocator) {
    this.keyFields = List.copyOf(keyFields);
    this.allocator = allocator;
    this.fixed = new FixedKeyGroupTable(kinds);
  }

  @Override
  public int groupCount() {
    return encoded != null ? encoded.groupCount() : fixed.groupCount();
  }

  @Override
  public void findOrInsert(List<FieldVector> keys, int rowCount, int[] groupIds) {
    if (encoded == null && !fixed.tryFindOrInsert(keys, rowCount, groupIds)) {
      switchToEncoded();
    }
    if (encoded != null) {
      encoded.findOrInsert(keys, rowCount, groupIds);
    }
  }

  /** Re-inserts the groups so far, in id order (each one new, so it gets its old id), into an encoded table. */
  private void switchToEncoded() {
    int groups = fixed.groupCount();
    List<FieldVector> keys = fixed.takeKeys(keyFields, allocator);
    GroupTable table = GroupTables.general(keyFields, allocator);
    try {
      table.findOrInsert(keys, groups, new int[groups]);
    } catch (RuntimeException e) {
      table.close();
      throw e;
    } finally {
      keys.forEach(FieldVector::close);
    }
    encoded = table;
  }

  @Override
  public void find(List<FieldVector> keys, int rowCount, int[] groupIds, FixedKeys scratch) {
    if (encoded != null) {
      encoded.find(keys, rowCount, groupIds, scratch);
    } else {
      fixed.find(keys, rowCount, groupIds, scratch);
    }
  }

  @Override
  public List<FieldVector> takeKeys(List<Field> fields, BufferAllocator allocator) {
    return encoded != null ? encoded.takeKeys(fields, allocator) : fixed.takeKeys(fields, allocator);
  }

  @Override
  public void close() {
    if (encoded != null) {
      encoded.close();
    }
  }
}
