package dev.tarn.engine.exec.scan;

import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.plan.TableScanNode;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * One query's split sources, one per table scan node (matched by identity, as dynamic filters are: the plan is
 * immutable and equal scans of a self-join are distinct nodes). Every copy of a scan asks here, so the copies share
 * one source and together read each morsel once.
 */
public final class SplitSources {
  private final Map<TableScanNode, SplitSource> sources = new IdentityHashMap<>();

  /** The split source of {@code node}, created (registering the scan's stats) by the first copy that asks. */
  public synchronized SplitSource forScan(TableScanNode node, ExecutionContext context) {
    return sources.computeIfAbsent(node, scan -> new SplitSource(scan, context));
  }

  /** Stops the split source of {@code node}, if a scan created one (see {@link SplitSource#stop()}). */
  public synchronized void stop(TableScanNode node) {
    SplitSource source = sources.get(node);
    if (source != null) {
      source.stop();
    }
  }
}
