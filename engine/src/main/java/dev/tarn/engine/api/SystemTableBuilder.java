package dev.tarn.engine.api;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.vector.Vectors;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Writes a system table's values straight into its Arrow vectors, cell by cell (Literal-convention values, null
 * for NULL), so its contents never exist as rows; {@link #build} hands the vectors over as one batch.
 */
final class SystemTableBuilder implements AutoCloseable {

  private final List<FieldVector> vectors = new ArrayList<>();
  private boolean built;

  /** Vectors for {@code fields} with room for {@code rows} rows (they grow if more are written). */
  SystemTableBuilder(List<Field> fields, int rows, BufferAllocator allocator) {
    try {
      for (Field field : fields) {
        vectors.add(Vectors.allocate(field, rows, allocator));
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  void set(int column, int row, Object value) {
    Vectors.setValue(vectors.get(column), row, value);
  }

  /** The vectors as a batch of {@code rowCount} rows; the builder no longer owns them. */
  Batch build(int rowCount) {
    built = true;
    return new Batch(vectors, rowCount);
  }

  /** Frees the vectors unless they were built into a batch (for failures half-way). */
  @Override
  public void close() {
    if (!built) {
      vectors.forEach(FieldVector::close);
    }
  }
}
