package dev.tarn.engine.api;

import dev.tarn.engine.exec.QueryStats;

/**
 * What one execution did, summed over its scans (Athena's {@code Statistics}: data scanned, run time), plus the
 * pruning counts that explain the bytes and the progress of its scans.
 *
 * @param rows rows delivered to the client (or the rows of a SHOW/DESCRIBE/EXPLAIN result)
 * @param bytesScanned bytes actually read from storage
 * @param elapsedNanos from the start of the statement to now, or to its end once finished
 * @param rowsScanned rows read by the scans (before filters), live while the query runs
 * @param splitsCompleted scan splits (morsels: files or runs of row groups) finished so far
 * @param splitsTotal scan splits known so far, a partition not listed yet counting as one (see
 *     {@link dev.tarn.engine.exec.ScanStats#splitsTotal}); these three are progress figures, not kept in the query
 *     history
 */
public record QueryStatistics(long rows, long bytesScanned, long partitionsScanned, long partitionsTotal,
    long filesScanned, long filesTotal, long rowGroupsScanned, long rowGroupsTotal, long pagesSkipped,
    long elapsedNanos, long rowsScanned, long splitsCompleted, long splitsTotal) {

  /** No rows, nothing read. */
  public static final QueryStatistics EMPTY = new QueryStatistics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  /** The figures the query history keeps, without the progress figures (zero). */
  public QueryStatistics(long rows, long bytesScanned, long partitionsScanned, long partitionsTotal,
      long filesScanned, long filesTotal, long rowGroupsScanned, long rowGroupsTotal, long pagesSkipped,
      long elapsedNanos) {
    this(rows, bytesScanned, partitionsScanned, partitionsTotal, filesScanned, filesTotal, rowGroupsScanned,
        rowGroupsTotal, pagesSkipped, elapsedNanos, 0, 0, 0);
  }

  /** The totals of {@code stats}'s scans with {@code rows} delivered after {@code elapsedNanos}. */
  public static QueryStatistics of(QueryStats stats, long rows, long elapsedNanos) {
    return new QueryStatistics(rows, stats.bytesScanned(),
        stats.total(s -> s.partitionsScanned), stats.total(s -> s.partitionsTotal),
        stats.total(s -> s.filesScanned), stats.total(s -> s.filesTotal),
        stats.total(s -> s.rowGroupsScanned), stats.total(s -> s.rowGroupsTotal),
        stats.total(s -> s.pagesSkipped), elapsedNanos, stats.total(s -> s.rowsScanned),
        stats.total(s -> s.splitsCompleted), stats.total(s -> s.splitsTotal));
  }

  /** Only rows and time, for statements that read no data (DDL, SHOW, EXPLAIN). */
  public static QueryStatistics ofRows(long rows, long elapsedNanos) {
    return new QueryStatistics(rows, 0, 0, 0, 0, 0, 0, 0, 0, elapsedNanos);
  }
}
