package dev.tarn.engine.exec.join;

import dev.tarn.engine.exec.aggregate.FixedKeys;
import dev.tarn.engine.exec.aggregate.GroupTable;
import dev.tarn.engine.exec.aggregate.GroupTables;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * The build rows of a hash join grouped by key: each distinct key (numbered by the aggregation's
 * {@link GroupTable}, chosen from the build key types at the first insert: a primitive table for integer-like keys)
 * heads a chain of the build row ids holding it, in insertion order. Rows with a NULL in a key column are never
 * linked and never probed, as SQL's = says, except in the null-safe key columns (IS NOT DISTINCT FROM), where NULL
 * keys equal each other.
 */
public final class JoinHashTable {
  private final boolean[] nullSafe;
  private GroupTable keys;
  private int[] keyIds = new int[0];
  private boolean[] nullRows = new boolean[0];
  private int[] firstRow = new int[256];
  private int[] lastRow = new int[256];
  private int[] nextRow = new int[1024];
  /**
   * Whether key id k has exactly build row k so far (distinct non-NULL keys, as a primary key's): the probe then
   * skips the {@link #firstRow} load, and {@link #next} the {@link #nextRow} one, two cache misses per probe row.
   */
  private boolean identity = true;
  /** Whether no key has a second build row (so {@link #next} is always -1). */
  private boolean unique = true;

  /** {@code nullSafeKeys}: positions of the key columns where NULL matches NULL. */
  public JoinHashTable(List<Integer> nullSafeKeys) {
    int size = nullSafeKeys.stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
    this.nullSafe = new boolean[size];
    nullSafeKeys.forEach(key -> nullSafe[key] = true);
  }

  /** Inserts rows {@code 0..rowCount)} of {@code keyColumns} as build rows {@code firstId, firstId+1, ...}. */
  public void insert(List<FieldVector> keyColumns, int rowCount, int firstId) {
    if (keys == null) {
      keys = GroupTables.forJoin(keyColumns);
    }
    if (firstId + rowCount > nextRow.length) {
      nextRow = Arrays.copyOf(nextRow, Math.max(firstId + rowCount, nextRow.length * 2));
    }
    if (keyIds.length < rowCount) {
      keyIds = new int[rowCount];
      nullRows = new boolean[rowCount];
    }
    int linked = keys.groupCount();
    // A NULL-keyed row gets a key id too (the table treats NULL as a value) but is not linked to it.
    keys.findOrInsert(keyColumns, rowCount, keyIds);
    int keyCount = keys.groupCount();
    if (keyCount > firstRow.length) {
      int capacity = Math.max(keyCount, firstRow.length * 2);
      firstRow = Arrays.copyOf(firstRow, capacity);
      lastRow = Arrays.copyOf(lastRow, capacity);
    }
    Arrays.fill(firstRow, linked, keyCount, -1);
    boolean anyNull = markNullRows(keyColumns, rowCount, nullRows);
    for (int row = 0; row < rowCount; row++) {
      if (anyNull && nullRows[row]) {
        continue;
      }
      int key = keyIds[row];
      int id = firstId + row;
      nextRow[id] = -1;
      identity &= key == id;
      if (firstRow[key] < 0) {
        firstRow[key] = id;
      } else {
        nextRow[lastRow[key]] = id;
        unique = false;
      }
      lastRow[key] = id;
    }
    // A skipped NULL-keyed row takes a key id (or leaves a gap in the row ids) without heading that key's chain.
    identity &= !anyNull;
  }

  /**
   * Writes, per probe row, the first build row id with an equal key, or -1 (no such key, or a NULL key), into
   * {@code heads}. Only reads the table; each concurrent prober passes its own {@code scratch}.
   */
  public void probe(List<FieldVector> keyColumns, int rowCount, int[] heads, ProbeScratch scratch) {
    if (keys == null) {
      Arrays.fill(heads, 0, rowCount, -1);
      return;
    }
    keys.find(keyColumns, rowCount, heads, scratch.keys);
    if (scratch.nullRows.length < rowCount) {
      scratch.nullRows = new boolean[rowCount];
    }
    boolean[] hasNull = scratch.nullRows;
    boolean anyNull = markNullRows(keyColumns, rowCount, hasNull);
    if (identity) {
      if (anyNull) {
        for (int row = 0; row < rowCount; row++) {
          heads[row] = hasNull[row] ? -1 : heads[row];
        }
      }
      return;
    }
    int[] first = firstRow;
    for (int row = 0; row < rowCount; row++) {
      int key = heads[row];
      heads[row] = key < 0 || (anyNull && hasNull[row]) ? -1 : first[key];
    }
  }

  /** Per probe row, the first build row id with an equal key, or -1 (a convenience for tests). */
  public int[] probe(List<FieldVector> keyColumns, int rowCount) {
    int[] heads = new int[rowCount];
    probe(keyColumns, rowCount, heads, new ProbeScratch());
    return heads;
  }

  /** The build row after {@code id} with the same key, or -1. */
  public int next(int id) {
    return unique ? -1 : nextRow[id];
  }

  /** Marks the rows with a NULL in a key column that is not null-safe; false (marking nothing) when none has. */
  private boolean markNullRows(List<FieldVector> keyColumns, int rowCount, boolean[] hasNull) {
    boolean any = false;
    for (int key = 0; key < keyColumns.size(); key++) {
      FieldVector column = keyColumns.get(key);
      if (key < nullSafe.length && nullSafe[key]) {
        continue;
      }
      if (!(column instanceof NullVector) && column.getNullCount() == 0) {
        continue;
      }
      if (!any) {
        Arrays.fill(hasNull, 0, rowCount, false);
        any = true;
      }
      if (column instanceof NullVector) {
        Arrays.fill(hasNull, 0, rowCount, true);
        return true;
      }
      ArrowBuf validity = column.getValidityBuffer();
      for (int row = 0; row < rowCount; row++) {
        hasNull[row] |= BitVectorHelper.get(validity, row) == 0;
      }
    }
    return any;
  }

  /** One prober's reusable buffers, so probing allocates nothing per batch. */
  public static final class ProbeScratch {
    private final FixedKeys keys = new FixedKeys();
    private boolean[] nullRows = new boolean[0];
  }
}
