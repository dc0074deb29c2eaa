package dev.tarn.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A JMH counter of the rows a benchmark processed: in throughput mode JMH reports it per second next to the
 * benchmark's own score, as {@code <benchmark>:rows ... ops/s}, which reads as rows/s.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class RowCounter {
  /** Rows processed in this iteration. */
  public long rows;

  @Setup(Level.Iteration)
  public void reset() {
    rows = 0;
  }
}
