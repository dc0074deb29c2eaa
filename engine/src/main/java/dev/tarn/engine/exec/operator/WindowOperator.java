package dev.tarn.engine.exec.operator;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.Operator;
import dev.tarn.engine.exec.sort.RowBuffer;
import dev.tarn.engine.exec.vector.Vectors;
import dev.tarn.engine.exec.window.FrameBounds;
import dev.tarn.engine.exec.window.WindowFunctions;
import dev.tarn.engine.exec.window.WindowLayout;
import dev.tarn.engine.plan.SortKey;
import dev.tarn.engine.plan.WindowNode;
import dev.tarn.engine.plan.WindowNode.Call;
import dev.tarn.engine.plan.WindowNode.Group;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Computes one window group's calls: buffers the whole input, sorts it by partition keys then order keys (the
 * sort's stable merge sort), gathers it once in that order, evaluates each call over whole columns, and returns
 * the sorted rows with one new column per call. A WindowNode with several groups becomes a chain of these, each
 * re-sorting by its own keys. In memory, no spilling yet.
 */
public final class WindowOperator implements Operator {
  private final Operator input;
  private final Group group;
  private final ExecutionContext context;
  private final Schema schema;
  private Batch sorted;
  private List<FieldVector> results = List.of();
  private int position;
  private boolean done;

  public WindowOperator(Operator input, Group group, List<Field> outputFields, ExecutionContext context) {
    this.input = input;
    this.group = group;
    this.context = context;
    this.schema = new Schema(outputFields);
  }

  /** The operators computing {@code node} over {@code input}: one per window group, each appending its calls. */
  public static Operator chain(Operator input, WindowNode node, ExecutionContext context) {
    List<Field> fields = node.outputFields();
    int columnCount = node.input().outputFields().size();
    Operator operator = input;
    for (Group group : node.groups()) {
      columnCount += group.calls().size();
      operator = new WindowOperator(operator, group, fields.subList(0, columnCount), context);
    }
    return operator;
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public Batch next() {
    if (done) {
      return null;
    }
    if (sorted == null) {
      compute();
    }
    if (position >= sorted.rowCount()) {
      close();
      return null;
    }
    int count = Math.min(sorted.rowCount() - position, context.batchSize());
    List<FieldVector> columns = new ArrayList<>(sorted.columns());
    columns.addAll(results);
    Batch batch = Vectors.sliceBatch(columns, position, count, context.allocator());
    position += count;
    return batch;
  }

  private void compute() {
    List<SortKey> keys = new ArrayList<>();
    for (int column : group.partitionKeys()) {
      keys.add(new SortKey(column, true, false));
    }
    keys.addAll(group.orderKeys());
    WindowLayout layout;
    try (RowBuffer buffer = new RowBuffer(input.schema().getFields(), keys)) {
      for (Batch batch = input.next(); batch != null; batch = input.next()) {
        buffer.add(batch); // owned by the buffer before anything can throw, so a cancellation never leaks it
        context.checkCancelled();
      }
      input.close();
      int[] order = buffer.sortedIds(context::checkCancelled);
      layout = WindowLayout.of(buffer, order, group.partitionKeys().size());
      sorted = buffer.rowCount() == 0 ? emptyBatch() : buffer.gather(order, 0, order.length, context.allocator());
    }
    SortKey firstOrderKey = group.orderKeys().isEmpty() ? null : group.orderKeys().get(0);
    FieldVector orderValues = group.orderKeys().size() == 1 ? sorted.column(firstOrderKey.column()) : null;
    FrameBounds frames = FrameBounds.compute(layout, group.frame(), firstOrderKey, orderValues);
    List<FieldVector> computed = new ArrayList<>();
    results = computed;
    for (Call call : group.calls()) {
      context.checkCancelled();
      computed.add(WindowFunctions.evaluate(call, layout, frames, sorted.columns(), context.allocator()));
    }
  }

  private Batch emptyBatch() {
    List<FieldVector> columns = new ArrayList<>();
    for (Field field : input.schema().getFields()) {
      columns.add(Vectors.allocate(field, 0, context.allocator()));
    }
    return new Batch(columns, 0);
  }

  @Override
  public void close() {
    done = true;
    if (sorted != null) {
      sorted.close();
    }
    results.forEach(FieldVector::close);
    results = List.of();
    input.close();
  }
}
