package dev.tarn.engine.exec.profile;

import dev.tarn.engine.exec.Operator;
import dev.tarn.engine.exec.ScanStats;
import dev.tarn.engine.plan.PlanNode;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The profiles of one profiled execution, one per plan node (by identity: the plan is immutable and may repeat
 * equal nodes). The execution planner asks it to wrap each operator it builds; the N copies of a node in a parallel
 * fragment record into the node's one profile, from their worker threads.
 */
public final class QueryProfile {

  private final Map<PlanNode, OperatorProfile> profiles = new IdentityHashMap<>();

  /** {@code operator}, built for {@code node}, wrapped so that it records into the profile of {@code node}. */
  public synchronized Operator wrap(PlanNode node, Operator operator, List<ScanStats> scans) {
    OperatorProfile profile = profiles.get(node);
    if (profile == null) {
      profile = new OperatorProfile(scans);
      profiles.put(node, profile);
    }
    profile.addCopy();
    return new ProfilingOperator(operator, profile);
  }

  /** The profile of {@code node}, or null if no operator ran it (e.g. it was folded into another). */
  public synchronized OperatorProfile profile(PlanNode node) {
    return profiles.get(node);
  }
}
