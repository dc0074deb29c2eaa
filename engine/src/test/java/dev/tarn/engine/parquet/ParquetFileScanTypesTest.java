package dev.tarn.engine.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.catalog.fs.LocalFileSystem;
import dev.tarn.catalog.parquet.ParquetFooters;
import dev.tarn.engine.parquet.ParquetTestFiles.TestColumn;
import dev.tarn.engine.parquet.ParquetTestFiles.WriterOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every type, nullable and required, through every codec, plain and dictionary, v1 and v2 pages (parquet-java). */
class ParquetFileScanTypesTest {

  private static final int ROWS = 5_000;

  @TempDir Path directory;
  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close(); // fails the test if any buffer leaked
  }

  static Stream<Arguments> writerConfigurations() {
    List<Arguments> arguments = new ArrayList<>();
    for (CompressionCodecName codec : List.of(CompressionCodecName.UNCOMPRESSED, CompressionCodecName.SNAPPY,
        CompressionCodecName.GZIP, CompressionCodecName.ZSTD, CompressionCodecName.LZ4_RAW)) {
      for (boolean dictionary : new boolean[] {true, false}) {
        for (WriterVersion version : WriterVersion.values()) {
          arguments.add(Arguments.of(codec, dictionary, version));
        }
      }
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0} dictionary={1} {2}")
  @MethodSource("writerConfigurations")
  void readsEveryTypeAndValue(CompressionCodecName codec, boolean dictionary, WriterVersion version) {
    Path file = directory.resolve("types.parquet");
    List<TestColumn> columns = ParquetTestFiles.allTypes();
    ParquetTestFiles.write(file, columns, ROWS, new WriterOptions(codec, dictionary, version, 1500, 400, false));

    List<Integer> batches = ScanAssertions.assertReadsExpected(file, columns, ROWS, 1000, allocator);

    // The configuration really exercised the encodings it is meant to.
    Set<Encoding> encodings = encodingsOf(file);
    if (dictionary) {
      assertThat(encodings).containsAnyOf(Encoding.PLAIN_DICTIONARY, Encoding.RLE_DICTIONARY);
    } else if (version == WriterVersion.PARQUET_2_0) {
      assertThat(encodings).contains(Encoding.DELTA_BINARY_PACKED, Encoding.DELTA_BYTE_ARRAY, Encoding.RLE);
    } else {
      assertThat(encodings).contains(Encoding.PLAIN).doesNotContain(Encoding.RLE_DICTIONARY);
    }

    // Row groups of 1500 rows, batches of at most 1000 that never span a row group.
    assertThat(batches).containsExactly(1000, 500, 1000, 500, 1000, 500, 500);
  }

  @Test
  void readsByteStreamSplitFloatsAndDoubles() {
    Path file = directory.resolve("split.parquet");
    List<TestColumn> columns = ParquetTestFiles.allTypes().stream()
        .filter(c -> c.name().startsWith("float") || c.name().startsWith("double")).toList();
    ParquetTestFiles.write(file, columns, ROWS,
        new WriterOptions(CompressionCodecName.ZSTD, false, WriterVersion.PARQUET_1_0, 2000, 300, true));

    assertThat(ScanAssertions.assertReadsExpected(file, columns, ROWS, 4096, allocator))
        .containsExactly(2000, 2000, 1000);
    assertThat(encodingsOf(file)).contains(Encoding.BYTE_STREAM_SPLIT);
  }

  @Test
  void widensIntegersFloatsAndDecimalScales() {
    Path file = directory.resolve("widen.parquet");
    List<TestColumn> all = ParquetTestFiles.allTypes();
    ParquetTestFiles.write(file, all, ROWS, WriterOptions.defaults());
    TestColumn tiny = find(all, "tiny_opt");
    TestColumn small = find(all, "small_opt");
    TestColumn integer = find(all, "int_opt");
    TestColumn floating = find(all, "float_opt");
    TestColumn decimal32 = find(all, "dec_int32");
    TestColumn decimal64 = find(all, "dec_int64");
    TestColumn decimalFixed = find(all, "dec_fixed");
    TestColumn decimalBinary = find(all, "dec_binary");
    TestColumn timestamp = find(all, "ts_micros");

    List<TestColumn> widened = List.of(
        tiny.readAs(new ArrowType.Int(16, true), tiny.expected()),
        small.readAs(new ArrowType.Int(32, true), small.expected()),
        integer.readAs(new ArrowType.Int(64, true), integer.expected()),
        floating.readAs(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE),
            row -> floating.expected().apply(row) == null ? null : (double) (Float) floating.expected().apply(row)),
        decimal32.readAs(new ArrowType.Decimal(38, 20, 128), rescaled(decimal32, 20)),
        decimal64.readAs(new ArrowType.Decimal(20, 6, 128), rescaled(decimal64, 6)),
        decimalFixed.readAs(new ArrowType.Decimal(38, 8, 128), rescaled(decimalFixed, 8)),
        decimalBinary.readAs(new ArrowType.Decimal(38, 10, 128), decimalBinary.expected()),
        timestamp.readAs(new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"), timestamp.expected()));

    ScanAssertions.assertReadsExpected(file, widened, ROWS, 1024, allocator);
  }

  @Test
  void readsNegativeDecimalsOfEveryPhysicalType() {
    Path file = directory.resolve("negative.parquet");
    List<TestColumn> decimals = ParquetTestFiles.allTypes().stream().filter(c -> c.name().startsWith("dec_"))
        .map(c -> c.readAs(c.arrowType(), row -> {
          BigDecimal value = (BigDecimal) c.expected().apply(row);
          return value == null || value.signum() < 0 ? value : value.negate();
        })).toList();
    ParquetTestFiles.write(file, decimals, 2000, WriterOptions.defaults());

    ScanAssertions.assertReadsExpected(file, decimals, 2000, 512, allocator);
  }

  static Set<Encoding> encodingsOf(Path file) {
    try {
      return ParquetFooters.read(LocalFileSystem.INSTANCE, file.toString()).getBlocks().stream()
          .flatMap(block -> block.getColumns().stream()).flatMap(chunk -> chunk.getEncodings().stream())
          .collect(Collectors.toSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static java.util.function.IntFunction<Object> rescaled(TestColumn column, int scale) {
    return row -> {
      BigDecimal value = (BigDecimal) column.expected().apply(row);
      return value == null ? null : value.setScale(scale);
    };
  }

  private static TestColumn find(List<TestColumn> columns, String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }
}
