package dev.tarn.engine.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.catalog.fs.LocalFileSystem;
import dev.tarn.catalog.parquet.ParquetFooters;
import dev.tarn.engine.exec.ScanStats;
import dev.tarn.engine.parquet.ParquetTestFiles.TestColumn;
import dev.tarn.engine.parquet.ParquetTestFiles.WriterOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Projection, byte accounting, row-group selection, schema evolution and empty files. */
class ParquetFileScanProjectionTest {

  private static final int ROWS = 6_000;

  @TempDir Path directory;
  private final RootAllocator allocator = new RootAllocator();
  private List<TestColumn> columns;
  private Path file;

  @BeforeEach
  void writeFile() {
    columns = ParquetTestFiles.allTypes();
    file = directory.resolve("wide.parquet");
    ParquetTestFiles.write(file, columns, ROWS, WriterOptions.defaults());
  }

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @Test
  void readsOnlyTheRequestedColumnChunks() throws IOException {
    ScanStats one = scanAll(List.of("int_req"));
    ScanStats three = scanAll(List.of("int_req", "str_opt", "dec_fixed"));
    ScanStats all = scanAll(columns.stream().map(TestColumn::name).toList());

    long fileSize = Files.size(file);
    assertThat(one.bytesScanned.get()).isLessThan(three.bytesScanned.get());
    assertThat(three.bytesScanned.get()).isLessThan(all.bytesScanned.get());
    assertThat(all.bytesScanned.get()).isLessThanOrEqualTo(fileSize);
    // Exactly the two extra columns' chunks were read, nothing more.
    assertThat(three.bytesScanned.get() - one.bytesScanned.get()).isEqualTo(chunkBytes(Set.of("str_opt", "dec_fixed")));
    assertThat(one.rowGroupsTotal.get()).isEqualTo(4);
    assertThat(one.rowGroupsScanned.get()).isEqualTo(4);
    assertThat(one.rowsScanned.get()).isEqualTo(ROWS);
  }

  @Test
  void readsOnlySelectedRowGroups() {
    ScanStats stats = new ScanStats("test");
    TestColumn longs = columns.stream().filter(c -> c.name().equals("long_req")).findFirst().orElseThrow();
    try (ParquetFileScan scan = ParquetFileScan.open(LocalFileSystem.INSTANCE, file.toString(),
        List.of(longs.field()), allocator, 10_000, stats)) {
      scan.selectRowGroups(new int[] {2, 0});
      List<FieldVector> third = scan.next();
      List<FieldVector> first = scan.next();
      try {
        assertThat(third.get(0).getValueCount()).isEqualTo(1500);
        assertThat(ParquetTestFiles.value(third.get(0), 0)).isEqualTo(longs.expected().apply(3000));
        assertThat(ParquetTestFiles.value(first.get(0), 1499)).isEqualTo(longs.expected().apply(1499));
        assertThat(scan.next()).isNull();
      } finally {
        third.forEach(FieldVector::close);
        first.forEach(FieldVector::close);
      }
    }
    assertThat(stats.rowGroupsScanned.get()).isEqualTo(2);
    assertThat(stats.rowGroupsTotal.get()).isEqualTo(4);
  }

  @Test
  void matchesNamesCaseInsensitivelyInRequestedOrderAndFillsMissingColumnsWithNulls() {
    TestColumn strings = columns.stream().filter(c -> c.name().equals("str_req")).findFirst().orElseThrow();
    TestColumn integers = columns.stream().filter(c -> c.name().equals("int_opt")).findFirst().orElseThrow();
    List<TestColumn> requested = List.of(
        strings.requestedAs("STR_REQ", ArrowType.Utf8.INSTANCE, strings.expected()),
        integers.requestedAs("added_later", new ArrowType.Int(64, true), row -> null),
        integers,
        strings.requestedAs("also_missing", ArrowType.Utf8.INSTANCE, row -> null));

    ScanAssertions.assertReadsExpected(file, requested, ROWS, 700, allocator);
  }

  @Test
  void fileWithoutRowsReturnsNoBatches() {
    Path empty = directory.resolve("empty.parquet");
    ParquetTestFiles.write(empty, columns, 0, WriterOptions.defaults());
    ScanStats stats = new ScanStats("test");
    try (ParquetFileScan scan = ParquetFileScan.open(LocalFileSystem.INSTANCE, empty.toString(),
        columns.stream().map(TestColumn::field).toList(), allocator, 100, stats)) {
      assertThat(scan.next()).isNull();
      assertThat(scan.next()).isNull();
    }
    assertThat(stats.rowsScanned.get()).isZero();
  }

  @Test
  void batchLargerThanRowGroupsStillStopsAtEachRowGroup() {
    assertThat(ScanAssertions.assertReadsExpected(file, columns, ROWS, 1_000_000, allocator))
        .containsExactly(1500, 1500, 1500, 1500);
    assertThat(ScanAssertions.assertReadsExpected(file, columns, ROWS, 7, allocator))
        .hasSize(4 * (1500 / 7 + 1));
  }

  private ScanStats scanAll(List<String> names) {
    ScanStats stats = new ScanStats("test");
    List<Field> fields = columns.stream().filter(c -> names.contains(c.name())).map(TestColumn::field).toList();
    try (ParquetFileScan scan = ParquetFileScan.open(LocalFileSystem.INSTANCE, file.toString(), fields, allocator,
        1024, stats)) {
      for (List<FieldVector> batch = scan.next(); batch != null; batch = scan.next()) {
        batch.forEach(FieldVector::close);
      }
    }
    return stats;
  }

  private long chunkBytes(Set<String> names) throws IOException {
    long total = 0;
    for (BlockMetaData block : ParquetFooters.read(LocalFileSystem.INSTANCE, file.toString()).getBlocks()) {
      for (ColumnChunkMetaData chunk : block.getColumns()) {
        if (names.contains(chunk.getPath().toDotString())) {
          total += chunk.getTotalSize();
        }
      }
    }
    return total;
  }
}
