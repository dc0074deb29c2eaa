package dev.tarn.engine.plan;

/**
 * One runtime filter of a hash join: once its build side is complete, the values of build column
 * {@code buildKey} (an index into the build input's columns) restrict column {@code scanColumn} of {@code target},
 * a scan feeding the probe side. Immutable; {@code target} is matched by identity.
 *
 * @param id the filter's name within the query, e.g. {@code df0}
 */
public record DynamicFilterSpec(String id, int buildKey, TableScanNode target, int scanColumn) {

  /** {@code df0 -> table.column}, for EXPLAIN. */
  public String describe() {
    return id + " -> " + target.table() + "." + target.columns().get(scanColumn).field().getName();
  }
}
