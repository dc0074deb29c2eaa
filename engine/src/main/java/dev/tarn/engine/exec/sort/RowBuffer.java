package dev.tarn.engine.exec.sort;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.vector.Gather;
import dev.tarn.engine.plan.SortKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Buffered batches addressed by dense row ids, with their sort keys extracted for fast comparison; rows are
 * sorted as ids and then gathered from the original batches. Owns and closes the batches it holds.
 */
public final class RowBuffer implements AutoCloseable {
  private final List<Field> fields;
  private final List<SortKey> keys;
  private final SortColumn[] columns;
  private final List<Batch> batches = new ArrayList<>();
  private int[] batchOf = new int[1024];
  private int[] rowOf = new int[1024];
  private int rowCount;

  public RowBuffer(List<Field> fields, List<SortKey> keys) {
    this.fields = List.copyOf(fields);
    this.keys = List.copyOf(keys);
    this.columns = new SortColumn[keys.size()];
    for (int k = 0; k < keys.size(); k++) {
      columns[k] = SortColumn.create(fields.get(keys.get(k).column()).getType());
    }
  }

  /** Takes ownership of {@code batch}; its rows get the next ids. */
  public void add(Batch batch) {
    int count = batch.rowCount();
    if (count == 0) {
      batch.close();
      return;
    }
    int batchIndex = batches.size();
    batches.add(batch);
    if (rowCount + count > batchOf.length) {
      batchOf = Arrays.copyOf(batchOf, Math.max(batchOf.length * 2, rowCount + count));
      rowOf = Arrays.copyOf(rowOf, batchOf.length);
    }
    for (int i = 0; i < count; i++) {
      batchOf[rowCount + i] = batchIndex;
      rowOf[rowCount + i] = i;
    }
    for (int k = 0; k < columns.length; k++) {
      columns[k].append(batch.column(keys.get(k).column()), count);
    }
    rowCount += count;
  }

  public int rowCount() {
    return rowCount;
  }

  /** Negative, zero or positive as row {@code left} sorts before, with, or after row {@code right}. */
  public int compare(int left, int right) {
    return compare(left, right, columns.length);
  }

  /** As {@link #compare(int, int)} on the first {@code keyCount} keys only (e.g. a window's partition keys). */
  public int compare(int left, int right, int keyCount) {
    for (int k = 0; k < keyCount; k++) {
      SortColumn column = columns[k];
      SortKey key = keys.get(k);
      boolean leftNull = column.isNull(left);
      boolean rightNull = column.isNull(right);
      if (leftNull || rightNull) {
        if (leftNull && rightNull) {
          continue;
        }
        // NULL placement is independent of the direction.
        return leftNull == key.nullsFirst() ? -1 : 1;
      }
      int sign = column.compare(left, right);
      if (sign != 0) {
        return key.ascending() ? sign : -sign;
      }
    }
    return 0;
  }

  /**
   * As {@link #compare(int, int)} between row {@code left} of this buffer and row {@code right} of {@code other}, a
   * buffer of the same fields and keys (another thread's sorted run).
   */
  public int compare(int left, RowBuffer other, int right) {
    for (int k = 0; k < columns.length; k++) {
      SortColumn column = columns[k];
      SortKey key = keys.get(k);
      boolean leftNull = column.isNull(left);
      boolean rightNull = other.columns[k].isNull(right);
      if (leftNull || rightNull) {
        if (leftNull && rightNull) {
          continue;
        }
        return leftNull == key.nullsFirst() ? -1 : 1;
      }
      int sign = column.compare(left, other.columns[k], right);
      if (sign != 0) {
        return key.ascending() ? sign : -sign;
      }
    }
    return 0;
  }

  /**
   * A new batch whose row i is row {@code ids[i]} of buffer {@code bufferOf[i]}, for i in {@code 0..count)}: the
   * output of a merge of sorted runs.
   */
  public static Batch gather(List<RowBuffer> buffers, int[] bufferOf, int[] ids, int count,
      BufferAllocator allocator) {
    int[] firstBatch = new int[buffers.size()];
    int batchCount = 0;
    for (int b = 0; b < buffers.size(); b++) {
      firstBatch[b] = batchCount;
      batchCount += buffers.get(b).batches.size();
    }
    int[] sources = new int[count];
    int[] rows = new int[count];
    for (int i = 0; i < count; i++) {
      RowBuffer buffer = buffers.get(bufferOf[i]);
      sources[i] = firstBatch[bufferOf[i]] + buffer.batchOf[ids[i]];
      rows[i] = buffer.rowOf[ids[i]];
    }
    List<Field> fields = buffers.get(0).fields;
    List<FieldVector> output = new ArrayList<>(fields.size());
    try {
      for (int column = 0; column < fields.size(); column++) {
        FieldVector[] parts = new FieldVector[batchCount];
        for (int b = 0; b < buffers.size(); b++) {
          List<Batch> batches = buffers.get(b).batches;
          for (int i = 0; i < batches.size(); i++) {
            parts[firstBatch[b] + i] = batches.get(i).column(column);
          }
        }
        output.add(Gather.rows(fields.get(column), parts, sources, rows, 0, count, allocator));
      }
      return new Batch(output, count);
    } catch (RuntimeException e) {
      output.forEach(FieldVector::close);
      throw e;
    }
  }

  /** All row ids, sorted; {@code checkpoint} runs now and then and may throw to stop (a cancelled query). */
  public int[] sortedIds(Runnable checkpoint) {
    int[] ids = new int[rowCount];
    Arrays.setAll(ids, i -> i);
    IntSorter.sort(ids, 0, rowCount, this::compare, checkpoint);
    return ids;
  }

  /** A new batch of rows {@code ids[from..from+count)}, in that order. */
  public Batch gather(int[] ids, int from, int count, BufferAllocator allocator) {
    int[] sources = new int[count];
    int[] rows = new int[count];
    for (int i = 0; i < count; i++) {
      sources[i] = batchOf[ids[from + i]];
      rows[i] = rowOf[ids[from + i]];
    }
    List<FieldVector> output = new ArrayList<>(fields.size());
    try {
      for (int column = 0; column < fields.size(); column++) {
        FieldVector[] parts = new FieldVector[batches.size()];
        for (int b = 0; b < parts.length; b++) {
          parts[b] = batches.get(b).column(column);
        }
        output.add(Gather.rows(fields.get(column), parts, sources, rows, 0, count, allocator));
      }
      return new Batch(output, count);
    } catch (RuntimeException e) {
      output.forEach(FieldVector::close);
      throw e;
    }
  }

  @Override
  public void close() {
    batches.forEach(Batch::close);
    batches.clear();
  }
}
