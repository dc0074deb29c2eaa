package dev.tarn.engine.exec.parallel;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.Operator;
import dev.tarn.engine.exec.aggregate.AggregationState;
import dev.tarn.engine.exec.vector.ResultBatches;
import dev.tarn.engine.plan.AggregateNode.AggregateCall;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Hash aggregation in two phases: each copy of the input fragment aggregates its own rows into its own
 * {@link AggregationState} on its worker thread (partial aggregation: no queue, no hand-over of batches), then the
 * first {@code next()} merges the partial states into one (final aggregation) and returns its groups in batches,
 * as {@code HashAggregateOperator} does. Only for aggregates whose partial states merge
 * ({@link AggregationState#mergeable}); the results, types and decimal rounding are the single-threaded ones.
 */
public final class ParallelAggregateOperator implements Operator {
  private final FragmentRunner runner;
  private final AggregationState[] partials;
  private final List<Long> emptyGroupingSetIds;
  private final List<Field> outputFields;
  private final ExecutionContext context;
  private ResultBatches results;
  private RuntimeException failure;
  private boolean closed;

  /** {@code outputFields}: the group key fields, then one field per aggregate (see AggregateNode). */
  public ParallelAggregateOperator(Fragment input, List<Integer> groupKeys, List<AggregateCall> aggregates,
      List<Long> emptyGroupingSetIds, List<Field> outputFields, ExecutionContext context) {
    this.emptyGroupingSetIds = List.copyOf(emptyGroupingSetIds);
    this.outputFields = List.copyOf(outputFields);
    this.context = context;
    this.partials = new AggregationState[input.size()];
    this.runner = new FragmentRunner(input, new PartialSink(), context, () -> { });
    List<Field> inputFields = input.schema().getFields();
    try {
      for (int copy = 0; copy < partials.length; copy++) {
        partials[copy] = new AggregationState(inputFields, groupKeys, aggregates, context.allocator());
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  @Override
  public Schema schema() {
    return new Schema(outputFields);
  }

  @Override
  public Batch next() {
    if (closed) {
      return null;
    }
    if (results == null) {
      aggregate();
    }
    Batch batch = results.next(context.batchSize(), context.allocator());
    if (batch == null) {
      close();
    }
    return batch;
  }

  /** Runs the partial aggregations to their end, then merges them into the first. */
  private void aggregate() {
    if (failure != null) {
      throw failure; // the partial states may be half merged: never merge them again
    }
    try {
      runner.start();
      runner.awaitFinished();
      merge();
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    }
  }

  private void merge() {
    AggregationState merged = partials[0];
    for (int copy = 1; copy < partials.length; copy++) {
      context.checkCancelled();
      merged.merge(partials[copy]);
      partials[copy].close();
    }
    results = new ResultBatches(merged.results(outputFields, emptyGroupingSetIds), merged.groupCount());
    closePartials();
  }

  private void closePartials() {
    for (AggregationState partial : partials) {
      if (partial != null) {
        partial.close();
      }
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      runner.close();
    } finally {
      closePartials();
      if (results != null) {
        results.close();
      }
    }
  }

  /** Each copy adds its batches into its own partial state. */
  private final class PartialSink implements Sink {
    @Override
    public boolean offer(int copy, Batch batch) {
      try (batch) {
        partials[copy].add(batch);
      }
      return true;
    }
  }
}
