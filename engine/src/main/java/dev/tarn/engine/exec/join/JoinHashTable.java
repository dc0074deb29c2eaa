package dev.tarn.engine.exec.join;

import dev.tarn.engine.exec.aggregate.GroupHashTable;
import dev.tarn.engine.exec.aggregate.KeyEncoder;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * The build rows of a hash join grouped by key: each distinct key (encoded by the aggregation's
 * {@link KeyEncoder}, numbered by its {@link GroupHashTable}) heads a chain of the build row ids holding it, in
 * insertion order. Rows with a NULL in a key column are never inserted and never probed, as SQL's = says,
 * except in the null-safe key columns (IS NOT DISTINCT FROM), where NULL keys encode equal to each other.
 */
public final class JoinHashTable {
  private final GroupHashTable keys = new GroupHashTable();
  private final List<Integer> nullSafeKeys;
  private int[] firstRow = new int[256];
  private int[] lastRow = new int[256];
  private int[] nextRow = new int[1024];

  /** {@code nullSafeKeys}: positions of the key columns where NULL matches NULL. */
  public JoinHashTable(List<Integer> nullSafeKeys) {
    this.nullSafeKeys = List.copyOf(nullSafeKeys);
  }

  /** Inserts rows {@code 0..rowCount)} of {@code keyColumns} as build rows {@code firstId, firstId+1, ...}. */
  public void insert(List<FieldVector> keyColumns, int rowCount, int firstId) {
    if (firstId + rowCount > nextRow.length) {
      nextRow = Arrays.copyOf(nextRow, Math.max(firstId + rowCount, nextRow.length * 2));
    }
    boolean[] hasNull = nullKeyRows(keyColumns, rowCount);
    KeyEncoder.EncodedKeys encoded = KeyEncoder.encode(keyColumns, null, rowCount);
    byte[] bytes = encoded.bytes();
    int[] offsets = encoded.offsets();
    for (int row = 0; row < rowCount; row++) {
      if (hasNull[row]) {
        continue;
      }
      int before = keys.groupCount();
      int key = keys.findOrInsert(bytes, offsets[row], offsets[row + 1]);
      int id = firstId + row;
      nextRow[id] = -1;
      if (key == before) {
        if (key == firstRow.length) {
          firstRow = Arrays.copyOf(firstRow, key * 2);
          lastRow = Arrays.copyOf(lastRow, key * 2);
        }
        firstRow[key] = id;
      } else {
        nextRow[lastRow[key]] = id;
      }
      lastRow[key] = id;
    }
  }

  /** Per probe row, the first build row id with an equal key, or -1 (no such key, or a NULL key). */
  public int[] probe(List<FieldVector> keyColumns, int rowCount) {
    boolean[] hasNull = nullKeyRows(keyColumns, rowCount);
    KeyEncoder.EncodedKeys encoded = KeyEncoder.encode(keyColumns, null, rowCount);
    byte[] bytes = encoded.bytes();
    int[] offsets = encoded.offsets();
    int[] heads = new int[rowCount];
    for (int row = 0; row < rowCount; row++) {
      int key = hasNull[row] ? -1 : keys.find(bytes, offsets[row], offsets[row + 1]);
      heads[row] = key < 0 ? -1 : firstRow[key];
    }
    return heads;
  }

  /** The build row after {@code id} with the same key, or -1. */
  public int next(int id) {
    return nextRow[id];
  }

  private boolean[] nullKeyRows(List<FieldVector> keyColumns, int rowCount) {
    boolean[] hasNull = new boolean[rowCount];
    for (int key = 0; key < keyColumns.size(); key++) {
      FieldVector column = keyColumns.get(key);
      if (nullSafeKeys.contains(key)) {
        continue;
      }
      if (column instanceof NullVector) {
        Arrays.fill(hasNull, true);
        return hasNull;
      }
      if (column.getNullCount() == 0) {
        continue;
      }
      ArrowBuf validity = column.getValidityBuffer();
      for (int row = 0; row < rowCount; row++) {
        hasNull[row] |= BitVectorHelper.get(validity, row) == 0;
      }
    }
    return hasNull;
  }
}
