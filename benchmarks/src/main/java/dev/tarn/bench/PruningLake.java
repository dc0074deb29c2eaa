package dev.tarn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.parquet.bytes.BytesInput;
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
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.xerial.snappy.Snappy;

/**
 * The pruning benchmark's lake: table {@code events} in 60 daily Hive partitions ({@code dt=2024-01-01} ..
 * {@code dt=2024-02-29}), one Snappy-compressed Parquet file per day sorted by {@code event_id}, which increases through
 * the days. Row groups (~1 MB) and pages (at most 4,096 rows) are small so statistics, column indexes and offset
 * indexes can prune. Written with parquet-java without Hadoop; generated once into {@code <dir>/events} (a
 * {@code _COMPLETE} marker makes it idempotent) and reused.
 */
public final class PruningLake {

  public static final int DAYS = 60;
  public static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
  private static final String[] COUNTRIES = {"de", "fr", "us", "jp", "br", "in", "ng", "au", "ca", "mx"};
  private static final MessageType SCHEMA = MessageTypeParser.parseMessageType("message events {"
      + " required int64 event_id; required int64 user_id;"
      + " required int64 amount (DECIMAL(12,2)); required binary country (STRING);"
      + " required binary payload (STRING); required int64 ts (TIMESTAMP(MICROS,false)); }");

  private PruningLake() {}

  /** The table DDL for a lake generated under {@code directory}. */
  public static String ddl(Path directory) {
    return "CREATE EXTERNAL TABLE events (event_id BIGINT, user_id BIGINT, amount DECIMAL(12,2), country STRING,"
        + " payload STRING, ts TIMESTAMP) PARTITIONED BY (dt DATE) STORED AS PARQUET LOCATION 'file://"
        + directory.resolve("events").toAbsolutePath() + "/'";
  }

  /** Writes the lake under {@code directory} unless it is already complete; returns {@code directory}. */
  public static Path generate(Path directory, int rowsPerDay) throws IOException {
    Path table = directory.resolve("events");
    if (Files.exists(table.resolve("_COMPLETE"))) {
      return directory;
    }
    for (int day = 0; day < DAYS; day++) {
      Path partition = Files.createDirectories(table.resolve("dt=" + FIRST_DAY.plusDays(day)));
      long firstId = (long) day * rowsPerDay;
      try (ParquetWriter<Long> writer = new Builder(new LocalOutputFile(partition.resolve("part-0.parquet")), rowsPerDay)
          .withConf(new PlainParquetConfiguration())
          .withCodecFactory(new SnappyCompression())
          .withCompressionCodec(CompressionCodecName.SNAPPY)
          .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
          .withRowGroupSize(1L << 20)
          .withPageSize(64 << 10)
          .withPageRowCountLimit(4096)
          .withDictionaryEncoding(false)
          .build()) {
        for (int row = 0; row < rowsPerDay; row++) {
          writer.write(firstId + row);
        }
      }
      if (day == 0) {
        System.err.println("PruningLake: writing " + DAYS + " days of " + rowsPerDay + " rows into " + table);
      }
    }
    Files.createFile(table.resolve("_COMPLETE"));
    return directory;
  }

  /** One row per event id; every other column is a deterministic function of it. */
  private static final class EventWriteSupport extends WriteSupport<Long> {
    private final int rowsPerDay;
    private RecordConsumer consumer;

    EventWriteSupport(int rowsPerDay) {
      this.rowsPerDay = rowsPerDay;
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
      return new WriteContext(SCHEMA, Map.of("writer", "tarn-pruning-bench"));
    }

    @Override
    public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
      return new WriteContext(SCHEMA, Map.of("writer", "tarn-pruning-bench"));
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.consumer = recordConsumer;
    }

    @Override
    public void write(Long eventId) {
      long id = eventId;
      long mixed = id * 0x9E3779B97F4A7C15L;
      consumer.startMessage();
      field("event_id", 0, () -> consumer.addLong(id));
      field("user_id", 1, () -> consumer.addLong(Math.floorMod(mixed >>> 17, 1_000_000L)));
      field("amount", 2, () -> consumer.addLong(Math.floorMod(mixed >>> 7, 10_000_000L)));
      field("country", 3, () -> consumer.addBinary(Binary.fromString(COUNTRIES[(int) Math.floorMod(mixed >>> 40, 10L)])));
      field("payload", 4, () -> consumer.addBinary(Binary.fromString("evt-" + Long.toHexString(mixed) + "-" + (id % 977))));
      // The day's rows spread evenly over its 24 hours in id order: ts is sorted like event_id and stays in its day.
      long dayMicros = 86_400_000_000L;
      field("ts", 5, () -> consumer.addLong(FIRST_DAY.atStartOfDay().toEpochSecond(ZoneOffset.UTC) * 1_000_000L
          + id / rowsPerDay * dayMicros + id % rowsPerDay * (dayMicros / rowsPerDay)));
      consumer.endMessage();
    }

    private void field(String name, int index, Runnable value) {
      consumer.startField(name, index);
      value.run();
      consumer.endField(name, index);
    }
  }

  /** Snappy page compression on snappy-java alone: parquet-java's own CodecFactory needs Hadoop's codecs. */
  private static final class SnappyCompression implements CompressionCodecFactory {
    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
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
        public void release() {}
      };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
      throw new UnsupportedOperationException("the lake generator only writes");
    }

    @Override
    public void release() {}
  }

  private static final class Builder extends ParquetWriter.Builder<Long, Builder> {
    private final int rowsPerDay;

    Builder(OutputFile file, int rowsPerDay) {
      super(file);
      this.rowsPerDay = rowsPerDay;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Long> getWriteSupport(ParquetConfiguration configuration) {
      return new EventWriteSupport(rowsPerDay);
    }

    /** Never called: the writer is configured with a PlainParquetConfiguration. */
    @Override
    protected WriteSupport<Long> getWriteSupport(org.apache.hadoop.conf.Configuration configuration) {
      return new EventWriteSupport(rowsPerDay);
    }
  }
}
