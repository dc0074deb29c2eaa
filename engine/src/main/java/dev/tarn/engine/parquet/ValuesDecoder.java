package dev.tarn.engine.parquet;

import org.apache.arrow.vector.FieldVector;

/**
 * Decodes the non-null values of one data page, in one encoding, straight into an Arrow vector. Callers pass
 * runs of consecutive non-null rows; validity bits are the caller's job.
 */
interface ValuesDecoder {

  /** Writes the page's next {@code count} values into {@code vector} rows {@code [row, row + count)}. */
  void read(FieldVector vector, int row, int count);

  /** Passes over the page's next {@code count} values without writing them (rows outside the wanted row ranges). */
  void skip(int count);
}
