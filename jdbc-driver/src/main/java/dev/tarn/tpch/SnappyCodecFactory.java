package dev.tarn.tpch;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Snappy page compression on snappy-java alone. Parquet's own {@code CodecFactory} instantiates Hadoop codec
 * classes, which are not on Tarn's run-time class path.
 */
final class SnappyCodecFactory implements CompressionCodecFactory {

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
    requireSnappy(codecName);
    return new BytesInputCompressor() {
      @Override
      public BytesInput compress(BytesInput bytes) throws IOException {
        return BytesInput.from(Snappy.compress(bytes.toByteArray()));
      }

      @Override
      public CompressionCodecName getCodecName() {
        return CompressionCodecName.SNAPPY;
      }

      @Override
      public void release() {
      }
    };
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
    requireSnappy(codecName);
    return new BytesInputDecompressor() {
      @Override
      public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
        byte[] output = new byte[uncompressedSize];
        Snappy.uncompress(bytes.toByteArray(), 0, (int) bytes.size(), output, 0);
        return BytesInput.from(output);
      }

      @Override
      public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
          throws IOException {
        byte[] compressed = new byte[compressedSize];
        input.get(compressed);
        output.put(Snappy.uncompress(compressed), 0, uncompressedSize);
      }

      @Override
      public void release() {
      }
    };
  }

  @Override
  public void release() {
  }

  private static void requireSnappy(CompressionCodecName codecName) {
    if (codecName != CompressionCodecName.SNAPPY) {
      throw new IllegalArgumentException("Only SNAPPY is available without Hadoop, not " + codecName);
    }
  }
}
