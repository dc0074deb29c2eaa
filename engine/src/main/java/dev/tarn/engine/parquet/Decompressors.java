package dev.tarn.engine.parquet;

import com.github.luben.zstd.Zstd;
import io.airlift.compress.lz4.Lz4Decompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Tarn's own codec registry. parquet-java's CodecFactory loads Hadoop codec classes, which Tarn does not ship, so
 * each supported codec is a few lines over snappy-java, java.util.zip, zstd-jni or aircompressor.
 */
final class Decompressors {

  private Decompressors() {}

  /** The decompressor for {@code codec}, or NOT_SUPPORTED naming the codec and the file. */
  static Decompressor forCodec(CompressionCodecName codec, String location) {
    return switch (codec) {
      case UNCOMPRESSED -> Decompressors::copy;
      case SNAPPY -> Decompressors::snappy;
      case GZIP -> Decompressors::gzip;
      case ZSTD -> Decompressors::zstd;
      case LZ4_RAW -> Decompressors::lz4Raw;
      default -> throw ParquetErrors.notSupported(location, codec + " compression in file " + location);
    };
  }

  private static void copy(byte[] source, int offset, int length, byte[] output, int outputOffset)
      throws IOException {
    expectLength(length, output.length - outputOffset);
    System.arraycopy(source, offset, output, outputOffset, length);
  }

  private static void snappy(byte[] source, int offset, int length, byte[] output, int outputOffset)
      throws IOException {
    // Check the stated size before decompressing: snappy-java would otherwise write past a short output.
    expectLength(Snappy.uncompressedLength(source, offset, length), output.length - outputOffset);
    expectLength(Snappy.uncompress(source, offset, length, output, outputOffset), output.length - outputOffset);
  }

  private static void gzip(byte[] source, int offset, int length, byte[] output, int outputOffset)
      throws IOException {
    try (InputStream input = new GZIPInputStream(new ByteArrayInputStream(source, offset, length))) {
      int expected = output.length - outputOffset;
      expectLength(input.readNBytes(output, outputOffset, expected), expected);
      if (input.read() >= 0) {
        throw new IOException("GZIP page decompresses to more than " + expected + " bytes");
      }
    }
  }

  private static void zstd(byte[] source, int offset, int length, byte[] output, int outputOffset)
      throws IOException {
    int expected = output.length - outputOffset;
    long written = Zstd.decompressByteArray(output, outputOffset, expected, source, offset, length);
    if (Zstd.isError(written)) {
      throw new IOException("ZSTD: " + Zstd.getErrorName(written));
    }
    expectLength((int) written, expected);
  }

  private static void lz4Raw(byte[] source, int offset, int length, byte[] output, int outputOffset)
      throws IOException {
    int expected = output.length - outputOffset;
    try {
      expectLength(new Lz4Decompressor().decompress(source, offset, length, output, outputOffset, expected),
          expected);
    } catch (RuntimeException e) {
      throw new IOException("LZ4_RAW: " + e.getMessage(), e);
    }
  }

  private static void expectLength(int actual, int expected) throws IOException {
    if (actual != expected) {
      throw new IOException("page decompresses to " + actual + " bytes, its header says " + expected);
    }
  }
}
