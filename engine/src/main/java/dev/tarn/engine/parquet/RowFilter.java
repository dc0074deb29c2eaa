package dev.tarn.engine.parquet;

import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Late materialization: picks, in stages, the rows a scan must materialize, so the scan decodes each stage's columns
 * only for the rows the stages before it kept, and the columns no stage reads only for the rows all of them kept. It
 * may keep rows the query does not need (a filter above the scan still decides), but never drops one it needs.
 * Cheap, selective stages go first: a join's key set before a string comparison.
 */
public interface RowFilter {

  /** The stages, in the order the scan applies them; at least one. */
  List<Stage> stages();

  /** One step of a row filter: reads some columns of the rows kept so far and keeps some of them. */
  interface Stage {

    /** The indexes, into the scan's columns, of the columns {@link #select} reads; ascending, none repeated. */
    int[] columns();

    /**
     * Writes the positions of the rows to keep, ascending, into {@code selected} and returns how many there are.
     * {@code columns} holds the vectors of {@link #columns()}, in that order, each holding exactly the
     * {@code rowCount} rows kept so far (in batch order); they stay the caller's.
     */
    int select(List<FieldVector> columns, int rowCount, int[] selected);
  }

  /** A filter of one stage. */
  static RowFilter of(Stage stage) {
    return () -> List.of(stage);
  }
}
