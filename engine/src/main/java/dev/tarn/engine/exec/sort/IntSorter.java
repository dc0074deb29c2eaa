package dev.tarn.engine.exec.sort;

/** A stable merge sort of int arrays by a primitive comparator, so row ids are never boxed. */
public final class IntSorter {
  private static final int INSERTION_THRESHOLD = 16;
  /** Merges of at least this many values run the checkpoint first: often enough to stop a long sort promptly. */
  private static final int CHECKPOINT_SPAN = 1 << 14;

  /** Compares two ints (here: row ids). */
  @FunctionalInterface
  public interface IntComparator {
    int compare(int left, int right);
  }

  private IntSorter() {}

  /** Sorts {@code values[from..to)} in place. */
  public static void sort(int[] values, int from, int to, IntComparator comparator) {
    sort(values, from, to, comparator, () -> { });
  }

  /**
   * Sorts {@code values[from..to)} in place, running {@code checkpoint} before each large merge; a checkpoint that
   * throws (a cancelled query's) abandons the sort, leaving the values in some order.
   */
  public static void sort(int[] values, int from, int to, IntComparator comparator, Runnable checkpoint) {
    if (to - from < 2) {
      return;
    }
    int[] scratch = values.clone();
    mergeSort(scratch, values, from, to, comparator, checkpoint);
  }

  /** Sorts {@code source[from..to)} into {@code target[from..to)}; both start with the same contents. */
  private static void mergeSort(int[] source, int[] target, int from, int to, IntComparator comparator,
      Runnable checkpoint) {
    if (to - from <= INSERTION_THRESHOLD) {
      for (int i = from + 1; i < to; i++) {
        int value = target[i];
        int j = i - 1;
        while (j >= from && comparator.compare(target[j], value) > 0) {
          target[j + 1] = target[j];
          j--;
        }
        target[j + 1] = value;
      }
      return;
    }
    int middle = (from + to) >>> 1;
    mergeSort(target, source, from, middle, comparator, checkpoint);
    mergeSort(target, source, middle, to, comparator, checkpoint);
    if (to - from >= CHECKPOINT_SPAN) {
      checkpoint.run();
    }
    if (comparator.compare(source[middle - 1], source[middle]) <= 0) {
      System.arraycopy(source, from, target, from, to - from);
      return;
    }
    int left = from;
    int right = middle;
    for (int i = from; i < to; i++) {
      if (right >= to || (left < middle && comparator.compare(source[left], source[right]) <= 0)) {
        target[i] = source[left++];
      } else {
        target[i] = source[right++];
      }
    }
  }
}
