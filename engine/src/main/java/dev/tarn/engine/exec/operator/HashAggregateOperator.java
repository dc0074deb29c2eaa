package dev.tarn.engine.exec.operator;

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
 * Hash aggregation: consumes its whole input on the first {@code next()}, grouping rows by the key columns and
 * feeding each aggregate's accumulator a batch at a time, then returns key and aggregate columns in batches.
 * Without group keys it returns exactly one row, even for empty input (count 0, other aggregates NULL); so does
 * each empty grouping set (under a GroupIdOperator, whose group id is the last key). An aggregate with a FILTER
 * column sees only the rows where that column is true.
 */
public final class HashAggregateOperator implements Operator {
  private final Operator input;
  private final List<Integer> groupKeys;
  private final List<AggregateCall> aggregates;
  private final List<Field> outputFields;
  private final List<Long> emptyGroupingSetIds;
  private final ExecutionContext context;
  private ResultBatches results;
  private boolean done;

  /** {@code outputFields}: the group key fields, then one field per aggregate (see AggregateNode). */
  public HashAggregateOperator(Operator input, List<Integer> groupKeys, List<AggregateCall> aggregates,
      List<Field> outputFields, ExecutionContext context) {
    this(input, groupKeys, aggregates, List.of(), outputFields, context);
  }

  /** {@code emptyGroupingSetIds}: group ids (values of the last key) that give a row even for empty input. */
  public HashAggregateOperator(Operator input, List<Integer> groupKeys, List<AggregateCall> aggregates,
      List<Long> emptyGroupingSetIds, List<Field> outputFields, ExecutionContext context) {
    this.input = input;
    this.groupKeys = List.copyOf(groupKeys);
    this.aggregates = List.copyOf(aggregates);
    this.emptyGroupingSetIds = List.copyOf(emptyGroupingSetIds);
    this.outputFields = List.copyOf(outputFields);
    this.context = context;
  }

  @Override
  public Schema schema() {
    return new Schema(outputFields);
  }

  @Override
  public Batch next() {
    if (done) {
      return null;
    }
    if (results == null) {
      aggregateInput();
    }
    Batch batch = results.next(context.batchSize(), context.allocator());
    if (batch == null) {
      close();
    }
    return batch;
  }

  private void aggregateInput() {
    try (AggregationState state = new AggregationState(input.schema().getFields(), groupKeys, aggregates,
        context.allocator())) {
      for (Batch next = input.next(); next != null; next = input.next()) {
        try (Batch batch = next) {
          context.checkCancelled();
          state.add(batch);
        }
      }
      input.close();
      results = new ResultBatches(state.results(outputFields, emptyGroupingSetIds), state.groupCount());
    }
  }

  @Override
  public void close() {
    done = true;
    if (results != null) {
      results.close();
    }
    input.close();
  }
}
