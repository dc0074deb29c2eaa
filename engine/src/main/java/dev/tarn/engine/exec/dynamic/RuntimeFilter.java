package dev.tarn.engine.exec.dynamic;

import dev.tarn.engine.parquet.predicate.ColumnDomain;

/**
 * The key values a join's build side holds, published once it is complete. NULL is never admitted: a NULL probe
 * key never matches.
 *
 * @param exact the build's distinct values as points when few enough, else their [min, max] range; none when the
 *     build side was empty; for partition values, checked once per partition
 * @param forRowGroups the same or coarser (a range instead of too many points), cheap enough to test against every
 *     row group's statistics and dictionary
 * @param rows the row-level test (a set or a bloom filter) the probe scan applies to each row's key before it
 *     decodes the other columns; null when the key type has no such test or the build side had too many keys
 */
public record RuntimeFilter(ColumnDomain exact, ColumnDomain forRowGroups, KeyMembership rows) {

  /** A filter with no row-level test. */
  public RuntimeFilter(ColumnDomain exact, ColumnDomain forRowGroups) {
    this(exact, forRowGroups, null);
  }
}
