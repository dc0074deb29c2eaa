package dev.tarn.engine.parquet;

import static dev.tarn.engine.parquet.PruningExpressions.between;
import static dev.tarn.engine.parquet.PruningExpressions.compare;
import static dev.tarn.engine.parquet.PruningExpressions.field;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.catalog.fs.LocalFileSystem;
import dev.tarn.engine.exec.ScanStats;
import dev.tarn.engine.parquet.predicate.DomainExtractor;
import dev.tarn.engine.plan.expr.Call;
import dev.tarn.engine.plan.expr.ColumnRef;
import dev.tarn.engine.plan.expr.Expr;
import dev.tarn.engine.plan.expr.Functions;
import dev.tarn.engine.plan.expr.Literal;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stages 2, 4 and 5 on a file of 10 row groups of 1,000 rows sorted by id, so each predicate's pruned row group
 * count is known exactly; every test also checks the rows that survive.
 */
class RowGroupPruningTest {

  private static final int ROWS = 10_000;
  private static final int GROUP = 1_000;
  private static final ArrowType BIGINT = new ArrowType.Int(64, true);
  private static final ArrowType DECIMAL = new ArrowType.Decimal(9, 2, 128);
  private static final ArrowType DATE = new ArrowType.Date(DateUnit.DAY);
  private static final String LONG_PREFIX = "a-long-common-prefix-that-outlives-truncation-";
  private static final List<Field> FIELDS = List.of(field("id", BIGINT), field("price", DECIMAL),
      field("day", DATE), field("ts", ParquetTestFiles.TIMESTAMP_MICROS), field("name", ArrowType.Utf8.INSTANCE),
      field("tag", ArrowType.Utf8.INSTANCE), field("code", BIGINT));

  @TempDir
  static Path directory;
  static Path file;

  @BeforeAll
  static void writeFile() throws IOException {
    MessageType schema = Types.buildMessage()
        .required(PrimitiveTypeName.INT64).named("id")
        .optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.decimalType(2, 9)).named("price")
        .optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named("day")
        .optional(PrimitiveTypeName.INT64)
            .as(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS)).named("ts")
        .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("name")
        .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("tag")
        .optional(PrimitiveTypeName.INT64).named("code")
        .named("t");
    file = directory.resolve("pruning.parquet");
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
        .withConf(new PlainParquetConfiguration())
        .withType(schema)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
        .withRowGroupRowCountLimit(GROUP)
        .withPageRowCountLimit(100)
        .withDictionaryEncoding(true)
        .withDictionaryEncoding("code", false)
        .withBloomFilterEnabled("code", true)
        .withStatisticsTruncateLength(8)
        .withColumnIndexTruncateLength(8)
        .build()) {
      for (int row = 0; row < ROWS; row++) {
        Group group = groups.newGroup();
        group.add("id", (long) row);
        group.add("price", row * 10);
        group.add("day", 18_000 + row / 10);
        group.add("ts", 1_600_000_000_000_000L + row * 1_000_000L);
        group.add("name", LONG_PREFIX + String.format("%05d", row));
        // Every row group has 'a' and 'z' tags, so statistics never exclude 'm'; only row group 3 holds 'm'.
        int kind = row % 3;
        group.add("tag", kind == 0 ? "a" : kind == 1 ? "z" : row / GROUP == 3 ? "m" : "q");
        group.add("code", ParquetTestFiles.mix(row, 77) % 1_000_000_007L);
        writer.write(group);
      }
    }
  }

  @Test
  void sortedBigintRangeKeepsTwoRowGroups() {
    Result result = scan(between(0, BIGINT, 2500L, 3499L));
    assertThat(result.stats.rowGroupsPrunedByStatistics.get()).isEqualTo(8);
    assertThat(result.stats.rowGroupsScanned.get()).isEqualTo(2);
    // Stage 3 then reads only the 100-row pages of rows 2500..3499 within the two row groups.
    assertThat(result.ids).hasSize(GROUP).contains(2500L, 3499L).doesNotContain(2499L, 3500L);
  }

  @Test
  void decimalDateAndTimestampStatisticsPrune() {
    assertThat(scan(compare(Functions.GREATER_THAN, 1, DECIMAL, new BigDecimal("900.00"))).stats
        .rowGroupsPrunedByStatistics.get()).isEqualTo(9);
    Result days = scan(compare(Functions.EQUAL, 2, DATE, LocalDate.ofEpochDay(18_000 + 450)));
    assertThat(days.stats.rowGroupsPrunedByStatistics.get()).isEqualTo(9);
    assertThat(days.ids).contains(4500L, 4509L);
    LocalDateTime at = LocalDateTime.of(2020, 9, 13, 12, 26, 40).plusSeconds(7_777);
    Result times = scan(compare(Functions.LESS_THAN, 3, ParquetTestFiles.TIMESTAMP_MICROS, at));
    assertThat(times.stats.rowGroupsPrunedByStatistics.get()).isEqualTo(2);
    assertThat(times.ids).contains(7776L).doesNotContain(9000L);
  }

  @Test
  void truncatedStringStatisticsNeverPruneAMatchingRowGroup() {
    // All names share a prefix longer than the 8-byte truncation, so the bounds say nothing; pruning must keep all.
    Result result = scan(compare(Functions.EQUAL, 4, ArrowType.Utf8.INSTANCE, LONG_PREFIX + "05500"));
    assertThat(result.stats.rowGroupsPrunedByStatistics.get()).isZero();
    assertThat(result.ids).contains(5500L);
    Result above = scan(compare(Functions.GREATER_THAN, 4, ArrowType.Utf8.INSTANCE, LONG_PREFIX + "09998"));
    assertThat(above.ids).contains(9999L);
    Result beyond = scan(compare(Functions.GREATER_THAN, 4, ArrowType.Utf8.INSTANCE, "b"));
    assertThat(beyond.stats.rowGroupsPrunedByStatistics.get()).isEqualTo(10);
  }

  @Test
  void dictionarySkipsRowGroupsWithoutTheWantedValue() {
    Result result = scan(compare(Functions.EQUAL, 5, ArrowType.Utf8.INSTANCE, "m"));
    assertThat(result.stats.rowGroupsPrunedByStatistics.get()).isEqualTo(0);
    assertThat(result.stats.rowGroupsPrunedByDictionary.get()).isEqualTo(9);
    assertThat(result.ids).hasSize(GROUP).contains(3002L);
    Result none = scan(new Call(Functions.IN, List.of(new ColumnRef(5, ArrowType.Utf8.INSTANCE),
        new Literal("k", ArrowType.Utf8.INSTANCE), new Literal("n", ArrowType.Utf8.INSTANCE)), ArrowType.Bool.INSTANCE));
    assertThat(none.stats.rowGroupsPrunedByDictionary.get()).isEqualTo(10);
    assertThat(none.ids).isEmpty();
  }

  @Test
  void aRangeAdmittingTheWholeChunkDoesNotReadItsDictionary() {
    // Both predicates keep every row; only the IN list asks the dictionaries, which the range cannot need.
    // (A string maximum may be truncated, so only a range open above admits every value up to it.)
    Result range = scan(compare(Functions.GREATER_THAN_OR_EQUAL, 5, ArrowType.Utf8.INSTANCE, "a"));
    Result points = scan(new Call(Functions.IN, List.of(new ColumnRef(5, ArrowType.Utf8.INSTANCE),
        new Literal("a", ArrowType.Utf8.INSTANCE), new Literal("m", ArrowType.Utf8.INSTANCE),
        new Literal("q", ArrowType.Utf8.INSTANCE), new Literal("z", ArrowType.Utf8.INSTANCE)), ArrowType.Bool.INSTANCE));
    assertThat(range.ids).hasSize(ROWS).isEqualTo(points.ids);
    assertThat(points.stats.bytesScanned.get() - range.stats.bytesScanned.get()).isEqualTo(dictionaryBytes("tag"));
  }

  private static long dictionaryBytes(String column) {
    try (dev.tarn.catalog.fs.FileSystem.InputFile input = LocalFileSystem.INSTANCE.open(file.toString())) {
      long bytes = 0;
      for (org.apache.parquet.hadoop.metadata.BlockMetaData block
          : dev.tarn.catalog.parquet.ParquetFooters.read(input).getBlocks()) {
        for (org.apache.parquet.hadoop.metadata.ColumnChunkMetaData chunk : block.getColumns()) {
          if (chunk.getPath().toDotString().equals(column)) {
            assertThat(chunk.hasDictionaryPage()).isTrue();
            bytes += chunk.getFirstDataPageOffset() - chunk.getDictionaryPageOffset();
          }
        }
      }
      return bytes;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void bloomFilterSkipsRowGroupsWithoutTheWantedValue() {
    long wanted = ParquetTestFiles.mix(4321, 77) % 1_000_000_007L;
    Result result = scan(compare(Functions.EQUAL, 6, BIGINT, wanted));
    assertThat(result.stats.rowGroupsPrunedByStatistics.get()).isZero();
    assertThat(result.stats.rowGroupsPrunedByBloomFilter.get()).isEqualTo(9);
    assertThat(result.ids).contains(4321L);
  }

  @Test
  void prunedRowGroupsSaveBytes() {
    long all = scan(null).stats.bytesScanned.get();
    long some = scan(between(0, BIGINT, 0L, 999L)).stats.bytesScanned.get();
    assertThat(some).isLessThan(all / 5);
  }

  private record Result(ScanStats stats, List<Long> ids) {}

  private static Result scan(Expr filter) {
    ScanStats stats = new ScanStats("t");
    List<Long> ids = new ArrayList<>();
    try (RootAllocator allocator = new RootAllocator();
        ParquetFileScan scan = ParquetFileScan.open(LocalFileSystem.INSTANCE, file.toString(), FIELDS, allocator,
            4096, stats, DomainExtractor.extract(filter))) {
      List<FieldVector> batch;
      while ((batch = scan.next()) != null) {
        for (int row = 0; row < batch.get(0).getValueCount(); row++) {
          ids.add((Long) batch.get(0).getObject(row));
        }
        batch.forEach(FieldVector::close);
      }
    }
    return new Result(stats, ids);
  }
}
