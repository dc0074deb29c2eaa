package dev.tarn.engine.exec.dynamic;

import dev.tarn.engine.plan.DynamicFilterSpec;
import dev.tarn.engine.plan.TableScanNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One query's dynamic filters: which scans consume which filters (registered while operators are built), and the
 * filters joins have published so far. A filter not yet published restricts nothing.
 */
public final class DynamicFilters {
  private final Map<TableScanNode, List<DynamicFilterSpec>> consumers = new IdentityHashMap<>();
  private final Map<String, RuntimeFilter> published = new ConcurrentHashMap<>();

  /** Registers {@code spec}'s target scan as a consumer of its filter. */
  public synchronized void register(DynamicFilterSpec spec) {
    consumers.computeIfAbsent(spec.target(), scan -> new ArrayList<>()).add(spec);
  }

  /** The filters that may restrict {@code scan} (matched by identity), possibly none. */
  public synchronized List<DynamicFilterSpec> consumersOf(TableScanNode scan) {
    return List.copyOf(consumers.getOrDefault(scan, List.of()));
  }

  public void publish(String id, RuntimeFilter filter) {
    published.put(id, filter);
  }

  /** The published filter, or null while its join's build side is still incomplete. */
  public RuntimeFilter get(String id) {
    return published.get(id);
  }
}
