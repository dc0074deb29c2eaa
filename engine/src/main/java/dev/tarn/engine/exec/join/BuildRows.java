package dev.tarn.engine.exec.join;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.vector.Gather;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The buffered build side of a join: its batches as they came (no copy), a dense id per row across batches, and
 * which rows have found a match (for outer, semi and anti joins that emit build rows at the end). Once
 * {@link #seal() sealed}, {@link #gather} only reads, so probe copies on several threads may share the rows; the
 * match flags are not thread-safe, which is why joins that emit build rows run with a single probe.
 */
public final class BuildRows implements AutoCloseable {
  private final List<Batch> batches = new ArrayList<>();
  private int[] batchOf = new int[1024];
  private int[] rowOf = new int[1024];
  private long[] matched = new long[16];
  private int rowCount;
  private FieldVector[][] columnsByBatch;

  /** Takes ownership of {@code batch} and gives its rows the next ids; returns the id of its first row. */
  public int add(Batch batch) {
    int first = rowCount;
    if (batch.rowCount() == 0) {
      batch.close();
      return first;
    }
    int end = first + batch.rowCount();
    if (end > batchOf.length) {
      int capacity = Math.max(end, batchOf.length * 2);
      batchOf = Arrays.copyOf(batchOf, capacity);
      rowOf = Arrays.copyOf(rowOf, capacity);
    }
    int batchIndex = batches.size();
    batches.add(batch);
    Arrays.fill(batchOf, first, end, batchIndex);
    for (int row = 0; row < batch.rowCount(); row++) {
      rowOf[first + row] = row;
    }
    rowCount = end;
    columnsByBatch = null;
    return first;
  }

  public int rowCount() {
    return rowCount;
  }

  public void markMatched(int id) {
    if (id >> 6 >= matched.length) {
      matched = Arrays.copyOf(matched, Math.max(matched.length * 2, (rowCount >> 6) + 1));
    }
    matched[id >> 6] |= 1L << id;
  }

  public boolean isMatched(int id) {
    return id >> 6 < matched.length && (matched[id >> 6] & (1L << id)) != 0;
  }

  /** A new vector of {@code field} holding column {@code column} of build rows {@code ids[0..count)}; -1 is NULL. */
  public FieldVector gather(int column, Field field, int[] ids, int count, BufferAllocator allocator) {
    if (columnsByBatch == null) {
      seal();
    }
    int[] sourceOf = new int[count];
    int[] rows = new int[count];
    for (int i = 0; i < count; i++) {
      int id = ids == null ? -1 : ids[i];
      sourceOf[i] = id < 0 ? -1 : batchOf[id];
      rows[i] = id < 0 ? 0 : rowOf[id];
    }
    FieldVector[] sources = columnsByBatch.length == 0 ? new FieldVector[] {null} : columnsByBatch[column];
    return Gather.rows(field, sources, sourceOf, rows, 0, count, allocator);
  }

  /** Indexes the columns by batch for {@link #gather}; call once every build batch was added. */
  public void seal() {
    columnsByBatch = new FieldVector[batches.isEmpty() ? 0 : batches.get(0).columnCount()][];
    for (int c = 0; c < columnsByBatch.length; c++) {
      columnsByBatch[c] = new FieldVector[batches.size()];
      for (int b = 0; b < batches.size(); b++) {
        columnsByBatch[c][b] = batches.get(b).column(c);
      }
    }
  }

  @Override
  public void close() {
    batches.forEach(Batch::close);
    batches.clear();
    columnsByBatch = null;
  }
}
