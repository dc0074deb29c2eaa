package dev.tarn.engine.parquet;

/**
 * Thrown by decoders when page bytes contradict themselves (overrun, impossible run header, index out of the
 * dictionary). Decoders do not know the file or column, so {@link ColumnChunkReader} turns this into a
 * {@code CORRUPT_FILE} {@link dev.tarn.engine.TarnException} that names both.
 */
final class CorruptPageException extends RuntimeException {

  CorruptPageException(String message) {
    super(message);
  }
}
