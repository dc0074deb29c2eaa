package dev.tarn.engine.exec.operator;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.Operator;
import dev.tarn.engine.exec.vector.Vectors;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Repeats each input batch once per grouping set (see {@code GroupIdNode}): the input's columns, then a copy of
 * each group key that is all NULL where the key is not in the set, then the set's index as a constant group id.
 * Every output shares the input's buffers (zero-copy); only NULL columns and the group id are allocated.
 */
public final class GroupIdOperator implements Operator {
  private final Operator input;
  private final List<Integer> groupKeys;
  private final boolean[][] keyInSet;
  private final List<Field> fields;
  private final ExecutionContext context;
  private Batch pending;
  private int nextSet;

  /** {@code fields}: the GroupIdNode's output fields; {@code groupingSets} hold input column indexes. */
  public GroupIdOperator(Operator input, List<Integer> groupKeys, List<List<Integer>> groupingSets,
      List<Field> fields, ExecutionContext context) {
    this.input = input;
    this.groupKeys = List.copyOf(groupKeys);
    this.keyInSet = new boolean[groupingSets.size()][groupKeys.size()];
    for (int set = 0; set < groupingSets.size(); set++) {
      for (int key = 0; key < groupKeys.size(); key++) {
        keyInSet[set][key] = groupingSets.get(set).contains(groupKeys.get(key));
      }
    }
    this.fields = List.copyOf(fields);
    this.context = context;
  }

  @Override
  public Schema schema() {
    return new Schema(fields);
  }

  @Override
  public Batch next() {
    context.checkCancelled();
    if (pending == null) {
      pending = input.next();
      nextSet = 0;
      if (pending == null) {
        return null;
      }
    }
    Batch output = replicate(pending, nextSet++);
    if (nextSet == keyInSet.length) {
      pending.close();
      pending = null;
    }
    return output;
  }

  private Batch replicate(Batch batch, int set) {
    int rowCount = batch.rowCount();
    int inputColumns = batch.columnCount();
    List<FieldVector> columns = new ArrayList<>(fields.size());
    try {
      for (int column = 0; column < inputColumns; column++) {
        columns.add(Vectors.share(batch.column(column), context.allocator()));
      }
      for (int key = 0; key < groupKeys.size(); key++) {
        Field field = fields.get(inputColumns + key);
        FieldVector copy = keyInSet[set][key]
            ? Vectors.share(batch.column(groupKeys.get(key)), context.allocator())
            : Vectors.constant(field, null, rowCount, context.allocator());
        columns.add(Vectors.rename(copy, field, context.allocator()));
      }
      columns.add(Vectors.constant(fields.get(fields.size() - 1), (long) set, rowCount, context.allocator()));
      return new Batch(columns, rowCount);
    } catch (RuntimeException e) {
      columns.forEach(FieldVector::close);
      throw e;
    }
  }

  @Override
  public void close() {
    if (pending != null) {
      pending.close();
      pending = null;
    }
    input.close();
  }
}
