package dev.tarn.engine.exec.aggregate;

import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Numbers the distinct keys of rows (the values of some key columns) 0, 1, 2, ... in order of first appearance, a
 * batch at a time: the heart of hash aggregation (a group per key) and of hash joins (a chain of build rows per
 * key). NULL is a value like any other here (all NULLs of a column are equal); a join drops its NULL-keyed rows
 * itself. {@link GroupTables} picks the implementation once per operator from the key types.
 */
public interface GroupTable extends AutoCloseable {

  int groupCount();

  /** Writes the group of each of rows {@code 0..rowCount)} of {@code keys} into {@code groupIds}, adding new keys. */
  void findOrInsert(List<FieldVector> keys, int rowCount, int[] groupIds);

  /**
   * Writes the group of each row, or -1 for a key never inserted, into {@code groupIds}. Only reads this table,
   * so several threads may call it at once, each with its own {@code scratch}. The key columns may be of other
   * (compatible) types than the inserted ones, as the two sides of a join may be; incomparable ones find nothing.
   */
  void find(List<FieldVector> keys, int rowCount, int[] groupIds, FixedKeys scratch);

  /**
   * The key columns (typed by {@code fields}) of groups {@code 0..groupCount)}, handed to the caller; only for a
   * table made {@link GroupTables#forGrouping for grouping}, and only once.
   */
  List<FieldVector> takeKeys(List<Field> fields, BufferAllocator allocator);

  /** Frees any key vectors still held. */
  @Override
  void close();
}
