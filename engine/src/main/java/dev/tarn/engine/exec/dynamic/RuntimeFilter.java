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
 */
public record RuntimeFilter(ColumnDomain exact, ColumnDomain forRowGroups) {}
