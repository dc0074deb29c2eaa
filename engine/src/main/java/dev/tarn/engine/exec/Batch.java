package dev.tarn.engine.exec;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A set of equally long Arrow column vectors: the unit that flows between operators. The holder of a batch owns
 * its vectors and must {@link #close()} it (or pass it on) exactly once. Every vector's value count equals
 * {@link #rowCount()}.
 */
public final class Batch implements AutoCloseable {

  private final List<FieldVector> columns;
  private final int rowCount;

  public Batch(List<FieldVector> columns, int rowCount) {
    this.columns = List.copyOf(columns);
    this.rowCount = rowCount;
    for (FieldVector column : this.columns) {
      column.setValueCount(rowCount);
    }
  }

  public int rowCount() {
    return rowCount;
  }

  public int columnCount() {
    return columns.size();
  }

  public FieldVector column(int index) {
    return columns.get(index);
  }

  public List<FieldVector> columns() {
    return columns;
  }

  public Schema schema() {
    List<Field> fields = new ArrayList<>(columns.size());
    for (FieldVector column : columns) {
      fields.add(column.getField());
    }
    return new Schema(fields);
  }

  /** Bytes held by the vectors of this batch. */
  public long sizeInBytes() {
    long size = 0;
    for (FieldVector column : columns) {
      size += column.getBufferSize();
    }
    return size;
  }

  @Override
  public void close() {
    for (FieldVector column : columns) {
      column.close();
    }
  }
}
