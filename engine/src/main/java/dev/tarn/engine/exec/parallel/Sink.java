package dev.tarn.engine.exec.parallel;

import dev.tarn.engine.exec.Batch;

/**
 * Where the copies of a pipeline fragment deliver their batches: a bounded queue (gather), per-copy partial
 * aggregation, per-copy sorted runs. Called from worker threads, for one copy at a time by one thread.
 */
interface Sink {

  /**
   * Takes {@code batch} from copy {@code copy} (owning it from then on) and returns true; or returns false without
   * taking it when it cannot now (a full queue): the copy then parks, keeping the batch, until the sink calls
   * {@link FragmentRunner#resume(int)} for it.
   */
  boolean offer(int copy, Batch batch);

  /** Copy {@code copy}'s input is exhausted; called once, on the worker that ran it, before it counts as done. */
  default void finish(int copy) {}
}
