package dev.tarn.engine.parquet;

/** Decodes a stream of small unsigned integers: definition levels, dictionary indexes, RLE booleans. */
interface LevelDecoder {

  /** Writes the next {@code count} values into {@code into[0, count)}; fails with CorruptPageException at the end. */
  void read(int[] into, int count);
}
