package dev.tarn.engine.exec.aggregate;

import dev.tarn.engine.exec.vector.Vectors;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Assigns group ids to rows by the values of their key columns (NULL keys form their own group) and keeps one
 * copy of each group's key values, in group id order, for the output.
 */
public final class GroupByHash implements AutoCloseable {
  private final List<Field> keyFields;
  private final List<FieldVector> keyValues = new ArrayList<>();
  private final GroupHashTable table = new GroupHashTable();

  public GroupByHash(List<Field> keyFields, BufferAllocator allocator) {
    this.keyFields = List.copyOf(keyFields);
    try {
      for (Field field : keyFields) {
        keyValues.add(Vectors.allocate(field, 1024, allocator));
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  public int groupCount() {
    return table.groupCount();
  }

  /** The group id of each of the first {@code rowCount} rows of {@code keys}, adding groups as needed. */
  public int[] groupIds(List<FieldVector> keys, int rowCount) {
    KeyEncoder.EncodedKeys encoded = KeyEncoder.encode(keys, null, rowCount);
    byte[] bytes = encoded.bytes();
    int[] offsets = encoded.offsets();
    int[] groupIds = new int[rowCount];
    for (int row = 0; row < rowCount; row++) {
      int before = table.groupCount();
      int group = table.findOrInsert(bytes, offsets[row], offsets[row + 1]);
      groupIds[row] = group;
      if (group == before) {
        // Only a new group copies its key values: once per group, not per row.
        for (int key = 0; key < keys.size(); key++) {
          FieldVector target = keyValues.get(key);
          if (!(target instanceof NullVector)) {
            target.copyFromSafe(row, group, keys.get(key));
          }
        }
      }
    }
    return groupIds;
  }

  /** The key columns of groups {@code 0..groupCount)}, handed to the caller (this object keeps none). */
  public List<FieldVector> takeKeys() {
    List<FieldVector> result = new ArrayList<>(keyValues.size());
    for (int key = 0; key < keyValues.size(); key++) {
      FieldVector values = keyValues.get(key);
      if (values instanceof NullVector) {
        values = new NullVector(keyFields.get(key), groupCount());
      }
      values.setValueCount(groupCount());
      result.add(values);
    }
    keyValues.clear();
    return result;
  }

  @Override
  public void close() {
    keyValues.forEach(FieldVector::close);
    keyValues.clear();
  }
}
