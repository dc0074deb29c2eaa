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
 * match flags are merged from each probe copy's own (through {@link JoinBuild#probeFinished}) before anyone reads them.
 */
public final class BuildRows implements AutoCloseable {
  private final List<Batch> batches = new ArrayList<>();
  /** Per row id, its batch index (high 32 bits) and row in that batch (low 32): one load, one cache miss. */
  private long[] locations = new long[1024];
  /**
   * The row count of every batch but the last (which has at most as many), or 0 when the batches are not that
   * regular: then an id's batch and row are a division away, with no memory access at all.
   */
  private int uniformSize = -1;
  private int lastBatchSize;
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
    int size = batch.rowCount();
    int end = first + size;
    if (end > locations.length) {
      locations = Arrays.copyOf(locations, Math.max(end, locations.length * 2));
    }
    int batchIndex = batches.size();
    batches.add(batch);
    for (int row = 0; row < size; row++) {
      locations[first + row] = (long) batchIndex << 32 | row;
    }
    if (uniformSize < 0) {
      uniformSize = size;
    } else if (uniformSize > 0 && (lastBatchSize != uniformSize || size > uniformSize)) {
      uniformSize = 0;
    }
    lastBatchSize = size;
    rowCount = end;
    columnsByBatch = null;
    return first;
  }

  public int rowCount() {
    return rowCount;
  }

  /** Adds one probe copy's matches ({@code bits}: bit {@code id} set for each matched build row id). */
  public void mergeMatched(long[] bits) {
    if (bits.length > matched.length) {
      matched = Arrays.copyOf(matched, bits.length);
    }
    for (int i = 0; i < bits.length; i++) {
      matched[i] |= bits[i];
    }
  }

  public boolean isMatched(int id) {
    return id >> 6 < matched.length && (matched[id >> 6] & (1L << id)) != 0;
  }

  /**
   * Writes the batch ({@code sourceOf}, -1 for a negative id) and row of build row ids {@code ids[0..count)}
   * (null: all -1) into the arrays, once for all the columns then {@link #gather gathered}.
   */
  public void locate(int[] ids, int count, int[] sourceOf, int[] rows) {
    if (ids == null) {
      Arrays.fill(sourceOf, 0, count, -1);
      Arrays.fill(rows, 0, count, 0);
      return;
    }
    int size = uniformSize;
    if (size > 0) {
      for (int i = 0; i < count; i++) {
        int id = ids[i];
        sourceOf[i] = id < 0 ? -1 : id / size;
        rows[i] = id < 0 ? 0 : id % size;
      }
      return;
    }
    for (int i = 0; i < count; i++) {
      int id = ids[i];
      long location = id < 0 ? -1L << 32 : locations[id];
      sourceOf[i] = (int) (location >> 32);
      rows[i] = (int) location;
    }
  }

  /** A new vector of {@code field} holding column {@code column} of the build rows {@link #locate located} before. */
  public FieldVector gather(int column, Field field, int[] sourceOf, int[] rows, int count,
      BufferAllocator allocator) {
    if (columnsByBatch == null) {
      seal();
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
