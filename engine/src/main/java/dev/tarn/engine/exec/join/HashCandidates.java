package dev.tarn.engine.exec.join;

import dev.tarn.engine.exec.Batch;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/** Candidates of a hash join: the build rows whose keys equal the probe row's (NULL keys have none). */
public final class HashCandidates implements CandidateFinder {
  private final List<Integer> buildKeys;
  private final List<Integer> probeKeys;
  private final JoinHashTable table;
  private final JoinHashTable.ProbeScratch scratch = new JoinHashTable.ProbeScratch();
  /** The first build row per probe row, reused across probe batches (grown to the largest). */
  private int[] heads = new int[0];
  private int rowCount;
  private int row;
  private int pending = -1;

  /**
   * {@code buildKeys[i]} of a build row is compared with {@code probeKeys[i]} of a probe row; the positions in
   * {@code nullSafeKeys} match NULL with NULL.
   */
  public HashCandidates(List<Integer> buildKeys, List<Integer> probeKeys, List<Integer> nullSafeKeys) {
    this(new JoinHashTable(nullSafeKeys), buildKeys, probeKeys);
  }

  /**
   * Candidates from {@code table}, which other finders may share: one of them fills it ({@link #addBuild}) before
   * any probes, then each probe copy enumerates its own probe batches with its own finder (probing only reads).
   */
  public HashCandidates(JoinHashTable table, List<Integer> buildKeys, List<Integer> probeKeys) {
    this.table = table;
    this.buildKeys = List.copyOf(buildKeys);
    this.probeKeys = List.copyOf(probeKeys);
  }

  @Override
  public void addBuild(Batch batch, int firstId) {
    table.insert(columns(batch, buildKeys), batch.rowCount(), firstId);
  }

  @Override
  public void startProbe(Batch probe) {
    rowCount = probe.rowCount();
    if (heads.length < rowCount) {
      heads = new int[rowCount];
    }
    table.probe(columns(probe, probeKeys), rowCount, heads, scratch);
    row = 0;
    pending = -1;
  }

  @Override
  public int fill(int[] probeRows, int[] buildIds, int capacity, boolean firstOnly) {
    int count = 0;
    int[] firstIds = heads;
    int end = rowCount;
    while (count < capacity && row < end) {
      int id = pending >= 0 ? pending : firstIds[row];
      if (id < 0) {
        row++;
        continue;
      }
      probeRows[count] = row;
      buildIds[count++] = id;
      int next = firstOnly ? -1 : table.next(id);
      if (next < 0) {
        row++;
        pending = -1;
      } else {
        pending = next;
      }
    }
    return count;
  }

  private static List<FieldVector> columns(Batch batch, List<Integer> indexes) {
    List<FieldVector> columns = new ArrayList<>(indexes.size());
    for (int index : indexes) {
      columns.add(batch.column(index));
    }
    return columns;
  }
}
