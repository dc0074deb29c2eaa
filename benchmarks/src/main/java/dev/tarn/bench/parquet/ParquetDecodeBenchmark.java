package dev.tarn.bench.parquet;

import dev.tarn.bench.exec.BenchColumns;
import dev.tarn.catalog.fs.LocalFileSystem;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.ScanStats;
import dev.tarn.engine.parquet.ParquetFileScan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.parquet.column.EncodingStats;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parquet decoding per encoding: Tarn's {@link ParquetFileScan} reads one optional column of 2^20 rows (one row
 * group, parquet-java's default 1 MB pages, uncompressed unless {@code -p codec=SNAPPY|ZSTD}) into Arrow batches of
 * 8192, single thread, from a file in the page cache. Columns: BIGINT, DOUBLE and VARCHAR, each PLAIN,
 * dictionary (RLE_DICTIONARY, 4096 distinct values) and the type's other encoding: DELTA_BINARY_PACKED,
 * BYTE_STREAM_SPLIT, DELTA_BYTE_ARRAY (parquet-java's writer offers BYTE_STREAM_SPLIT for floating point only).
 * The file is written in the trial's setup, which checks that its data pages use the intended encoding.
 *
 * <p>Scores: files/s, {@code :megabytes} = MB/s of Arrow data produced (value buffers plus VARCHAR offsets, not
 * validity bitmaps; 1 MB = 10^6 bytes) and {@code :rows} = rows/s. Run:
 * {@code java -jar benchmarks/target/tarn-benchmarks.jar ParquetDecodeBenchmark} (one case:
 * {@code -p column=STRING_DICTIONARY}; with nulls: {@code -p nullPercent=10}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false"})
public class ParquetDecodeBenchmark {

  static final int ROWS = 1 << 20;

  @Param({"INT64_PLAIN", "INT64_DICTIONARY", "INT64_DELTA", "DOUBLE_PLAIN", "DOUBLE_DICTIONARY",
      "DOUBLE_BYTE_STREAM_SPLIT", "STRING_PLAIN", "STRING_DICTIONARY", "STRING_DELTA"})
  public String column;

  @Param({"UNCOMPRESSED"})
  public String codec;

  @Param({"0"})
  public int nullPercent;

  private Path directory;
  private String location;
  private List<Field> fields;
  private BufferAllocator allocator;
  private double megabytesPerFile;

  /** Rows and Arrow megabytes decoded: JMH reports both per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Decoded {
    public long rows;
    public double megabytes;

    @Setup(Level.Iteration)
    public void reset() {
      rows = 0;
      megabytes = 0;
    }
  }

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    DecodeFiles.Case decodeCase = DecodeFiles.Case.valueOf(column.toUpperCase(Locale.ROOT));
    directory = Files.createTempDirectory("tarn-decode-bench");
    Path file = directory.resolve(decodeCase.name().toLowerCase(Locale.ROOT) + ".parquet");
    DecodeFiles.write(file, decodeCase, ROWS, nullPercent, CompressionCodecName.valueOf(codec));
    location = file.toString();
    fields = List.of(BenchColumns.field("v", decodeCase.arrowType()));
    allocator = new RootAllocator();
    long bytes = 0;
    try (ParquetFileScan scan = open()) {
      checkEncoding(scan, decodeCase);
      for (List<FieldVector> batch = scan.next(); batch != null; batch = scan.next()) {
        bytes += arrowBytes(batch.get(0));
        batch.forEach(FieldVector::close);
      }
    }
    megabytesPerFile = bytes / 1e6;
    System.out.printf(Locale.ROOT, "%n%s: %,d rows, %.1f MB of Parquet, %.1f MB of Arrow data%n", decodeCase,
        ROWS, Files.size(file) / 1e6, megabytesPerFile);
  }

  private ParquetFileScan open() {
    return ParquetFileScan.open(LocalFileSystem.INSTANCE, location, fields, allocator,
        ExecutionContext.DEFAULT_BATCH_SIZE, new ScanStats("decode"));
  }

  /** Fails unless every data page of the column has the case's encoding. */
  private static void checkEncoding(ParquetFileScan scan, DecodeFiles.Case decodeCase) {
    for (var block : scan.footer().getBlocks()) {
      ColumnChunkMetaData chunk = block.getColumns().get(0);
      EncodingStats stats = chunk.getEncodingStats();
      if (stats == null || !stats.getDataEncodings().equals(Set.of(decodeCase.encoding))) {
        throw new IllegalStateException(decodeCase + " should have only " + decodeCase.encoding
            + " data pages, but has " + (stats == null ? chunk.getEncodings() : stats.getDataEncodings()));
      }
    }
  }

  /** The bytes of values (and offsets) in {@code vector}. */
  private static long arrowBytes(FieldVector vector) {
    int count = vector.getValueCount();
    if (vector instanceof BaseVariableWidthVector variable) {
      return (count + 1L) * BaseVariableWidthVector.OFFSET_WIDTH + variable.getOffsetBuffer()
          .getInt((long) count * BaseVariableWidthVector.OFFSET_WIDTH);
    }
    return (long) count * ((BaseFixedWidthVector) vector).getTypeWidth();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    allocator.close();
    Files.deleteIfExists(Path.of(location));
    Files.deleteIfExists(directory);
  }

  /** Decodes the whole file into Arrow batches, closing each. */
  @Benchmark
  public long decode(Decoded decoded) {
    long rows = 0;
    try (ParquetFileScan scan = open()) {
      for (List<FieldVector> batch = scan.next(); batch != null; batch = scan.next()) {
        rows += batch.get(0).getValueCount();
        batch.forEach(FieldVector::close);
      }
    }
    decoded.rows += rows;
    decoded.megabytes += megabytesPerFile;
    return rows;
  }
}
