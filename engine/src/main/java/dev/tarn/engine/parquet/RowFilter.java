package dev.tarn.engine.parquet;

import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Late materialization: picks, from some of a batch's columns, the rows a scan must materialize, so the scan
 * decodes its other columns only for those rows. It may keep rows the query does not need (a filter above the
 * scan still decides), but never drops one it needs.
 */
public interface RowFilter {

  /** The indexes, into the scan's columns, of the columns {@link #select} reads; ascending, none repeated. */
  int[] columns();

  /**
   * Writes the positions of the rows to keep, ascending, into {@code selected} and returns how many there are.
   * {@code columns} holds the batch's vectors of {@link #columns()}, in that order, each of {@code rowCount} rows;
   * they stay the caller's.
   */
  int select(List<FieldVector> columns, int rowCount, int[] selected);
}
