package dev.tarn.engine.exec.profile;

import dev.tarn.engine.exec.ScanStats;
import java.util.List;

/**
 * What one operator did in one execution (runtime state, kept apart from the immutable plan node it ran).
 * Times are inclusive: they contain the time of the operator's inputs, pulled inside its {@code next()}.
 */
public final class OperatorProfile {

  long rows;
  long batches;
  long wallNanos;
  long cpuNanos;
  long largestBatchBytes;
  private final List<ScanStats> scans;

  OperatorProfile(List<ScanStats> scans) {
    this.scans = List.copyOf(scans);
  }

  /** Rows returned by the operator. */
  public long rows() {
    return rows;
  }

  /** Batches returned by the operator (empty ones included). */
  public long batches() {
    return batches;
  }

  /** Wall time spent in its {@code next()} calls, its inputs' included. */
  public long wallNanos() {
    return wallNanos;
  }

  /** Thread CPU time spent in its {@code next()} calls, its inputs' included (0 if the JVM cannot measure it). */
  public long cpuNanos() {
    return cpuNanos;
  }

  /** The largest batch it returned, in bytes of Arrow buffers: its share of the query's peak memory. */
  public long largestBatchBytes() {
    return largestBatchBytes;
  }

  /** The counters of the table scans this operator created (empty unless it is a scan). */
  public List<ScanStats> scans() {
    return scans;
  }
}
