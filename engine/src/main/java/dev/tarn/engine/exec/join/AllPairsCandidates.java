package dev.tarn.engine.exec.join;

import dev.tarn.engine.exec.Batch;

/** Candidates of a nested-loop join: every probe row with every build row, probe row by probe row. */
public final class AllPairsCandidates implements CandidateFinder {
  private int buildRowCount;
  private int probeRowCount;
  private int row;
  private int buildId;

  @Override
  public void addBuild(Batch batch, int firstId) {
    buildRowCount = Math.max(buildRowCount, firstId + batch.rowCount());
  }

  @Override
  public void startProbe(Batch probe) {
    probeRowCount = probe.rowCount();
    row = 0;
    buildId = 0;
  }

  @Override
  public int fill(int[] probeRows, int[] buildIds, int capacity, boolean firstOnly) {
    if (buildRowCount == 0) {
      return 0;
    }
    int count = 0;
    while (count < capacity && row < probeRowCount) {
      probeRows[count] = row;
      buildIds[count++] = buildId++;
      if (buildId == buildRowCount || firstOnly) {
        row++;
        buildId = 0;
      }
    }
    return count;
  }
}
