package dev.tarn.catalog.parquet;

import dev.tarn.catalog.fs.FileSystem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * Reads a Parquet file's footer with two positioned reads and no Hadoop classes. A file that is too short, lacks
 * the {@code PAR1} magic, or has an impossible footer length fails with {@link InvalidParquetFileException}.
 */
public final class ParquetFooters {

  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
  private static final int TAIL_LENGTH = 8; // 4-byte little-endian footer length + magic
  private static final ParquetMetadataConverter CONVERTER = new ParquetMetadataConverter();

  private ParquetFooters() {}

  /** The footer of the file, with every row group. */
  public static ParquetMetadata read(FileSystem.InputFile file) throws IOException {
    long length = file.length();
    if (length < MAGIC.length + TAIL_LENGTH) {
      throw new InvalidParquetFileException(file.location(), "file is " + length + " bytes, too short for Parquet");
    }
    byte[] head = new byte[MAGIC.length];
    file.readFully(0, head, 0, head.length);
    byte[] tail = new byte[TAIL_LENGTH];
    file.readFully(length - TAIL_LENGTH, tail, 0, TAIL_LENGTH);
    if (!startsWithMagic(head, 0) || !startsWithMagic(tail, 4)) {
      throw new InvalidParquetFileException(file.location(), "missing the PAR1 magic bytes (not Parquet, or truncated)");
    }
    long footerLength = (tail[0] & 0xFFL) | (tail[1] & 0xFFL) << 8 | (tail[2] & 0xFFL) << 16 | (tail[3] & 0xFFL) << 24;
    long footerStart = length - TAIL_LENGTH - footerLength;
    if (footerLength <= 0 || footerStart < MAGIC.length) {
      throw new InvalidParquetFileException(file.location(), "footer length " + footerLength + " does not fit in "
          + length + " bytes");
    }
    byte[] footer = new byte[(int) footerLength];
    file.readFully(footerStart, footer, 0, footer.length);
    try {
      return CONVERTER.readParquetMetadata(new ByteArrayInputStream(footer), ParquetMetadataConverter.NO_FILTER);
    } catch (IOException | RuntimeException e) {
      throw new InvalidParquetFileException(file.location(), "unreadable footer: " + e.getMessage(), e);
    }
  }

  /** The footer of the file at {@code location}. */
  public static ParquetMetadata read(FileSystem fileSystem, String location) throws IOException {
    try (FileSystem.InputFile file = fileSystem.open(location)) {
      return read(file);
    }
  }

  private static boolean startsWithMagic(byte[] bytes, int offset) {
    for (int i = 0; i < MAGIC.length; i++) {
      if (bytes[offset + i] != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }
}
