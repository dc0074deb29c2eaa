package dev.tarn.engine.exec.scan;

import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.ScanStats;
import dev.tarn.engine.exec.dynamic.ScanDynamicFilter;
import dev.tarn.engine.plan.TableScanNode;
import dev.tarn.engine.plan.TableScanNode.PartitionSplit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The morsels of one table scan in one query, handed out to however many copies of the scan run (morsel-driven
 * parallelism, as in HyPer and DuckDB): a copy asks for the next morsel whenever it finishes one, so fast copies
 * take more and all finish together. Partitions are taken in plan order and their directories listed only when
 * reached, exactly as a single scan does, so a dynamic filter published meanwhile still prunes the partitions not
 * yet reached (checked here, at hand-out time). Counts partitions and files in the scan's one {@link ScanStats},
 * whichever copy reads them. Thread-safe.
 */
public final class SplitSource {
  private final TableScanNode node;
  private final ExecutionContext context;
  private final ScanStats stats;
  private final ScanDynamicFilter dynamicFilter;
  private final Deque<PartitionSplit> pendingPartitions;
  private final Deque<Morsel> pendingMorsels = new ArrayDeque<>();

  SplitSource(TableScanNode node, ExecutionContext context) {
    this.node = node;
    this.context = context;
    this.pendingPartitions = new ArrayDeque<>(node.partitions());
    this.stats = context.stats().newScan(node.table());
    stats.partitionsTotal.addAndGet(node.partitionsTotal());
    this.dynamicFilter = new ScanDynamicFilter(node, context.dynamicFilters(), stats);
  }

  /** The counters of this scan, shared by all its copies. */
  public ScanStats stats() {
    return stats;
  }

  /** The dynamic filters this scan consumes (thread-safe: it reads published filters and counts atomically). */
  public ScanDynamicFilter dynamicFilter() {
    return dynamicFilter;
  }

  /** The next morsel, or null when every surviving partition's files have been handed out. */
  synchronized Morsel next() {
    while (pendingMorsels.isEmpty()) {
      if (pendingPartitions.isEmpty()) {
        return null;
      }
      PartitionSplit partition = pendingPartitions.poll();
      if (dynamicFilter.prunes(partition)) {
        continue;
      }
      stats.partitionsScanned.incrementAndGet();
      List<String> files = DataFiles.list(context.fileSystem(), partition.location(), node.table());
      stats.filesTotal.addAndGet(files.size());
      for (String file : files) {
        pendingMorsels.add(new Morsel(partition, file));
      }
    }
    return pendingMorsels.poll();
  }
}
