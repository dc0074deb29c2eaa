package dev.tarn.jdbc;

/**
 * Tarn's view of the last execution of a {@link java.sql.Statement} or {@link java.sql.PreparedStatement} (or of
 * the query behind a {@link java.sql.ResultSet}), reached with {@code unwrap(TarnExecutionInfo.class)}. The
 * figures grow while the result set is read and are final once it is read to the end or closed; they are the
 * same as the query's row in {@code system.queries}. A failed execution reports its id (the one in the
 * {@link TarnQueryError} thrown) and what it read before failing. Before any execution, or after a failure that
 * never became an execution (the connection was closed): a null id and zeros.
 */
public interface TarnExecutionInfo {

  /** The Athena-style id (a UUID) of the last execution, failed or not, or null if there was none. */
  String queryId();

  /** Rows delivered so far (for a result set) or returned by SHOW/DESCRIBE/EXPLAIN. */
  long rows();

  /** Bytes read from storage: Athena's "data scanned". */
  long bytesScanned();

  /** Partitions read, after pruning. */
  long partitionsScanned();

  /** Partitions of the tables read, before pruning. */
  long partitionsTotal();

  /** Data files read. */
  long filesScanned();

  /** Data files in the partitions read. */
  long filesTotal();

  /** Parquet row groups read. */
  long rowGroupsScanned();

  /** Parquet row groups in the files read. */
  long rowGroupsTotal();

  /** Parquet pages skipped thanks to page indexes. */
  long pagesSkipped();

  /** Milliseconds from the start of the statement to now, or to its end once finished. */
  long elapsedMillis();

  /** Rows read by the scans so far (before filters): live progress; 0 where the driver cannot tell. */
  default long rowsScanned() {
    return 0;
  }

  /** Scan splits (data files or runs of row groups) finished so far: live progress; 0 where unknown. */
  default long splitsCompleted() {
    return 0;
  }

  /**
   * Scan splits known so far; it may grow while partitions are listed, so {@code splitsCompleted() / splitsTotal()}
   * is an estimate of progress. 0 where unknown or when the statement reads no table.
   */
  default long splitsTotal() {
    return 0;
  }
}
