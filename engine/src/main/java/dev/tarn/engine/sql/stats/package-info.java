/**
 * Table statistics for the optimizer, from what planning can read cheaply: Parquet footers (row counts, null
 * counts, min/max per row group), summarized once per file version, and the catalog's partitions. A
 * {@link dev.tarn.engine.sql.stats.TableProfile} holds a table's row count and, per column, nulls, the range of
 * numbers and dates, and a distinct-value estimate (a bound from row-group ranges for integers, dates and
 * decimals; exact for partition keys; unknown for text unless a row group holds one value).
 */
package dev.tarn.engine.sql.stats;
