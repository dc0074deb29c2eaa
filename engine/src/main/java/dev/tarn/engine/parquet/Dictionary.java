package dev.tarn.engine.parquet;

import org.apache.arrow.vector.FieldVector;

/** A column chunk's dictionary, already converted to the table type, that copies entries into vectors. */
interface Dictionary extends AutoCloseable {

  /** Writes entries {@code indexes[0, count)} into rows {@code [row, row + count)}; rejects indexes out of range. */
  void write(FieldVector vector, int row, int[] indexes, int count);

  /** Releases any Arrow memory the dictionary holds. */
  @Override
  void close();
}
