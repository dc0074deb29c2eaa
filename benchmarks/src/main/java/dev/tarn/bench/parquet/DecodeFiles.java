package dev.tarn.bench.parquet;

import com.github.luben.zstd.Zstd;
import dev.tarn.bench.exec.BenchColumns;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.LongFunction;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.xerial.snappy.Snappy;

/**
 * The one-column Parquet files of {@link ParquetDecodeBenchmark}, written with parquet-java without Hadoop (own
 * codec factory, {@link PlainParquetConfiguration}, {@link LocalOutputFile}), as the engine tests write theirs.
 * Each {@link Case} fixes the column's type and the writer settings that make parquet-java choose one data-page
 * encoding; the benchmark checks the file really uses it.
 */
final class DecodeFiles {

  /** Distinct values of the dictionary-encoded columns (small enough that no page falls back to PLAIN). */
  static final int DICTIONARY_SIZE = 4096;

  /** A column to decode: its type, the encoding its data pages must have, and how to write it so. */
  enum Case {
    INT64_PLAIN(PrimitiveTypeName.INT64, Encoding.PLAIN, WriterVersion.PARQUET_1_0, false, false),
    INT64_DICTIONARY(PrimitiveTypeName.INT64, Encoding.RLE_DICTIONARY, WriterVersion.PARQUET_2_0, true, false),
    INT64_DELTA(PrimitiveTypeName.INT64, Encoding.DELTA_BINARY_PACKED, WriterVersion.PARQUET_2_0, false, false),
    DOUBLE_PLAIN(PrimitiveTypeName.DOUBLE, Encoding.PLAIN, WriterVersion.PARQUET_1_0, false, false),
    DOUBLE_DICTIONARY(PrimitiveTypeName.DOUBLE, Encoding.RLE_DICTIONARY, WriterVersion.PARQUET_2_0, true, false),
    DOUBLE_BYTE_STREAM_SPLIT(PrimitiveTypeName.DOUBLE, Encoding.BYTE_STREAM_SPLIT, WriterVersion.PARQUET_1_0, false,
        true),
    STRING_PLAIN(PrimitiveTypeName.BINARY, Encoding.PLAIN, WriterVersion.PARQUET_1_0, false, false),
    STRING_DICTIONARY(PrimitiveTypeName.BINARY, Encoding.RLE_DICTIONARY, WriterVersion.PARQUET_2_0, true, false),
    STRING_DELTA(PrimitiveTypeName.BINARY, Encoding.DELTA_BYTE_ARRAY, WriterVersion.PARQUET_2_0, false, false);

    final PrimitiveTypeName type;
    final Encoding encoding;
    final WriterVersion version;
    final boolean dictionary;
    final boolean byteStreamSplit;

    Case(PrimitiveTypeName type, Encoding encoding, WriterVersion version, boolean dictionary,
        boolean byteStreamSplit) {
      this.type = type;
      this.encoding = encoding;
      this.version = version;
      this.dictionary = dictionary;
      this.byteStreamSplit = byteStreamSplit;
    }

    /** The Arrow type Tarn reads the column as. */
    ArrowType arrowType() {
      return switch (type) {
        case INT64 -> BenchColumns.BIGINT;
        case DOUBLE -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
        default -> BenchColumns.VARCHAR;
      };
    }

    /**
     * Row {@code row}'s value: increasing keys (BIGINT, as l_orderkey), prices with cents (DOUBLE), two to five
     * words (VARCHAR, as comments); dictionary cases draw from {@value #DICTIONARY_SIZE} distinct values.
     */
    Object value(long row) {
      long draw = dictionary ? BenchColumns.uniform(row, 1, DICTIONARY_SIZE) : -1;
      return switch (type) {
        case INT64 -> dictionary ? draw * 7919 : row * 4 + BenchColumns.uniform(row, 1, 4);
        case DOUBLE -> dictionary ? draw / 4.0 : BenchColumns.uniform(row, 1, 10_000_000) / 100.0;
        default -> BenchColumns.words(dictionary ? draw : BenchColumns.mix(row, 1));
      };
    }
  }

  private DecodeFiles() {}

  /** Writes {@code rowCount} rows of {@code column} ({@code nullPercent}% of them null) into {@code file}. */
  static void write(Path file, Case column, long rowCount, int nullPercent, CompressionCodecName codec)
      throws IOException {
    MessageType schema = Types.buildMessage().addField(column.type == PrimitiveTypeName.BINARY
        ? Types.optional(column.type).as(LogicalTypeAnnotation.stringType()).named("v")
        : Types.optional(column.type).named("v")).named("decode");
    LongFunction<Object> values = row -> BenchColumns.uniform(row, 99, 100) < nullPercent ? null : column.value(row);
    try (ParquetWriter<Long> writer = new Builder(new LocalOutputFile(file), schema, values)
        .withConf(new PlainParquetConfiguration())
        .withCodecFactory(new Codecs())
        .withCompressionCodec(codec)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .withWriterVersion(column.version)
        .withDictionaryEncoding(column.dictionary)
        .withByteStreamSplitEncoding(column.byteStreamSplit)
        .build()) {
      for (long row = 0; row < rowCount; row++) {
        writer.write(row);
      }
    }
  }

  /** Writes row numbers as the column's value at that row. */
  private static final class RowWriteSupport extends WriteSupport<Long> {
    private final MessageType schema;
    private final LongFunction<Object> values;
    private RecordConsumer consumer;

    RowWriteSupport(MessageType schema, LongFunction<Object> values) {
      this.schema = schema;
      this.values = values;
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
      return new WriteContext(schema, Map.of("writer", "tarn-decode-bench"));
    }

    @Override
    public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
      return new WriteContext(schema, Map.of("writer", "tarn-decode-bench"));
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.consumer = recordConsumer;
    }

    @Override
    public void write(Long row) {
      Object value = values.apply(row);
      consumer.startMessage();
      if (value != null) {
        consumer.startField("v", 0);
        if (value instanceof Long number) {
          consumer.addLong(number);
        } else if (value instanceof Double number) {
          consumer.addDouble(number);
        } else {
          consumer.addBinary(Binary.fromString((String) value));
        }
        consumer.endField("v", 0);
      }
      consumer.endMessage();
    }
  }

  /** Page compression on snappy-java and zstd-jni: parquet-java's own CodecFactory needs Hadoop's codecs. */
  private static final class Codecs implements CompressionCodecFactory {
    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
      return new BytesInputCompressor() {
        @Override
        public BytesInput compress(BytesInput input) throws IOException {
          return switch (codec) {
            case UNCOMPRESSED -> input;
            case SNAPPY -> BytesInput.from(Snappy.compress(input.toByteArray()));
            case ZSTD -> BytesInput.from(Zstd.compress(input.toByteArray(), 3));
            default -> throw new IOException("the decode benchmark writes UNCOMPRESSED, SNAPPY or ZSTD, not " + codec);
          };
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
      throw new UnsupportedOperationException("files are read with Tarn's reader");
    }

    @Override
    public void release() {}
  }

  private static final class Builder extends ParquetWriter.Builder<Long, Builder> {
    private final MessageType schema;
    private final LongFunction<Object> values;

    Builder(OutputFile file, MessageType schema, LongFunction<Object> values) {
      super(file);
      this.schema = schema;
      this.values = values;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Long> getWriteSupport(ParquetConfiguration configuration) {
      return new RowWriteSupport(schema, values);
    }

    @Override
    protected WriteSupport<Long> getWriteSupport(org.apache.hadoop.conf.Configuration configuration) {
      return new RowWriteSupport(schema, values);
    }
  }
}
