package dev.tarn.engine.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.Zstd;
import dev.tarn.catalog.fs.FileSystem;
import dev.tarn.catalog.fs.LocalFileSystem;
import dev.tarn.catalog.parquet.ParquetFooters;
import io.airlift.compress.lz4.Lz4Compressor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import java.util.zip.GZIPOutputStream;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.format.OffsetIndex;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;
import org.xerial.snappy.Snappy;

/** Writes Parquet test files with known values (parquet-java without Hadoop, or DuckDB) and reads Arrow values back. */
final class ParquetTestFiles {

  static final ArrowType TIMESTAMP_MICROS = new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private ParquetTestFiles() {}

  /** How parquet-java writes a file: codec, dictionary on/off, page version, and row group / page sizes in rows. */
  record WriterOptions(CompressionCodecName codec, boolean dictionary, WriterVersion version, int rowGroupRows,
      int pageRows, boolean byteStreamSplit) {
    static WriterOptions defaults() {
      return new WriterOptions(CompressionCodecName.SNAPPY, true, WriterVersion.PARQUET_1_0, 1500, 400, false);
    }
  }

  /** A generated column: its Parquet type, the table type to read it as, its value at each row, and how to write it. */
  record TestColumn(PrimitiveType parquetType, String requestedName, ArrowType arrowType,
      IntFunction<Object> expected, BiConsumer<Group, Object> writer) {
    String name() {
      return parquetType.getName();
    }

    Field field() {
      return new Field(requestedName, FieldType.nullable(arrowType), null);
    }

    TestColumn readAs(ArrowType otherType, IntFunction<Object> otherExpected) {
      return new TestColumn(parquetType, requestedName, otherType, otherExpected, writer);
    }

    /** The same file column requested under another name (a different case, or a column the file lacks). */
    TestColumn requestedAs(String otherName, ArrowType otherType, IntFunction<Object> otherExpected) {
      return new TestColumn(parquetType, otherName, otherType, otherExpected, writer);
    }
  }

  /** The deterministic pseudo-random value behind row {@code row} of column {@code seed} (SplitMix64). */
  static long mix(long row, long seed) {
    long z = row * 0x9E3779B97F4A7C15L + seed * 0xBF58476D1CE4E5B9L + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Roughly one row in ten of an optional column is null. */
  static boolean isNull(int row, int seed) {
    return Math.floorMod(mix(row, seed + 1000), 10) == 0;
  }

  /** Every supported physical/logical type, optional with ~10% nulls unless named {@code *_req}. */
  static List<TestColumn> allTypes() {
    List<TestColumn> columns = new ArrayList<>();
    columns.add(column(Types.optional(PrimitiveTypeName.BOOLEAN).named("bool_opt"), ArrowType.Bool.INSTANCE, 1,
        row -> mix(row, 1) % 3 == 0, (g, n, v) -> g.add(n, (Boolean) v)));
    columns.add(column(Types.required(PrimitiveTypeName.BOOLEAN).named("bool_req"), ArrowType.Bool.INSTANCE, 2,
        row -> (row & 4) != 0, (g, n, v) -> g.add(n, (Boolean) v)));
    columns.add(column(Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(8, true))
        .named("tiny_opt"), new ArrowType.Int(8, true), 3, row -> (long) (byte) mix(row, 3), ParquetTestFiles::addInt));
    columns.add(column(Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(16, true))
        .named("small_opt"), new ArrowType.Int(16, true), 4, row -> (long) (short) mix(row, 4),
        ParquetTestFiles::addInt));
    columns.add(column(Types.optional(PrimitiveTypeName.INT32).named("int_opt"), new ArrowType.Int(32, true), 5,
        row -> (long) extremeInt(row), ParquetTestFiles::addInt));
    columns.add(column(Types.required(PrimitiveTypeName.INT32).named("int_req"), new ArrowType.Int(32, true), 6,
        row -> (long) (row % 100 - 50), ParquetTestFiles::addInt));
    columns.add(column(Types.optional(PrimitiveTypeName.INT64).named("long_opt"), new ArrowType.Int(64, true), 7,
        row -> row % 89 == 0 ? Long.MIN_VALUE : mix(row, 7), (g, n, v) -> g.add(n, (Long) v)));
    columns.add(column(Types.required(PrimitiveTypeName.INT64).named("long_req"), new ArrowType.Int(64, true), 8,
        row -> (long) row * 1_000_000_007L, (g, n, v) -> g.add(n, (Long) v)));
    columns.add(column(Types.optional(PrimitiveTypeName.FLOAT).named("float_opt"),
        new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), 9, row -> (float) (mix(row, 9) % 100_000) / 7f,
        (g, n, v) -> g.add(n, (Float) v)));
    columns.add(column(Types.optional(PrimitiveTypeName.DOUBLE).named("double_opt"),
        new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), 10, row -> (double) mix(row, 10) / 3.0,
        (g, n, v) -> g.add(n, (Double) v)));
    columns.add(column(Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named("date_opt"),
        new ArrowType.Date(DateUnit.DAY), 11, row -> (long) (Math.floorMod(mix(row, 11), 60_000) - 30_000),
        ParquetTestFiles::addInt));
    long someMillis = 1_700_000_000_000L;
    columns.add(column(timestamp("ts_millis", LogicalTypeAnnotation.TimeUnit.MILLIS), TIMESTAMP_MICROS, 12,
        row -> (someMillis - mix(row, 12) % 100_000_000_000L) * 1000, (g, n, v) -> g.add(n, (Long) v / 1000)));
    columns.add(column(timestamp("ts_micros", LogicalTypeAnnotation.TimeUnit.MICROS), TIMESTAMP_MICROS, 13,
        row -> someMillis * 1000 - mix(row, 13) % 100_000_000_000_000L, (g, n, v) -> g.add(n, (Long) v)));
    columns.add(column(timestamp("ts_nanos", LogicalTypeAnnotation.TimeUnit.NANOS), TIMESTAMP_MICROS, 14,
        row -> someMillis * 1000 - mix(row, 14) % 100_000_000_000_000L, (g, n, v) -> g.add(n, (Long) v * 1000)));
    columns.add(column(Types.optional(PrimitiveTypeName.INT96).named("ts_int96"), TIMESTAMP_MICROS, 15,
        row -> someMillis * 1000 - mix(row, 15) % 4_000_000_000_000_000L, (g, n, v) -> g.add(n, int96((Long) v))));
    columns.add(column(decimalType(PrimitiveTypeName.INT32, 0, 9, 2, "dec_int32"), new ArrowType.Decimal(9, 2, 128),
        16, row -> BigDecimal.valueOf(mix(row, 16) % 1_000_000_000L, 2), (g, n, v) -> g.add(n,
            ((BigDecimal) v).unscaledValue().intValueExact())));
    columns.add(column(decimalType(PrimitiveTypeName.INT64, 0, 18, 4, "dec_int64"),
        new ArrowType.Decimal(18, 4, 128), 17, row -> BigDecimal.valueOf(mix(row, 17) % 1_000_000_000_000_000_000L, 4),
        (g, n, v) -> g.add(n, ((BigDecimal) v).unscaledValue().longValueExact())));
    columns.add(column(decimalType(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, 13, 30, 6, "dec_fixed"),
        new ArrowType.Decimal(30, 6, 128), 18, row -> new BigDecimal(bigUnscaled(row, 18, 30), 6),
        (g, n, v) -> g.add(n, Binary.fromConstantByteArray(bigEndian(((BigDecimal) v).unscaledValue(), 13)))));
    columns.add(column(decimalType(PrimitiveTypeName.BINARY, 0, 38, 10, "dec_binary"),
        new ArrowType.Decimal(38, 10, 128), 19, row -> new BigDecimal(bigUnscaled(row, 19, 38), 10),
        (g, n, v) -> g.add(n, Binary.fromConstantByteArray(((BigDecimal) v).unscaledValue().toByteArray()))));
    columns.add(column(Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
        .named("str_opt"), ArrowType.Utf8.INSTANCE, 20, ParquetTestFiles::text, ParquetTestFiles::addString));
    columns.add(column(Types.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
        .named("str_req"), ArrowType.Utf8.INSTANCE, 21, row -> "city_" + row % 37, ParquetTestFiles::addString));
    columns.add(column(Types.optional(PrimitiveTypeName.BINARY).named("bin_opt"), ArrowType.Binary.INSTANCE, 22,
        row -> HexFormat.of().formatHex(ByteBuffer.allocate(8).putLong(mix(row, 22)).array(), 0, row % 9),
        (g, n, v) -> g.add(n, Binary.fromConstantByteArray(HexFormat.of().parseHex((String) v)))));
    columns.add(column(Types.optional(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY).length(16).named("fixed_bin"),
        ArrowType.Binary.INSTANCE, 23, row -> HexFormat.of().formatHex(ByteBuffer.allocate(16).putLong(mix(row, 23))
            .putLong(row).array()),
        (g, n, v) -> g.add(n, Binary.fromConstantByteArray(HexFormat.of().parseHex((String) v)))));
    return columns;
  }

  interface GroupWriter {
    void add(Group group, String name, Object value);
  }

  private static TestColumn column(PrimitiveType type, ArrowType arrowType, int seed, IntFunction<Object> value,
      GroupWriter writer) {
    boolean optional = type.getRepetition() == Repetition.OPTIONAL;
    return new TestColumn(type, type.getName(), arrowType, row -> optional && isNull(row, seed) ? null : value.apply(row),
        (group, v) -> writer.add(group, type.getName(), v));
  }

  private static int extremeInt(int row) {
    return row % 97 == 0 ? Integer.MIN_VALUE : row % 97 == 1 ? Integer.MAX_VALUE : (int) mix(row, 5);
  }

  private static String text(int row) {
    String[] pieces = {"", "a", "Tarn", "größe", "湖", "🙂", "lake-" + row};
    return pieces[row % pieces.length] + (row % 3 == 0 ? "" : Long.toString(mix(row, 20), 36));
  }

  private static BigInteger bigUnscaled(int row, int seed, int precision) {
    BigInteger value = BigInteger.valueOf(mix(row, seed)).multiply(BigInteger.valueOf(mix(row, seed + 50)))
        .multiply(BigInteger.valueOf(mix(row, seed + 60) >>> 20));
    return value.mod(BigInteger.TEN.pow(precision)).subtract(row % 2 == 0 ? BigInteger.TEN.pow(precision - 1)
        : BigInteger.ZERO);
  }

  private static PrimitiveType timestamp(String name, LogicalTypeAnnotation.TimeUnit unit) {
    return Types.optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.timestampType(true, unit)).named(name);
  }

  private static PrimitiveType decimalType(PrimitiveTypeName physical, int length, int precision, int scale,
      String name) {
    Types.PrimitiveBuilder<PrimitiveType> builder = Types.optional(physical);
    if (length > 0) {
      builder = builder.length(length);
    }
    return builder.as(LogicalTypeAnnotation.decimalType(scale, precision)).named(name);
  }

  private static void addInt(Group group, String name, Object value) {
    group.add(name, (int) (long) (Long) value);
  }

  private static void addString(Group group, String name, Object value) {
    group.add(name, Binary.fromString((String) value));
  }

  /** INT96 bytes for a timestamp in micros: nanos of day (8 bytes), then the Julian day (4 bytes), little-endian. */
  static Binary int96(long micros) {
    long day = Math.floorDiv(micros, MICROS_PER_DAY);
    long nanosOfDay = Math.floorMod(micros, MICROS_PER_DAY) * 1000;
    ByteBuffer bytes = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    bytes.putLong(nanosOfDay).putInt((int) (day + 2_440_588));
    return Binary.fromConstantByteArray(bytes.array());
  }

  /** {@code value} as {@code length} big-endian two's complement bytes. */
  static byte[] bigEndian(BigInteger value, int length) {
    byte[] minimal = value.toByteArray();
    byte[] bytes = new byte[length];
    java.util.Arrays.fill(bytes, 0, length - minimal.length, (byte) (value.signum() < 0 ? -1 : 0));
    System.arraycopy(minimal, 0, bytes, length - minimal.length, minimal.length);
    return bytes;
  }

  /** Writes {@code rowCount} rows of {@code columns} with parquet-java's example writer and Tarn's test codecs. */
  static void write(Path path, List<TestColumn> columns, int rowCount, WriterOptions options) {
    MessageType schema = new MessageType("test", columns.stream().map(c -> (org.apache.parquet.schema.Type)
        c.parquetType()).toList());
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(path))
        .withConf(new PlainParquetConfiguration())
        .withType(schema)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .withCodecFactory(new TestCodecs())
        .withCompressionCodec(options.codec())
        .withDictionaryEncoding(options.dictionary())
        .withWriterVersion(options.version())
        .withRowGroupRowCountLimit(options.rowGroupRows())
        .withPageRowCountLimit(options.pageRows())
        .withByteStreamSplitEncoding(options.byteStreamSplit())
        .build()) {
      for (int row = 0; row < rowCount; row++) {
        Group group = groups.newGroup();
        for (TestColumn column : columns) {
          Object value = column.expected().apply(row);
          if (value != null) {
            column.writer().accept(group, value);
          }
        }
        writer.write(group);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs statements in a fresh in-memory DuckDB, one Statement each (DuckDB closes a Statement after an error). */
  static void duckDb(String... statements) {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
      for (String sql : statements) {
        try (Statement statement = connection.createStatement()) {
          statement.execute(sql);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The value at {@code row} in the same form as {@link TestColumn#expected()}: Long, Float, Double, BigDecimal, String, hex. */
  static Object value(FieldVector vector, int row) {
    if (vector.isNull(row)) {
      return null;
    }
    if (vector instanceof BitVector bits) {
      return bits.get(row) != 0;
    }
    if (vector instanceof Float4Vector || vector instanceof Float8Vector || vector instanceof DecimalVector) {
      return vector.getObject(row);
    }
    if (vector instanceof VarCharVector strings) {
      return new String(strings.get(row), StandardCharsets.UTF_8);
    }
    if (vector instanceof org.apache.arrow.vector.VarBinaryVector binaries) {
      return HexFormat.of().formatHex(binaries.get(row));
    }
    if (vector instanceof org.apache.arrow.vector.BaseFixedWidthVector fixed) {
      // Integers, dates and timestamps: read the raw little-endian value, sign-extended to a long.
      int width = fixed.getTypeWidth();
      return switch (width) {
        case 1 -> (long) fixed.getDataBuffer().getByte(row);
        case 2 -> (long) fixed.getDataBuffer().getShort(row * 2L);
        case 4 -> (long) fixed.getDataBuffer().getInt(row * 4L);
        default -> fixed.getDataBuffer().getLong(row * 8L);
      };
    }
    throw new IllegalArgumentException("no test extraction for " + vector.getField());
  }

  /** Compressors for the writer built on the same libraries as the reader; BROTLI is a mislabelled copy. */
  static final class TestCodecs implements CompressionCodecFactory {
    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
      return new BytesInputCompressor() {
        @Override
        public BytesInput compress(BytesInput input) throws IOException {
          byte[] bytes = input.toByteArray();
          return BytesInput.from(switch (codec) {
            case UNCOMPRESSED, BROTLI -> bytes;
            case SNAPPY -> Snappy.compress(bytes);
            case ZSTD -> Zstd.compress(bytes, 3);
            case GZIP -> gzip(bytes);
            case LZ4_RAW -> lz4(bytes);
            default -> throw new IOException("no test compressor for " + codec);
          });
        }

        @Override
        public CompressionCodecName getCodecName() {
          return codec;
        }

        @Override
        public void release() {}
      };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
      throw new UnsupportedOperationException("tests read with Tarn's reader");
    }

    @Override
    public void release() {}

    private static byte[] gzip(byte[] bytes) throws IOException {
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      try (GZIPOutputStream gzip = new GZIPOutputStream(output)) {
        gzip.write(bytes);
      }
      return output.toByteArray();
    }

    private static byte[] lz4(byte[] bytes) {
      Lz4Compressor compressor = new Lz4Compressor();
      byte[] output = new byte[compressor.maxCompressedLength(bytes.length)];
      int length = compressor.compress(bytes, 0, bytes.length, output, 0, output.length);
      return java.util.Arrays.copyOf(output, length);
    }
  }

  /** The offset index of each of {@code fields}' columns in the only row group of {@code file}. */
  static List<OffsetIndex> offsetIndexes(Path file, List<Field> fields, long rows) {
    try (FileSystem.InputFile input = LocalFileSystem.INSTANCE.open(file.toString())) {
      ParquetMetadata footer = ParquetFooters.read(input);
      assertThat(footer.getBlocks()).hasSize(1);
      MessageType schema = footer.getFileMetaData().getSchema();
      BlockMetaData block = footer.getBlocks().get(0);
      ColumnDescriptor[] descriptors = fields.stream()
          .map(f -> schema.getColumnDescription(new String[] {f.getName()}))
          .toArray(ColumnDescriptor[]::new);
      PageIndexSelector selector = new PageIndexSelector(input, descriptors, Map.of());
      List<OffsetIndex> offsets = new ArrayList<>();
      for (ColumnDescriptor descriptor : descriptors) {
        offsets.add(selector.offsetIndex(RowGroupPruner.chunk(block, descriptor), rows));
      }
      return offsets;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
