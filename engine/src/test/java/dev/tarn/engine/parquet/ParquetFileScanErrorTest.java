package dev.tarn.engine.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.catalog.fs.LocalFileSystem;
import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.ScanStats;
import dev.tarn.engine.parquet.ParquetTestFiles.TestColumn;
import dev.tarn.engine.parquet.ParquetTestFiles.WriterOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Bad files and bad requests fail with the right error code, name the file, and leak nothing. */
class ParquetFileScanErrorTest {

  @TempDir Path directory;
  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close(); // fails on any leaked vector or dictionary buffer
  }

  @Test
  void notParquetAtAll() throws IOException {
    Path file = Files.writeString(directory.resolve("notes.parquet"), "just some text, long enough to check");
    assertFailure(file, List.of(field("x", ArrowType.Utf8.INSTANCE)), ErrorCode.CORRUPT_FILE, "PAR1");
  }

  @Test
  void truncatedFileLosesItsFooter() throws IOException {
    Path file = write(CompressionCodecName.SNAPPY, true);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 100));
    assertFailure(file, allFields(), ErrorCode.CORRUPT_FILE, file.toString());
  }

  @Test
  void truncatedColumnChunkKeepsFooterButLosesData() throws IOException {
    Path file = write(CompressionCodecName.ZSTD, true);
    byte[] bytes = Files.readAllBytes(file);
    int footerLength = (bytes[bytes.length - 8] & 0xFF) | (bytes[bytes.length - 7] & 0xFF) << 8
        | (bytes[bytes.length - 6] & 0xFF) << 16 | (bytes[bytes.length - 5] & 0xFF) << 24;
    int tail = footerLength + 8;
    byte[] truncated = new byte[bytes.length / 2 + tail];
    System.arraycopy(bytes, 0, truncated, 0, bytes.length / 2);
    System.arraycopy(bytes, bytes.length - tail, truncated, bytes.length / 2, tail);
    Files.write(file, truncated);
    assertFailure(file, allFields(), ErrorCode.CORRUPT_FILE, "does not fit");
  }

  @ParameterizedTest
  @EnumSource(value = CompressionCodecName.class, names = {"UNCOMPRESSED", "SNAPPY", "GZIP", "ZSTD", "LZ4_RAW"})
  void corruptedPageBytesInALaterRowGroup(CompressionCodecName codec) throws IOException {
    Path file = write(codec, true);
    ColumnChunkMetaData chunk = chunk(file, 2, "str_opt");
    byte[] bytes = Files.readAllBytes(file);
    // Well past the dictionary page header, inside page bodies: the CRC or the codec must notice.
    int middle = (int) (chunk.getStartingPos() + chunk.getTotalSize() / 2);
    for (int i = 0; i < 16; i++) {
      bytes[middle + i] ^= 0x5A;
    }
    Files.write(file, bytes);
    assertFailure(file, allFields(), ErrorCode.CORRUPT_FILE, "str_opt");
  }

  @Test
  void garbagePageHeader() throws IOException {
    Path file = write(CompressionCodecName.SNAPPY, false);
    ColumnChunkMetaData chunk = chunk(file, 1, "long_opt");
    byte[] bytes = Files.readAllBytes(file);
    Arrays.fill(bytes, (int) chunk.getStartingPos(), (int) chunk.getStartingPos() + 12, (byte) 0xEE);
    Files.write(file, bytes);
    assertFailure(file, allFields(), ErrorCode.CORRUPT_FILE, "page header");
  }

  @Test
  void mismatchedTypesNameFileColumnAndBothTypes() throws IOException {
    Path file = write(CompressionCodecName.SNAPPY, true);
    assertFailure(file, List.of(field("str_opt", new ArrowType.Int(32, true))), ErrorCode.SCHEMA_MISMATCH,
        "str_opt");
    assertFailure(file, List.of(field("long_opt", new ArrowType.Int(32, true))), ErrorCode.SCHEMA_MISMATCH,
        "Int(32, true)");
    assertFailure(file, List.of(field("dec_int64", new ArrowType.Decimal(18, 2, 128))), ErrorCode.SCHEMA_MISMATCH,
        "lose digits");
    assertFailure(file, List.of(field("dec_int32", new ArrowType.Decimal(8, 2, 128))), ErrorCode.SCHEMA_MISMATCH,
        "lose digits");
    assertFailure(file, List.of(field("ts_millis", new ArrowType.Int(64, true))), ErrorCode.SCHEMA_MISMATCH,
        file.toString());
  }

  @Test
  void unsupportedCodecIsNamed() throws IOException {
    Path file = write(CompressionCodecName.BROTLI, true);
    assertFailure(file, allFields(), ErrorCode.NOT_SUPPORTED, "BROTLI");
  }

  @Test
  void nestedColumnsAreNotSupportedYet() throws IOException {
    Path file = directory.resolve("nested.parquet");
    ParquetTestFiles.duckDb("COPY (SELECT {'a': 1, 'b': 'x'} AS point, [1, 2] AS numbers) TO '" + file
        + "' (FORMAT PARQUET)");
    assertFailure(file, List.of(field("point", ArrowType.Utf8.INSTANCE)), ErrorCode.NOT_SUPPORTED,
        "nested column point");
    assertFailure(file, List.of(field("numbers", ArrowType.Utf8.INSTANCE)), ErrorCode.NOT_SUPPORTED,
        "nested column numbers");
  }

  private void assertFailure(Path file, List<Field> fields, ErrorCode code, String messagePart) {
    assertThatThrownBy(() -> {
      try (ParquetFileScan scan = ParquetFileScan.open(LocalFileSystem.INSTANCE, file.toString(), fields, allocator,
          500, new ScanStats("test"))) {
        for (List<FieldVector> batch = scan.next(); batch != null; batch = scan.next()) {
          batch.forEach(FieldVector::close);
        }
      }
    }).isInstanceOfSatisfying(TarnException.class, e -> {
      assertThat(e.code()).isEqualTo(code);
      assertThat(e.object()).isEqualTo(file.toString());
      assertThat(e.getMessage()).contains(messagePart);
    });
    assertThat(allocator.getAllocatedMemory()).isZero();
  }

  private Path write(CompressionCodecName codec, boolean dictionary) {
    Path file = directory.resolve(codec + "-" + dictionary + ".parquet");
    ParquetTestFiles.write(file, ParquetTestFiles.allTypes(), 6_000,
        new WriterOptions(codec, dictionary, WriterVersion.PARQUET_1_0, 1500, 400, false));
    return file;
  }

  private static ColumnChunkMetaData chunk(Path file, int rowGroup, String column) throws IOException {
    return dev.tarn.catalog.parquet.ParquetFooters.read(LocalFileSystem.INSTANCE, file.toString()).getBlocks()
        .get(rowGroup).getColumns().stream().filter(c -> c.getPath().toDotString().equals(column)).findFirst()
        .orElseThrow();
  }

  private static List<Field> allFields() {
    return ParquetTestFiles.allTypes().stream().map(TestColumn::field).toList();
  }

  private static Field field(String name, ArrowType type) {
    return new Field(name, FieldType.nullable(type), null);
  }
}
