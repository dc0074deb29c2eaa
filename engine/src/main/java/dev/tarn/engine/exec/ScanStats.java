package dev.tarn.engine.exec;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What one table scan read and what each pruning stage saved it from reading. Updated by the scan (and the
 * Parquet reader) from any thread; summed into {@link QueryStats} and shown per scan by EXPLAIN ANALYZE.
 */
public final class ScanStats {
  private final String table;

  /** Bytes actually read from storage (footers, column chunks, pages, indexes, bloom filters). */
  public final AtomicLong bytesScanned = new AtomicLong();
  public final AtomicLong partitionsScanned = new AtomicLong();
  public final AtomicLong partitionsTotal = new AtomicLong();
  public final AtomicLong filesScanned = new AtomicLong();
  public final AtomicLong filesTotal = new AtomicLong();
  public final AtomicLong rowGroupsScanned = new AtomicLong();
  public final AtomicLong rowGroupsTotal = new AtomicLong();
  /** Row groups skipped because their min/max/null-count statistics cannot match the predicate. */
  public final AtomicLong rowGroupsPrunedByStatistics = new AtomicLong();
  /** Row groups skipped because their dictionary holds none of the wanted values. */
  public final AtomicLong rowGroupsPrunedByDictionary = new AtomicLong();
  /** Row groups skipped because their bloom filters rule the wanted values out. */
  public final AtomicLong rowGroupsPrunedByBloomFilter = new AtomicLong();
  /** Partitions, files or row groups skipped by a join's runtime (dynamic) filter. */
  public final AtomicLong prunedByDynamicFilter = new AtomicLong();
  public final AtomicLong pagesScanned = new AtomicLong();
  /**
   * Pages not decoded: not even read thanks to the column and offset indexes, or read but passed over undecompressed
   * because late materialization wanted none of their rows.
   */
  public final AtomicLong pagesSkipped = new AtomicLong();
  public final AtomicLong rowsScanned = new AtomicLong();
  /**
   * Rows the scan dropped after decoding only its filter columns (late materialization: the scan's predicate and
   * the joins' row-level runtime filters), whose other columns it never decoded.
   */
  public final AtomicLong rowsFilteredInScan = new AtomicLong();
  /** Morsels (files or runs of row groups, see {@code exec/scan/SplitSource}) this scan finished reading. */
  public final AtomicLong splitsCompleted = new AtomicLong();
  /**
   * The scan's morsels as far as known: those of the partitions listed so far, plus one for each partition not
   * reached yet (listed lazily, so the total grows or shrinks as partitions are listed or pruned). Progress only.
   */
  public final AtomicLong splitsTotal = new AtomicLong();

  public ScanStats(String table) {
    this.table = table;
  }

  /** The qualified name of the scanned table. */
  public String table() {
    return table;
  }
}
