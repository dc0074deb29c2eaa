package dev.tarn.engine.exec.aggregate;

import dev.tarn.engine.exec.vector.Vectors;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The general {@link GroupTable}, for any key types (strings, wide decimals, floating point, NULL-typed columns,
 * mixes): each row's key is encoded to bytes by {@link KeyEncoder} and numbered by a {@link GroupHashTable}. Made
 * for grouping, it copies each new group's key values once, when the group appears.
 */
final class EncodedKeyGroupTable implements GroupTable {
  private final GroupHashTable table = new GroupHashTable();
  /** Each group's key values by group id, or null for a join's table (it outputs no keys). */
  private final List<FieldVector> keyValues;

  /** {@code keyFields} null: the keys are not kept. */
  EncodedKeyGroupTable(List<Field> keyFields, BufferAllocator allocator) {
    if (keyFields == null) {
      keyValues = null;
      return;
    }
    keyValues = new ArrayList<>(keyFields.size());
    try {
      for (Field field : keyFields) {
        keyValues.add(Vectors.allocate(field, 1024, allocator));
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  @Override
  public int groupCount() {
    return table.groupCount();
  }

  @Override
  public void findOrInsert(List<FieldVector> keys, int rowCount, int[] groupIds) {
    KeyEncoder.EncodedKeys encoded = KeyEncoder.encode(keys, null, rowCount);
    byte[] bytes = encoded.bytes();
    int[] offsets = encoded.offsets();
    for (int row = 0; row < rowCount; row++) {
      int before = table.groupCount();
      int group = table.findOrInsert(bytes, offsets[row], offsets[row + 1]);
      groupIds[row] = group;
      if (group == before && keyValues != null) {
        for (int key = 0; key < keys.size(); key++) {
          FieldVector target = keyValues.get(key);
          if (!(target instanceof NullVector)) {
            target.copyFromSafe(row, group, keys.get(key));
          }
        }
      }
    }
  }

  @Override
  public void find(List<FieldVector> keys, int rowCount, int[] groupIds, FixedKeys scratch) {
    KeyEncoder.EncodedKeys encoded = KeyEncoder.encode(keys, null, rowCount);
    byte[] bytes = encoded.bytes();
    int[] offsets = encoded.offsets();
    for (int row = 0; row < rowCount; row++) {
      groupIds[row] = table.find(bytes, offsets[row], offsets[row + 1]);
    }
  }

  @Override
  public List<FieldVector> takeKeys(List<Field> fields, BufferAllocator allocator) {
    if (keyValues == null) {
      throw new IllegalStateException("This table keeps no key values");
    }
    List<FieldVector> result = new ArrayList<>(keyValues.size());
    for (int key = 0; key < keyValues.size(); key++) {
      FieldVector values = keyValues.get(key);
      if (values instanceof NullVector) {
        values = new NullVector(fields.get(key), groupCount());
      }
      values.setValueCount(groupCount());
      result.add(values);
    }
    keyValues.clear();
    return result;
  }

  @Override
  public void close() {
    if (keyValues != null) {
      keyValues.forEach(FieldVector::close);
      keyValues.clear();
    }
  }
}
