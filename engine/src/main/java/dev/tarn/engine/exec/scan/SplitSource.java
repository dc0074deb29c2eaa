package dev.tarn.engine.exec.scan;

import dev.tarn.catalog.fs.FileSystem;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.ScanStats;
import dev.tarn.engine.exec.dynamic.ScanDynamicFilter;
import dev.tarn.engine.parquet.ParquetFileScan;
import dev.tarn.engine.plan.TableScanNode;
import dev.tarn.engine.plan.TableScanNode.PartitionSplit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * The morsels of one table scan in one query, handed out to however many copies of the scan run (morsel-driven
 * parallelism, as in HyPer and DuckDB): a copy asks for the next morsel whenever it finishes one, so fast copies
 * take more and all finish together. Partitions are taken in plan order and their directories listed only when
 * reached, exactly as a single scan does, so a dynamic filter published meanwhile still prunes the partitions not
 * yet reached (checked here, at hand-out time). A file of at least {@link #LARGE_FILE_BYTES} is handed out in
 * pieces of consecutive row groups (its footer read here, once) when copies run in parallel, so one big file does not
 * keep one thread busy while the others idle. Counts partitions, files and splits (morsels) in the scan's one
 * {@link ScanStats}, whichever copy reads them. Thread-safe.
 */
public final class SplitSource {
  /** Files at least this large are read as several morsels (when copies run in parallel). */
  static final long LARGE_FILE_BYTES = 32L << 20;
  /** The compressed bytes of row groups a piece of a large file aims for. */
  static final long PIECE_BYTES = 16L << 20;

  private final TableScanNode node;
  private final ExecutionContext context;
  private final ScanStats stats;
  private final ScanDynamicFilter dynamicFilter;
  private final Deque<PartitionSplit> pendingPartitions;
  private final Deque<Morsel> pendingMorsels = new ArrayDeque<>();
  /** Whether big files become several morsels: only when copies run in parallel and the files have columns to read. */
  private final boolean splitsLargeFiles;
  private volatile boolean stopped;

  SplitSource(TableScanNode node, ExecutionContext context) {
    this.node = node;
    this.context = context;
    this.pendingPartitions = new ArrayDeque<>(node.partitions());
    this.stats = context.stats().newScan(node.table());
    stats.partitionsTotal.addAndGet(node.partitionsTotal());
    // Until a partition is listed its files are unknown: it counts as one split, replaced by its morsels when listed.
    stats.splitsTotal.addAndGet(pendingPartitions.size());
    this.dynamicFilter = new ScanDynamicFilter(node, context.dynamicFilters(), stats);
    this.splitsLargeFiles = context.parallelism() > 1
        && node.columns().stream().anyMatch(column -> !column.fromPartition());
  }

  /** The counters of this scan, shared by all its copies. */
  public ScanStats stats() {
    return stats;
  }

  /** The dynamic filters this scan consumes (thread-safe: it reads published filters and counts atomically). */
  public ScanDynamicFilter dynamicFilter() {
    return dynamicFilter;
  }

  /**
   * Hands out no more morsels, and tells the scans reading one to end now: the fragment they run in was stopped (its
   * consumer has enough rows, or a copy failed), so nothing they read is wanted.
   */
  public void stop() {
    stopped = true;
  }

  boolean isStopped() {
    return stopped;
  }

  /** The next morsel, or null when every surviving partition's files have been handed out (or it was stopped). */
  synchronized Morsel next() {
    if (stopped) {
      return null;
    }
    while (pendingMorsels.isEmpty()) {
      if (pendingPartitions.isEmpty()) {
        return null;
      }
      PartitionSplit partition = pendingPartitions.poll();
      stats.splitsTotal.decrementAndGet();
      if (dynamicFilter.prunes(partition)) {
        continue;
      }
      stats.partitionsScanned.incrementAndGet();
      List<FileSystem.FileEntry> files =
          DataFiles.entries(context.fileSystem(), partition.location(), node.table());
      stats.filesTotal.addAndGet(files.size());
      int queued = pendingMorsels.size();
      for (FileSystem.FileEntry file : files) {
        if (splitsLargeFiles && file.length() >= LARGE_FILE_BYTES) {
          pendingMorsels.addAll(pieces(partition, file));
        } else {
          pendingMorsels.add(new Morsel(partition, file, null));
        }
      }
      stats.splitsTotal.addAndGet(pendingMorsels.size() - queued);
    }
    return pendingMorsels.poll();
  }

  /**
   * A large file as runs of consecutive row groups of about {@link #PIECE_BYTES} each, read from its footer (read
   * here once, for all pieces; its bytes count as they would when a scan opens the file).
   */
  private List<Morsel> pieces(PartitionSplit partition, FileSystem.FileEntry file) {
    ParquetMetadata footer = context.footerCache().footer(context.fileSystem(), file, stats);
    List<BlockMetaData> blocks = footer.getBlocks();
    AtomicBoolean fileScanned = new AtomicBoolean();
    List<Morsel> pieces = new ArrayList<>();
    int first = 0;
    long bytes = 0;
    for (int index = 0; index < blocks.size(); index++) {
      bytes += blocks.get(index).getCompressedSize();
      if (bytes >= PIECE_BYTES || index == blocks.size() - 1) {
        pieces.add(new Morsel(partition, file, new Morsel.Piece(footer, first, index + 1, fileScanned)));
        first = index + 1;
        bytes = 0;
      }
    }
    if (pieces.isEmpty()) {
      pieces.add(new Morsel(partition, file, new Morsel.Piece(footer, 0, 0, fileScanned)));
    }
    return pieces;
  }
}
