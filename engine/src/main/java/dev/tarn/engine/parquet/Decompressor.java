package dev.tarn.engine.parquet;

import java.io.IOException;

/** Decompresses one Parquet page whose decompressed size the page header states. */
interface Decompressor {

  /**
   * Decompresses {@code source[offset, offset + length)} into exactly {@code output.length - outputOffset} bytes
   * at {@code output[outputOffset]}; throws IOException if the input is malformed or the size is wrong.
   */
  void decompress(byte[] source, int offset, int length, byte[] output, int outputOffset) throws IOException;
}
