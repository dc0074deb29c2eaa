package dev.tarn.engine.parquet;

import org.apache.arrow.memory.ArrowBuf;

/**
 * Converts values of a fixed-width Parquet physical type (INT32, INT64, INT96, FLOAT, DOUBLE), stored back to
 * back in PLAIN layout, into a fixed-width Arrow data buffer. One instance per (file type, table type) pair.
 */
interface FixedWidthConverter {

  /** Bytes of one value in Parquet PLAIN layout. */
  int sourceWidth();

  /** Bytes of one value in the Arrow data buffer. */
  int targetWidth();

  /** Converts {@code count} values at {@code source[offset]} into {@code target} starting at byte {@code targetOffset}. */
  void convert(byte[] source, int offset, ArrowBuf target, long targetOffset, int count);
}
