package dev.tarn.engine.exec;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/** A hand-written source operator: returns batches built from row lists and records how it was used. */
public final class FakeOperator implements Operator {
  private final List<Field> fields;
  private final List<List<List<Object>>> batches;
  private final BufferAllocator allocator;
  private int pulled;
  private boolean closed;

  /** {@code batches}: per batch, its rows; each row one Java value per field. */
  public FakeOperator(BufferAllocator allocator, List<Field> fields, List<List<List<Object>>> batches) {
    this.allocator = allocator;
    this.fields = List.copyOf(fields);
    this.batches = batches;
  }

  public int pulled() {
    return pulled;
  }

  public boolean closed() {
    return closed;
  }

  @Override
  public Schema schema() {
    return new Schema(fields);
  }

  @Override
  public Batch next() {
    if (closed || pulled >= batches.size()) {
      return null;
    }
    List<List<Object>> rows = batches.get(pulled++);
    List<FieldVector> columns = new ArrayList<>();
    for (int c = 0; c < fields.size(); c++) {
      List<Object> values = new ArrayList<>();
      for (List<Object> row : rows) {
        values.add(row.get(c));
      }
      columns.add(TestData.vector(allocator, fields.get(c).getName(), fields.get(c).getType(), values));
    }
    return new Batch(columns, rows.size());
  }

  @Override
  public void close() {
    closed = true;
  }
}
