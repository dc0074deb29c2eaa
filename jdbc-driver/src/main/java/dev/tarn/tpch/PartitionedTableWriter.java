package dev.tarn.tpch;

import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Writes the rows of one generator part of a TPC-H table as Parquet, one file per Hive partition folder
 * ({@code key=value/.../part-<n>.parquet}); the partition values are not stored inside the files. Writers stay
 * open for all partitions of the part at once, so memory is bounded by the part's encoded size.
 */
final class PartitionedTableWriter<E extends TpchEntity> implements AutoCloseable {

  /** Large enough that a demo partition is one row group; small enough that a scan can split big files. */
  static final long ROW_GROUP_BYTES = 64L << 20;
  static final int PAGE_BYTES = 1 << 20;

  private final Path tableDirectory;
  private final String fileName;
  private final Function<E, String> partitionFolder;
  private final MessageType schema;
  private final List<TpchColumnMapping<E>> columns;
  private final Map<String, ParquetWriter<E>> writers = new LinkedHashMap<>();
  private long rowCount;

  /**
   * @param partitionFolder the relative folder of an entity's partition ({@code ship_year=1994/ship_month=3}),
   *     or "" for an unpartitioned table
   */
  PartitionedTableWriter(TpchTable<E> table, Path tableDirectory, int part, Function<E, String> partitionFolder) {
    this.tableDirectory = tableDirectory;
    this.fileName = "part-" + part + ".parquet";
    this.partitionFolder = partitionFolder;
    this.columns = new ArrayList<>();
    List<Type> fields = new ArrayList<>();
    for (TpchColumn<E> column : table.getColumns()) {
      TpchColumnMapping<E> mapping = new TpchColumnMapping<>(column);
      columns.add(mapping);
      fields.add(mapping.parquetType());
    }
    this.schema = new MessageType(table.getTableName(), fields);
  }

  /** Appends one row to the file of its partition. */
  void write(E entity) throws IOException {
    String folder = partitionFolder.apply(entity);
    ParquetWriter<E> writer = writers.get(folder);
    if (writer == null) {
      writer = open(folder);
      writers.put(folder, writer);
    }
    writer.write(entity);
    rowCount++;
  }

  long rowCount() {
    return rowCount;
  }

  private ParquetWriter<E> open(String folder) throws IOException {
    Path directory = folder.isEmpty() ? tableDirectory : tableDirectory.resolve(folder);
    Files.createDirectories(directory);
    return new Builder<>(new LocalOutputFile(directory.resolve(fileName)), new EntityWriteSupport<>(schema, columns))
        .withConf(new PlainParquetConfiguration())
        .withCodecFactory(new SnappyCodecFactory())
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .withRowGroupSize(ROW_GROUP_BYTES)
        .withPageSize(PAGE_BYTES)
        .withDictionaryEncoding(true)
        .build();
  }

  @Override
  public void close() throws IOException {
    IOException failure = null;
    for (ParquetWriter<E> writer : writers.values()) {
      try {
        writer.close();
      } catch (IOException | UncheckedIOException e) {
        IOException cause = e instanceof IOException io ? io : ((UncheckedIOException) e).getCause();
        if (failure == null) {
          failure = cause;
        } else {
          failure.addSuppressed(cause);
        }
      }
    }
    writers.clear();
    if (failure != null) {
      throw failure;
    }
  }

  private static final class Builder<E> extends ParquetWriter.Builder<E, Builder<E>> {
    private final WriteSupport<E> writeSupport;

    Builder(OutputFile file, WriteSupport<E> writeSupport) {
      super(file);
      this.writeSupport = writeSupport;
    }

    @Override
    protected Builder<E> self() {
      return this;
    }

    @Override
    protected WriteSupport<E> getWriteSupport(org.apache.parquet.conf.ParquetConfiguration configuration) {
      return writeSupport;
    }

    /** Never called: the writer is configured with a PlainParquetConfiguration. */
    @Override
    protected WriteSupport<E> getWriteSupport(org.apache.hadoop.conf.Configuration configuration) {
      return writeSupport;
    }
  }
}
