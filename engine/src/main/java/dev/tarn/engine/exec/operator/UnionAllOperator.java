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
 * UNION ALL: returns every batch of its first input, then of the second, and so on, closing each input as soon
 * as it is exhausted. Vectors move zero-copy into the output fields (the inputs differ only in column names).
 */
public final class UnionAllOperator implements Operator {
  private final List<Operator> inputs;
  private final List<Field> fields;
  private final ExecutionContext context;
  private int current;

  public UnionAllOperator(List<Operator> inputs, List<Field> fields, ExecutionContext context) {
    this.inputs = List.copyOf(inputs);
    this.fields = List.copyOf(fields);
    this.context = context;
  }

  @Override
  public Schema schema() {
    return new Schema(fields);
  }

  @Override
  public Batch next() {
    while (current < inputs.size()) {
      context.checkCancelled();
      Batch batch = inputs.get(current).next();
      if (batch == null) {
        // Release an exhausted input's resources now rather than at the end of the whole union.
        inputs.get(current).close();
        current++;
        continue;
      }
      return renamed(batch);
    }
    return null;
  }

  private Batch renamed(Batch batch) {
    List<FieldVector> columns = new ArrayList<>(fields.size());
    int column = 0;
    try {
      for (; column < fields.size(); column++) {
        columns.add(Vectors.rename(batch.column(column), fields.get(column), context.allocator()));
      }
      return new Batch(columns, batch.rowCount());
    } catch (RuntimeException e) {
      columns.forEach(FieldVector::close);
      // Vectors not yet moved still belong to the input batch.
      for (; column < batch.columnCount(); column++) {
        batch.column(column).close();
      }
      throw e;
    }
  }

  @Override
  public void close() {
    current = inputs.size();
    inputs.forEach(Operator::close);
  }
}
