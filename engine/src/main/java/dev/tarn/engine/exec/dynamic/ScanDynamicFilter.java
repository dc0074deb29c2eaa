package dev.tarn.engine.exec.dynamic;

import dev.tarn.engine.exec.ScanStats;
import dev.tarn.engine.parquet.ParquetFileScan;
import dev.tarn.engine.parquet.predicate.ColumnDomain;
import dev.tarn.engine.parquet.predicate.DomainValues;
import dev.tarn.engine.parquet.predicate.StatisticsFilter;
import dev.tarn.engine.plan.DynamicFilterSpec;
import dev.tarn.engine.plan.TableScanNode;
import dev.tarn.engine.plan.TableScanNode.PartitionSplit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;

/**
 * The dynamic filters one table scan consumes, applied when the scan reaches a partition or a file, so a filter
 * published meanwhile (its join's build side completed) takes effect. Prunes partitions whose key value the build
 * side lacks, and narrows the file columns' domains for row-group pruning; counts what it saves in
 * {@link ScanStats#prunedByDynamicFilter}.
 */
public final class ScanDynamicFilter {
  private final List<DynamicFilterSpec> specs;
  private final DynamicFilters registry;
  private final ScanStats stats;
  private final TableScanNode node;
  private final int[] fileColumnOf;

  public ScanDynamicFilter(TableScanNode node, DynamicFilters registry, ScanStats stats) {
    this.node = node;
    this.specs = registry.consumersOf(node);
    this.registry = registry;
    this.stats = stats;
    this.fileColumnOf = node.fileColumnIndexes();
  }

  /** Whether no published filter admits {@code partition}'s key values; counts it when so. */
  public boolean prunes(PartitionSplit partition) {
    for (DynamicFilterSpec spec : specs) {
      TableScanNode.ScanColumn column = node.columns().get(spec.scanColumn());
      RuntimeFilter filter = registry.get(spec.id());
      if (filter == null || !column.fromPartition()) {
        continue;
      }
      Object value = partition.values().get(column.partitionKeyIndex());
      Comparable<Object> canonical = value == null ? null : DomainValues.fromLiteral(value);
      // A NULL key (the default partition) never matches; a value pruning cannot compare is kept.
      if (value == null || (canonical != null && !filter.exact().admits(canonical))) {
        stats.prunedByDynamicFilter.incrementAndGet();
        return true;
      }
    }
    return false;
  }

  /** {@code staticDomains} (keyed by file column) narrowed by the published filters on file columns. */
  public Map<Integer, ColumnDomain> fileDomains(Map<Integer, ColumnDomain> staticDomains) {
    Map<Integer, ColumnDomain> domains = null;
    for (DynamicFilterSpec spec : specs) {
      int fileColumn = fileColumnOf[spec.scanColumn()];
      RuntimeFilter filter = registry.get(spec.id());
      if (filter == null || fileColumn < 0) {
        continue;
      }
      if (domains == null) {
        domains = new HashMap<>(staticDomains);
      }
      ColumnDomain current = domains.get(fileColumn);
      domains.put(fileColumn, current == null ? filter.forRowGroups() : current.intersect(filter.forRowGroups()));
    }
    return domains == null ? staticDomains : domains;
  }

  /** The row-level tests of the published filters on file columns, keyed by file column index. */
  public Map<Integer, List<KeyMembership>> rowFilters() {
    Map<Integer, List<KeyMembership>> filters = new TreeMap<>();
    for (DynamicFilterSpec spec : specs) {
      int fileColumn = fileColumnOf[spec.scanColumn()];
      RuntimeFilter filter = registry.get(spec.id());
      if (filter != null && filter.rows() != null && fileColumn >= 0) {
        filters.computeIfAbsent(fileColumn, column -> new ArrayList<>()).add(filter.rows());
      }
    }
    return filters;
  }

  /**
   * Moves, from the statistics stage's count to the dynamic filter's, the row groups of {@code scan} that the
   * static domains' statistics admit but the narrowed ones do not: the reader counted them as pruned by statistics
   * only because the dynamic filter had narrowed its domains.
   */
  public void attributeRowGroups(ParquetFileScan scan, List<org.apache.arrow.vector.types.pojo.Field> fileColumns,
      Map<Integer, ColumnDomain> staticDomains, Map<Integer, ColumnDomain> narrowed) {
    attributeRowGroups(scan.footer().getBlocks(), fileColumns, staticDomains, narrowed);
  }

  /** As above, for the row groups a scan of part of a file considered. */
  public void attributeRowGroups(List<BlockMetaData> blocks, List<org.apache.arrow.vector.types.pojo.Field> fileColumns,
      Map<Integer, ColumnDomain> staticDomains, Map<Integer, ColumnDomain> narrowed) {
    if (narrowed == staticDomains) {
      return;
    }
    for (BlockMetaData block : blocks) {
      if (mayMatch(block, fileColumns, staticDomains) && !mayMatch(block, fileColumns, narrowed)) {
        stats.rowGroupsPrunedByStatistics.decrementAndGet();
        stats.prunedByDynamicFilter.incrementAndGet();
      }
    }
  }

  private static boolean mayMatch(BlockMetaData block, List<org.apache.arrow.vector.types.pojo.Field> fileColumns,
      Map<Integer, ColumnDomain> domains) {
    for (Map.Entry<Integer, ColumnDomain> entry : domains.entrySet()) {
      ColumnChunkMetaData chunk = chunk(block, fileColumns.get(entry.getKey()).getName());
      if (chunk != null && !StatisticsFilter.mayMatch(chunk, chunk.getPrimitiveType(), entry.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static ColumnChunkMetaData chunk(BlockMetaData block, String name) {
    for (ColumnChunkMetaData chunk : block.getColumns()) {
      if (chunk.getPath().size() == 1 && chunk.getPath().toDotString().toLowerCase(Locale.ROOT)
          .equals(name.toLowerCase(Locale.ROOT))) {
        return chunk;
      }
    }
    return null;
  }
}
