package dev.tarn.engine.exec.footer;

import dev.tarn.catalog.fs.FileSystem;
import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Statistics;
import org.apache.parquet.format.Util;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * One Parquet file's footer as written (Thrift), read with a single tail read plus the footer bytes, all counted.
 * The raw form is kept on purpose: it tells the exact {@code min_value}/{@code max_value} fields apart from the
 * deprecated {@code min}/{@code max} and carries the {@code is_*_value_exact} flags that the converted form drops.
 */
public final class FooterFile {

  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
  private static final int TAIL_LENGTH = 8;
  private static final ParquetMetadataConverter CONVERTER = new ParquetMetadataConverter();

  private final FileMetaData raw;
  private final MessageType schema;

  private FooterFile(FileMetaData raw, MessageType schema) {
    this.raw = raw;
    this.schema = schema;
  }

  /**
   * The footer of {@code location}, adding the bytes read to {@code bytesRead}; null when the file is not a plain
   * (unencrypted, well-formed) Parquet file, so the caller falls back to the scan, which reports the problem.
   */
  public static FooterFile read(FileSystem fileSystem, String location, AtomicLong bytesRead) {
    try (FileSystem.InputFile file = fileSystem.open(location)) {
      long length = file.length();
      if (length < MAGIC.length + TAIL_LENGTH) {
        return null;
      }
      byte[] tail = new byte[TAIL_LENGTH];
      file.readFully(length - TAIL_LENGTH, tail, 0, TAIL_LENGTH);
      bytesRead.addAndGet(TAIL_LENGTH);
      if (!Arrays.equals(tail, 4, 8, MAGIC, 0, 4)) {
        return null;
      }
      long footerLength = (tail[0] & 0xFFL) | (tail[1] & 0xFFL) << 8 | (tail[2] & 0xFFL) << 16
          | (tail[3] & 0xFFL) << 24;
      long footerStart = length - TAIL_LENGTH - footerLength;
      if (footerLength <= 0 || footerStart < MAGIC.length) {
        return null;
      }
      byte[] footer = new byte[(int) footerLength];
      file.readFully(footerStart, footer, 0, footer.length);
      bytesRead.addAndGet(footer.length);
      try {
        FileMetaData raw = Util.readFileMetaData(new ByteArrayInputStream(footer));
        MessageType schema = CONVERTER.fromParquetMetadata(raw).getFileMetaData().getSchema();
        return new FooterFile(raw, schema);
      } catch (IOException | RuntimeException e) {
        return null;
      }
    } catch (IOException e) {
      throw new TarnException(ErrorCode.IO_ERROR, location, "Cannot read " + location + ": " + e.getMessage(), e);
    }
  }

  public int rowGroupCount() {
    return raw.getRow_groups().size();
  }

  public long rowCount(int rowGroup) {
    return raw.getRow_groups().get(rowGroup).getNum_rows();
  }

  /**
   * The leaf index of the top-level primitive, non-repeated column named {@code name} (exact match first, then
   * case-insensitive, as the scan matches columns); -1 when absent or nested.
   */
  public int columnIndex(String name) {
    Type match = null;
    for (Type field : schema.getFields()) {
      if (field.getName().equals(name)) {
        match = field;
        break;
      }
      if (match == null && field.getName().equalsIgnoreCase(name)) {
        match = field;
      }
    }
    if (match == null || !match.isPrimitive() || match.isRepetition(Type.Repetition.REPEATED)) {
      return -1;
    }
    List<String[]> paths = schema.getPaths();
    for (int leaf = 0; leaf < paths.size(); leaf++) {
      if (paths.get(leaf).length == 1 && paths.get(leaf)[0].equals(match.getName())) {
        return leaf;
      }
    }
    return -1;
  }

  /** The Parquet type of leaf column {@code column}. */
  public PrimitiveType type(int column) {
    return schema.getColumns().get(column).getPrimitiveType();
  }

  /** The statistics of one column chunk as written, or null when the writer wrote none. */
  public Statistics statistics(int rowGroup, int column) {
    RowGroup group = raw.getRow_groups().get(rowGroup);
    if (column >= group.getColumnsSize()) {
      return null;
    }
    ColumnChunk chunk = group.getColumns().get(column);
    return chunk.isSetMeta_data() && chunk.getMeta_data().isSetStatistics()
        ? chunk.getMeta_data().getStatistics() : null;
  }

  /** Who wrote the file ({@code created_by}), or null. */
  public String createdBy() {
    return raw.getCreated_by();
  }
}
