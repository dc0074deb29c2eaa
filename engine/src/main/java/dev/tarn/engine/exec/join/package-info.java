/**
 * Join runtime shared by {@code HashJoinOperator} and {@code NestedLoopJoinOperator}: {@link
 * dev.tarn.engine.exec.join.JoinDriver} buffers the build side ({@link dev.tarn.engine.exec.join.BuildRows}),
 * streams the probe side, and asks a {@link dev.tarn.engine.exec.join.CandidateFinder} for candidate pairs (by
 * key through {@link dev.tarn.engine.exec.join.JoinHashTable}, which reuses the aggregation's key encoding and
 * hash table, or every pair). Every join type works with either side as the build side.
 *
 * <p>Known limits: the build side must fit in the query's memory (no spilling); the hash table lives on the
 * Java heap, like the aggregation's; joins run on one thread.
 */
package dev.tarn.engine.exec.join;
