package dev.tarn.engine.exec.profile;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.ScanStats;
import java.util.List;

/**
 * What one operator did in one execution (runtime state, kept apart from the immutable plan node it ran).
 * Times are inclusive: they contain the time of the operator's inputs, pulled inside its {@code next()}. The copies
 * of a node in a parallel fragment add into one profile, so its times are summed over the worker threads.
 */
public final class OperatorProfile {

  private long rows;
  private long batches;
  private long wallNanos;
  private long cpuNanos;
  private long largestBatchBytes;
  private int copies;
  private final List<ScanStats> scans;

  OperatorProfile(List<ScanStats> scans) {
    this.scans = List.copyOf(scans);
  }

  /** Adds one {@code next()} call: its batch (null at the end) and its times. */
  synchronized void record(Batch batch, long wall, long cpu) {
    if (batch != null) {
      rows += batch.rowCount();
      batches++;
      largestBatchBytes = Math.max(largestBatchBytes, batch.sizeInBytes());
    }
    wallNanos += wall;
    cpuNanos += cpu;
  }

  /** Counts one more operator recording into this profile (one per copy of a parallel fragment). */
  synchronized void addCopy() {
    copies++;
  }

  /** How many operators ran this node: 1, or N for a node of a parallel fragment (its times are their sum). */
  public synchronized int copies() {
    return copies;
  }

  /** Rows returned by the operator. */
  public synchronized long rows() {
    return rows;
  }

  /** Batches returned by the operator (empty ones included). */
  public synchronized long batches() {
    return batches;
  }

  /** Wall time spent in its {@code next()} calls, its inputs' included. */
  public synchronized long wallNanos() {
    return wallNanos;
  }

  /** Thread CPU time spent in its {@code next()} calls, its inputs' included (0 if the JVM cannot measure it). */
  public synchronized long cpuNanos() {
    return cpuNanos;
  }

  /** The largest batch it returned, in bytes of Arrow buffers: its share of the query's peak memory. */
  public synchronized long largestBatchBytes() {
    return largestBatchBytes;
  }

  /** The counters of the table scans this operator created (empty unless it is a scan). */
  public List<ScanStats> scans() {
    return scans;
  }
}
