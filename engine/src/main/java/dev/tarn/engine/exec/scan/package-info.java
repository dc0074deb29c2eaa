/**
 * Table scans: {@link dev.tarn.engine.exec.scan.TableScanOperator} reads morsels (a data file, or a run of row groups
 * of a large file) handed out by the scan's {@link dev.tarn.engine.exec.scan.SplitSource}, shared by all copies of
 * the scan in a query, so N copies read each file once and count into one {@code ScanStats}. Partitions are listed
 * lazily and pruned by dynamic filters when reached; {@code ScanRowFilter} filters rows before late columns decode.
 */
package dev.tarn.engine.exec.scan;
