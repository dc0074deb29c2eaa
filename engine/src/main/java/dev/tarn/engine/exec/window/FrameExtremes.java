package dev.tarn.engine.exec.window;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.sort.RowBuffer;
import dev.tarn.engine.exec.vector.Gather;
import dev.tarn.engine.exec.vector.Vectors;
import dev.tarn.engine.plan.SortKey;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * MIN and MAX over each row's frame, for every sortable type: a monotonic queue of positions (O(rows) per
 * partition, since frames only move forwards) finds each frame's extreme position, then the values are gathered
 * in one pass. Values are compared by the sort's own {@link RowBuffer} comparator, so the order is the ORDER BY
 * order (strings by UTF-8 bytes). NULLs are skipped; a frame without values gives NULL.
 */
final class FrameExtremes {
  private FrameExtremes() {}

  static FieldVector evaluate(FieldVector argument, FrameBounds frames, WindowLayout layout, boolean minimum,
      Field field, BufferAllocator allocator) {
    int rowCount = layout.rowCount();
    int[] picked = new int[rowCount];
    try (RowBuffer values = new RowBuffer(List.of(argument.getField()), List.of(new SortKey(0, true, false)))) {
      values.add(new Batch(List.of(Vectors.share(argument, allocator)), rowCount));
      extremes(values, argument, frames, layout, minimum, picked);
    }
    int[] sourceOf = new int[rowCount];
    for (int i = 0; i < rowCount; i++) {
      sourceOf[i] = picked[i] < 0 ? -1 : 0;
      picked[i] = Math.max(picked[i], 0);
    }
    return Gather.rows(field, new FieldVector[] {argument}, sourceOf, picked, 0, rowCount, allocator);
  }

  /** Fills {@code picked[i]} with the position of row i's frame extreme, or -1 when the frame has no values. */
  static void extremes(RowBuffer values, FieldVector argument, FrameBounds frames, WindowLayout layout,
      boolean minimum, int[] picked) {
    int rowCount = layout.rowCount();
    // queue[head..tail) holds positions in the current frame whose values are strictly better than every later one.
    int[] queue = new int[Math.max(rowCount, 1)];
    int head = 0;
    int tail = 0;
    int currentStart = 0;
    int currentEnd = 0;
    for (int i = 0; i < rowCount; i++) {
      int start = frames.start()[i];
      int end = frames.end()[i];
      if (end <= start) {
        picked[i] = -1;
        continue;
      }
      if (i == layout.partitionStart(i) || start >= currentEnd || start < currentStart || end < currentEnd) {
        head = 0;
        tail = 0;
        currentEnd = start;
      }
      currentStart = start;
      for (; currentEnd < end; currentEnd++) {
        if (BitVectorHelper.get(argument.getValidityBuffer(), currentEnd) == 0) {
          continue;
        }
        while (tail > head && !better(values, queue[tail - 1], currentEnd, minimum)) {
          tail--;
        }
        queue[tail++] = currentEnd;
      }
      while (tail > head && queue[head] < start) {
        head++;
      }
      picked[i] = tail > head ? queue[head] : -1;
    }
  }

  /** Whether the value at {@code earlier} beats the one at {@code later}, so {@code later} cannot evict it. */
  private static boolean better(RowBuffer values, int earlier, int later, boolean minimum) {
    int order = values.compare(earlier, later);
    return minimum ? order < 0 : order > 0;
  }
}
