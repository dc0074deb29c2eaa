package dev.tarn.engine.exec.window;

import dev.tarn.engine.exec.sort.RowBuffer;

/**
 * Where each row of a window's sorted input lies: the bounds of its partition and of its peer group (rows equal
 * on partition and order keys), as positions in sorted order, end exclusive. Without ORDER BY a whole partition
 * is one peer group, which is what the default frame needs.
 */
public final class WindowLayout {
  private final int rowCount;
  private final int[] partitionStart;
  private final int[] partitionEnd;
  private final int[] peerStart;
  private final int[] peerEnd;

  private WindowLayout(int rowCount, int[] partitionStart, int[] partitionEnd, int[] peerStart, int[] peerEnd) {
    this.rowCount = rowCount;
    this.partitionStart = partitionStart;
    this.partitionEnd = partitionEnd;
    this.peerStart = peerStart;
    this.peerEnd = peerEnd;
  }

  /** The layout of {@code buffer}'s rows in the order {@code sortedIds}, its first keys being the partition keys. */
  public static WindowLayout of(RowBuffer buffer, int[] sortedIds, int partitionKeyCount) {
    int rowCount = sortedIds.length;
    boolean[] newPartition = new boolean[rowCount];
    boolean[] newPeerGroup = new boolean[rowCount];
    for (int i = 0; i < rowCount; i++) {
      newPartition[i] = i == 0 || buffer.compare(sortedIds[i - 1], sortedIds[i], partitionKeyCount) != 0;
      newPeerGroup[i] = newPartition[i] || buffer.compare(sortedIds[i - 1], sortedIds[i]) != 0;
    }
    return fromBoundaries(newPartition, newPeerGroup);
  }

  /** The layout given where partitions and peer groups begin (row 0 must begin both). */
  public static WindowLayout fromBoundaries(boolean[] newPartition, boolean[] newPeerGroup) {
    int rowCount = newPartition.length;
    int[] partitionStart = new int[rowCount];
    int[] partitionEnd = new int[rowCount];
    int[] peerStart = new int[rowCount];
    int[] peerEnd = new int[rowCount];
    for (int i = 0; i < rowCount; i++) {
      partitionStart[i] = newPartition[i] ? i : partitionStart[i - 1];
      peerStart[i] = newPeerGroup[i] ? i : peerStart[i - 1];
    }
    for (int i = rowCount - 1; i >= 0; i--) {
      boolean last = i == rowCount - 1;
      partitionEnd[i] = last || newPartition[i + 1] ? i + 1 : partitionEnd[i + 1];
      peerEnd[i] = last || newPeerGroup[i + 1] ? i + 1 : peerEnd[i + 1];
    }
    return new WindowLayout(rowCount, partitionStart, partitionEnd, peerStart, peerEnd);
  }

  public int rowCount() {
    return rowCount;
  }

  /** First position of row {@code i}'s partition. */
  public int partitionStart(int i) {
    return partitionStart[i];
  }

  /** One past the last position of row {@code i}'s partition. */
  public int partitionEnd(int i) {
    return partitionEnd[i];
  }

  /** First position of row {@code i}'s peer group. */
  public int peerStart(int i) {
    return peerStart[i];
  }

  /** One past the last position of row {@code i}'s peer group. */
  public int peerEnd(int i) {
    return peerEnd[i];
  }
}
