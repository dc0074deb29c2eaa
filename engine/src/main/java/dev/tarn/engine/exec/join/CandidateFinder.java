package dev.tarn.engine.exec.join;

import dev.tarn.engine.exec.Batch;

/**
 * Finds the candidate pairs of a join (a probe row and a build row that may match): by key for a hash join,
 * every pair for a nested-loop join. The residual condition then decides which candidates match.
 */
public interface CandidateFinder {

  /** Takes note of one build batch whose rows have ids {@code firstId, firstId+1, ...}; does not own it. */
  void addBuild(Batch batch, int firstId);

  /** Starts enumerating the candidates of a new probe batch (not owned). */
  void startProbe(Batch probe);

  /**
   * Writes the next candidates (probe row, build row id) into the arrays, at most {@code capacity}, and returns
   * how many; 0 once the probe batch is exhausted. With {@code firstOnly}, at most one candidate per probe row.
   */
  int fill(int[] probeRows, int[] buildIds, int capacity, boolean firstOnly);
}
