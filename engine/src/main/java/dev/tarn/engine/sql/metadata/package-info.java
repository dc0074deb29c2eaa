/**
 * Cardinality estimates for Calcite's optimizer from Tarn's table statistics ({@link dev.tarn.engine.sql.stats}):
 * the fraction of a scan a predicate keeps (column ranges and distinct counts), the distinct values of a scan's
 * columns, the rows an equi-join keeps ({@code 1 / max(ndv)} over its keys) and column origins through trimmed
 * scans. {@link dev.tarn.engine.sql.metadata.TarnMetadata} installs them ahead of Calcite's defaults; the join
 * reordering (LoptOptimizeJoinRule, which keeps the cheapest of its greedy orders by estimated rows) and the choice
 * of build sides read them.
 *
 * <p>Known limits: distinct counts are bounds from footer ranges, so text columns have none (equality on them gets
 * Calcite's 0.15 guess, LIKE 0.25) and a sparse integer column looks unique (a foreign key joined to a unique key is
 * capped by that key; grouping by it is overestimated); predicates on aggregates and expressions are guessed;
 * columns are assumed independent. Estimates never become facts: no unique keys are declared, so no rewrite removes
 * a join or an aggregate on their strength.
 */
package dev.tarn.engine.sql.metadata;
