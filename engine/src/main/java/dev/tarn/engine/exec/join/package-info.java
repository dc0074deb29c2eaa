/**
 * Join runtime shared by {@code HashJoinOperator} and {@code NestedLoopJoinOperator}: a {@link
 * dev.tarn.engine.exec.join.JoinBuild} buffers the build side once ({@link dev.tarn.engine.exec.join.BuildRows}) and
 * indexes it; {@link dev.tarn.engine.exec.join.JoinDriver} streams the probe side and asks a {@link
 * dev.tarn.engine.exec.join.CandidateFinder} for candidate pairs (by key through {@link
 * dev.tarn.engine.exec.join.JoinHashTable}, which numbers keys with the aggregation's group tables, chosen from the
 * key types by {@code GroupTables.forJoin}, or every pair). Every join type works with either side as the build side. In a parallel query the N probe copies of a hash
 * join share one build, read-only once complete, each with its own finder over the shared hash table.
 *
 * <p>Known limits: the build side must fit in the query's memory (no spilling) and is hashed on one thread; the
 * hash table lives on the Java heap, like the aggregation's; joins that emit build rows at the end (RIGHT/FULL
 * preserving the build side, SEMI/ANTI built on the left) and nested-loop joins probe on one thread.
 */
package dev.tarn.engine.exec.join;
