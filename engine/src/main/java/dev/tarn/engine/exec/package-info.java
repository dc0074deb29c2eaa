/**
 * Tarn's vectorized execution over Arrow: {@link dev.tarn.engine.exec.ExecutionPlanner} turns a plan into a pull
 * pipeline of {@link dev.tarn.engine.exec.Operator}s (package {@code operator}, one per file); expressions are
 * compiled once into kernel trees (package {@code expr}); {@code aggregate} and {@code sort} hold the operators'
 * runtime structures; {@code vector} holds the shared vector helpers; {@code parallel} runs N copies of pipeline
 * fragments on worker threads under exchange operators. No Calcite here.
 *
 * <p>Known limits: sort, top-N and aggregation are in memory (no spilling); AND/OR evaluate every argument (only
 * CASE is lazy); literal arguments are broadcast to full vectors per batch (except LIKE patterns and IN lists);
 * min/max of doubles order NaN highest; casting REAL/DOUBLE to VARCHAR uses Java's shortest form ({@code 1.0E10}).
 */
package dev.tarn.engine.exec;
