package dev.tarn.engine.exec.aggregate;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.vector.Vectors;
import dev.tarn.engine.plan.AggregateNode.AggregateCall;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The groups and accumulators of one hash aggregation, fed a batch at a time. A single-threaded aggregation has one;
 * a parallel one has one per thread (partial aggregation, on Java heap state, no intermediate Arrow columns), then
 * {@link #merge merges} them into one and takes its results (final aggregation), which are those of a single state
 * fed every row: the accumulators merge exact state (counts, long and BigInteger sums, extremes), and only
 * floating-point sums and variances may differ in their last bits, as with any change of row order.
 */
public final class AggregationState implements AutoCloseable {
  private final List<Integer> groupKeys;
  private final List<AggregateCall> aggregates;
  private final List<Field> keyFields;
  private final List<Accumulator> accumulators = new ArrayList<>();
  private final BufferAllocator allocator;
  private final GroupByHash groups;
  private boolean sawRows;

  /** A state for {@code aggregates} grouped by {@code groupKeys}, both over {@code inputFields}. */
  public AggregationState(List<Field> inputFields, List<Integer> groupKeys, List<AggregateCall> aggregates,
      BufferAllocator allocator) {
    this.groupKeys = List.copyOf(groupKeys);
    this.aggregates = List.copyOf(aggregates);
    this.allocator = allocator;
    for (AggregateCall call : aggregates) {
      Field argument = call.arguments().isEmpty() ? null : inputFields.get(call.arguments().get(0));
      accumulators.add(Accumulators.create(call, argument == null ? null : argument.getType()));
    }
    this.keyFields = groupKeys.stream().map(inputFields::get).toList();
    this.groups = new GroupByHash(keyFields, allocator);
  }

  /**
   * Whether every aggregate can merge partial states ({@link Accumulator#merge}). DISTINCT ones cannot (their seen
   * values are not kept in mergeable form), nor APPROX_DISTINCT (a union of HyperLogLog sketches loses the more
   * accurate HIP estimate of one sketch).
   */
  public static boolean mergeable(List<AggregateCall> aggregates) {
    return aggregates.stream().allMatch(call -> !call.distinct() && !"approx_distinct".equals(call.function()));
  }

  /** Adds the rows of {@code batch} (not closed here); an aggregate with a FILTER column sees only its true rows. */
  public void add(Batch batch) {
    int rowCount = batch.rowCount();
    int[] groupIds;
    int groupsSoFar;
    if (groupKeys.isEmpty()) {
      groupIds = new int[rowCount];
      groupsSoFar = 1;
    } else {
      groupIds = groups.groupIds(groupKeys.stream().map(batch::column).toList(), rowCount);
      groupsSoFar = groups.groupCount();
    }
    for (int i = 0; i < aggregates.size(); i++) {
      AggregateCall call = aggregates.get(i);
      FieldVector argument = call.arguments().isEmpty() ? null : batch.column(call.arguments().get(0));
      if (call.filter() < 0) {
        accumulators.get(i).add(argument, groupIds, rowCount, groupsSoFar);
      } else {
        AggregateFilter.addSelected(accumulators.get(i), argument, batch.column(call.filter()), groupIds,
            rowCount, groupsSoFar, allocator);
      }
    }
    sawRows |= rowCount > 0;
  }

  /**
   * Folds {@code other} (the same aggregation over other rows, e.g. another thread's) into this state: its groups
   * are looked up (or added) here by key, and each accumulator merges its state. {@code other} is left empty; the
   * caller still closes it.
   */
  public void merge(AggregationState other) {
    int otherGroups = other.groupKeys.isEmpty() ? 1 : other.groups.groupCount();
    int[] groupMap;
    int groupCount;
    if (groupKeys.isEmpty()) {
      groupMap = new int[1];
      groupCount = 1;
    } else {
      List<FieldVector> keys = other.groups.takeKeys();
      try {
        groupMap = groups.groupIds(keys, otherGroups);
      } finally {
        keys.forEach(FieldVector::close);
      }
      groupCount = groups.groupCount();
    }
    for (int i = 0; i < accumulators.size(); i++) {
      accumulators.get(i).merge(other.accumulators.get(i), groupMap, otherGroups, groupCount);
    }
    sawRows |= other.sawRows;
  }

  /**
   * The result columns (group keys, then one per aggregate, typed by {@code outputFields}), handed to the caller.
   * Without group keys there is exactly one row; with them and no input row at all, each group id of
   * {@code emptyGroupingSetIds} (the last key, under a GroupIdOperator) still gives a row.
   */
  public List<FieldVector> results(List<Field> outputFields, List<Long> emptyGroupingSetIds) {
    if (!sawRows && !groupKeys.isEmpty() && !emptyGroupingSetIds.isEmpty()) {
      addEmptyGroupingSets(emptyGroupingSetIds);
    }
    int groupCount = groupKeys.isEmpty() ? 1 : groups.groupCount();
    List<FieldVector> output = new ArrayList<>();
    try {
      output.addAll(groups.takeKeys());
      for (int i = 0; i < aggregates.size(); i++) {
        output.add(accumulators.get(i).result(outputFields.get(groupKeys.size() + i), groupCount, allocator));
      }
      return output;
    } catch (RuntimeException e) {
      output.forEach(FieldVector::close);
      throw e;
    }
  }

  /** The number of groups so far; after {@link #results}, the number of result rows. */
  public int groupCount() {
    return groupKeys.isEmpty() ? 1 : groups.groupCount();
  }

  /** Empty input still gives empty grouping sets a row: keys all NULL but the group id (accumulators start empty). */
  private void addEmptyGroupingSets(List<Long> emptyGroupingSetIds) {
    int count = emptyGroupingSetIds.size();
    List<FieldVector> keys = new ArrayList<>(keyFields.size());
    try {
      for (int key = 0; key < keyFields.size() - 1; key++) {
        keys.add(Vectors.constant(keyFields.get(key), null, count, allocator));
      }
      keys.add(Vectors.fromValues(keyFields.get(keyFields.size() - 1), emptyGroupingSetIds, allocator));
      groups.groupIds(keys, count);
    } finally {
      keys.forEach(FieldVector::close);
    }
  }

  /** Frees the group keys' vectors (accumulators live on the heap). */
  @Override
  public void close() {
    groups.close();
  }
}
