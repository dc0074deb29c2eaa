/**
 * Parallel execution on the pull model. The execution planner builds a splittable subtree (scans, filters,
 * projections, grouping-set expansion, hash-join probes) N times into a {@link dev.tarn.engine.exec.parallel.Fragment};
 * a {@link dev.tarn.engine.exec.parallel.FragmentRunner} runs each copy as a {@link
 * dev.tarn.engine.exec.parallel.Driver} on the engine's {@link dev.tarn.engine.exec.parallel.WorkerPool}, into a sink
 * that one operator consumes: {@link dev.tarn.engine.exec.parallel.GatherOperator} (a bounded queue),
 * {@link dev.tarn.engine.exec.parallel.ParallelAggregateOperator} (partial states, then a merge) or
 * {@link dev.tarn.engine.exec.parallel.MergeSortedOperator} (sorted runs, then a k-way merge). The copies share
 * morsels through their scans' split sources and builds through their joins' {@code JoinBuild}s.
 *
 * <p>Drivers never block a worker: a full queue parks them until the consumer takes a batch, and they yield after a
 * time slice, so queries share the pool. Only a consumer thread waits (the query's own thread; join builds are
 * completed on it before the copies start). The first error of any copy is rethrown as thrown; closing stops the
 * copies and frees every batch.
 *
 * <p>Known limits: one pool per engine with no per-query share or priority; the final merge of an aggregation and
 * of a sort run on the consumer thread; a join's build side is hashed on one thread.
 */
package dev.tarn.engine.exec.parallel;
