package dev.tarn.engine.exec.aggregate;

import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Assigns group ids to rows by the values of their key columns (NULL keys form their own group) and keeps each
 * group's key values, in group id order, for the output. The {@link GroupTable} doing it is chosen once from the key
 * types ({@link GroupTables#forGrouping}).
 */
public final class GroupByHash implements AutoCloseable {
  private final List<Field> keyFields;
  private final BufferAllocator allocator;
  private final GroupTable table;

  public GroupByHash(List<Field> keyFields, BufferAllocator allocator) {
    this.keyFields = List.copyOf(keyFields);
    this.allocator = allocator;
    this.table = GroupTables.forGrouping(this.keyFields, allocator);
  }

  public int groupCount() {
    return table.groupCount();
  }

  /** The group id of each of the first {@code rowCount} rows of {@code keys}, adding groups as needed. */
  public int[] groupIds(List<FieldVector> keys, int rowCount) {
    int[] groupIds = new int[rowCount];
    table.findOrInsert(keys, rowCount, groupIds);
    return groupIds;
  }

  /** The key columns of groups {@code 0..groupCount)}, handed to the caller (this object keeps none). */
  public List<FieldVector> takeKeys() {
    return table.takeKeys(keyFields, allocator);
  }

  @Override
  public void close() {
    table.close();
  }
}
