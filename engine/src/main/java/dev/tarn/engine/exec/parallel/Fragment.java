package dev.tarn.engine.exec.parallel;

import dev.tarn.engine.exec.Operator;
import dev.tarn.engine.exec.join.JoinBuild;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * N copies of one pipeline fragment (scans, filters, projections, hash-join probes), built by the execution planner
 * for one query: the copies share their scans' split sources and their joins' builds, so together they compute the
 * fragment once. The shared builds are completed by {@link #prepare()} on the consuming thread before any copy
 * runs, in the order a single-threaded pipeline would build them (so each join's dynamic filters are published
 * before the scans they prune start, and counts match the single-threaded ones). Owns the copies until a
 * {@link FragmentRunner} takes them.
 */
public final class Fragment {
  private final List<Operator> copies;
  private final List<JoinBuild> builds;
  private final Runnable stopScans;

  /** A fragment whose copies stop at their next batch boundary when asked. */
  public Fragment(List<Operator> copies, List<JoinBuild> builds) {
    this(copies, builds, () -> { });
  }

  /**
   * {@code builds}: the joins' shared builds, outermost first; {@code stopScans}: stops the fragment's scans handing
   * out morsels and reading (so a stopped copy ends within a batch even under a selective filter).
   */
  public Fragment(List<Operator> copies, List<JoinBuild> builds, Runnable stopScans) {
    if (copies.isEmpty()) {
      throw new IllegalArgumentException("a fragment needs at least one copy");
    }
    this.copies = List.copyOf(copies);
    this.builds = List.copyOf(builds);
    this.stopScans = stopScans;
  }

  public int size() {
    return copies.size();
  }

  public Schema schema() {
    return copies.get(0).schema();
  }

  List<Operator> copies() {
    return copies;
  }

  /** This fragment with each copy extended by one more operator (a per-copy top-N or limit). */
  public Fragment map(UnaryOperator<Operator> extension) {
    List<Operator> extended = new ArrayList<>(copies.size());
    for (Operator copy : copies) {
      extended.add(extension.apply(copy));
    }
    return new Fragment(extended, builds, stopScans);
  }

  /** Makes the fragment's scans end: nothing they would read is wanted any more. */
  void stopScans() {
    stopScans.run();
  }

  /** Completes every shared join build, pulling the build sides on the calling thread. */
  void prepare() {
    for (JoinBuild build : builds) {
      build.rows();
    }
  }
}
