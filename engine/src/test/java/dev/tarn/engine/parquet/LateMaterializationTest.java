package dev.tarn.engine.parquet;

import static dev.tarn.engine.parquet.PruningExpressions.field;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.catalog.fs.LocalFileSystem;
import dev.tarn.engine.exec.ScanStats;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.format.OffsetIndex;
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
 * Stage 6, late materialization, on one snappy row group of 20,000 rows in 100-row pages: the row filter reads
 * column {@code k} (the row number) first, and {@code name} (dictionary, with NULLs), {@code val} (with NULLs) and
 * {@code note} are decoded only for the rows it keeps. Rows are checked against a full scan filtered in Java;
 * page counts against the file's own offset indexes.
 */
class LateMaterializationTest {

  private static final int ROWS = 20_000;
  private static final int BATCH = 1_024;
  private static final ArrowType BIGINT = new ArrowType.Int(64, true);
  private static final List<Field> FIELDS = List.of(field("k", BIGINT), field("name", ArrowType.Utf8.INSTANCE),
      field("val", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)), field("note", ArrowType.Utf8.INSTANCE));

  @TempDir
  static Path directory;
  static Path file;

  @BeforeAll
  static void writeFile() throws IOException {
    MessageType schema = Types.buildMessage()
        .required(PrimitiveTypeName.INT64).named("k")
        .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("name")
        .optional(PrimitiveTypeName.DOUBLE).named("val")
        .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("note")
        .named("t");
    file = directory.resolve("late.parquet");
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
        .withConf(new PlainParquetConfiguration())
        .withType(schema)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .withCodecFactory(new ParquetTestFiles.TestCodecs())
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .withPageRowCountLimit(100)
        .withDictionaryEncoding(true)
        .withDictionaryEncoding("k", false)
        .withDictionaryEncoding("note", false)
        .build()) {
      for (int row = 0; row < ROWS; row++) {
        Group group = groups.newGroup();
        group.add("k", (long) row);
        if (row % 7 != 3) {
          group.add("name", "n" + (row % 50));
        }
        if (row % 5 != 1) {
          group.add("val", row * 0.5);
        }
        group.add("note", "note-" + row + "-" + "y".repeat(row % 13));
        writer.write(group);
      }
    }
  }

  @Test
  void clusteredRowsLeaveWholePagesOfTheOtherColumnsUndecoded() {
    LongPredicate wanted = k -> (k >= 5_000 && k < 5_100) || (k >= 15_000 && k < 15_050);
    Result full = scan(null);
    Result late = scan(wanted);
    assertThat(late.rows).isEqualTo(keep(full.rows, wanted)).hasSize(150);
    assertThat(late.stats.rowsFilteredInScan.get()).isEqualTo(ROWS - 150);
    assertThat(late.stats.rowsScanned.get()).isEqualTo(ROWS);
    // Pages of the late columns before the last kept row that hold no kept row are passed over undecoded;
    // pages after it are never reached.
    long lastKept = 15_049;
    assertThat(late.stats.pagesSkipped.get()).isEqualTo(latePages(page -> !holdsWanted(page, wanted)
        && page[0] <= lastKept)).isPositive();
    assertThat(late.stats.pagesScanned.get()).isEqualTo(pages(0) + latePages(page -> holdsWanted(page, wanted)));
    assertThat(full.stats.pagesSkipped.get()).isZero();
  }

  @Test
  void scatteredRowsAreDecodedOneRunAtATime() {
    LongPredicate wanted = k -> k % 10 == 3 || k % 10 == 4 || k % 97 == 0;
    Result full = scan(null);
    Result late = scan(wanted);
    List<List<Object>> expected = keep(full.rows, wanted);
    assertThat(late.rows).isEqualTo(expected);
    assertThat(late.stats.rowsFilteredInScan.get()).isEqualTo(ROWS - expected.size());
    assertThat(late.stats.pagesSkipped.get()).isZero();
  }

  @Test
  void aBatchKeepingMostRowsIsDecodedWholeForTheFilterAbove() {
    LongPredicate wanted = k -> k % 10 != 0 || k >= 10 * BATCH;
    Result full = scan(null);
    Result late = scan(wanted);
    assertThat(late.rows).isEqualTo(full.rows);
    assertThat(late.stats.rowsFilteredInScan.get()).isZero();
  }

  @Test
  void noKeptRowDecodesNothingButTheFilterColumn() {
    Result late = scan(k -> false);
    assertThat(late.rows).isEmpty();
    assertThat(late.stats.rowsFilteredInScan.get()).isEqualTo(ROWS);
    assertThat(late.stats.pagesScanned.get()).isEqualTo(pages(0));
  }

  @Test
  void aSecondStageSeesAndDecodesOnlyTheRowsTheFirstKept() {
    // Stage 1 keeps k in two clusters; stage 2 (on name, with NULLs) keeps names ending in 7.
    LongPredicate wanted = k -> (k >= 5_000 && k < 5_100) || (k >= 15_000 && k < 15_050);
    Result full = scan(null);
    int[] rowsSeenBySecondStage = {0};
    ScanStats stats = new ScanStats("t");
    List<List<Object>> rows = new ArrayList<>();
    try (RootAllocator allocator = new RootAllocator();
        ParquetFileScan scan = ParquetFileScan.open(LocalFileSystem.INSTANCE, file.toString(), FIELDS, allocator,
            BATCH, stats)) {
      RowFilter.Stage keys = stage(0, (vector, row) -> wanted.test(((BigIntVector) vector).get(row)));
      RowFilter.Stage names = stage(1, (vector, row) -> {
        rowsSeenBySecondStage[0]++;
        return !vector.isNull(row) && vector.getObject(row).toString().endsWith("7");
      });
      scan.setRowFilter(() -> List.of(keys, names));
      rows.addAll(drain(scan));
    }
    List<List<Object>> expected = keep(full.rows, wanted).stream()
        .filter(row -> row.get(1) != null && row.get(1).toString().endsWith("7")).toList();
    assertThat(rows).isEqualTo(expected).isNotEmpty();
    assertThat(rowsSeenBySecondStage[0]).isEqualTo(150);
    assertThat(stats.rowsFilteredInScan.get()).isEqualTo(ROWS - expected.size());
    // The name column is decoded only where k kept rows: its pages without one are passed over.
    assertThat(stats.pagesSkipped.get()).isPositive();
  }

  /** A filter keeping nine rows in ten or more is dropped for the rest of the file once it has seen 32,768 rows. */
  @Test
  void aFilterKeepingNearlyEveryRowIsDroppedForTheRestOfTheFile() {
    Path large = directory.resolve("large.parquet");
    ParquetTestFiles.duckDb("COPY (SELECT range AS k, 'n' || (range % 50) AS name, (range * 0.5)::DOUBLE AS val, 'x' AS note "
        + "FROM range(100000)) TO '" + large + "' (FORMAT PARQUET, ROW_GROUP_SIZE 100000)");
    int[] seen = {0};
    ScanStats stats = new ScanStats("t");
    List<List<Object>> rows;
    try (RootAllocator allocator = new RootAllocator();
        ParquetFileScan scan = ParquetFileScan.open(LocalFileSystem.INSTANCE, large.toString(), FIELDS, allocator,
            BATCH, stats)) {
      scan.setRowFilter(RowFilter.of(stage(0, (vector, row) -> {
        seen[0]++;
        return ((BigIntVector) vector).get(row) % 20 != 0;
      })));
      rows = drain(scan);
    }
    // The filter ran on the first 32 batches only (each kept whole: too few rows dropped to decode selectively);
    // every row comes out for the filter above the scan.
    assertThat(seen[0]).isEqualTo(32 * BATCH);
    assertThat(stats.rowsFilteredInScan.get()).isZero();
    assertThat(rows).hasSize(100_000);
  }

  private interface RowTest {
    boolean keep(FieldVector vector, int row);
  }

  private static RowFilter.Stage stage(int column, RowTest test) {
    return new RowFilter.Stage() {
      @Override
      public int[] columns() {
        return new int[] {column};
      }

      @Override
      public int select(List<FieldVector> columns, int rowCount, int[] selected) {
        int count = 0;
        for (int row = 0; row < rowCount; row++) {
          if (test.keep(columns.get(0), row)) {
            selected[count++] = row;
          }
        }
        return count;
      }
    };
  }

  private static List<List<Object>> drain(ParquetFileScan scan) {
    List<List<Object>> rows = new ArrayList<>();
    List<FieldVector> batch;
    while ((batch = scan.next()) != null) {
      for (int row = 0; row < batch.get(0).getValueCount(); row++) {
        List<Object> values = new ArrayList<>();
        for (FieldVector vector : batch) {
          Object value = vector.getObject(row);
          values.add(value == null || value instanceof Long || value instanceof Double ? value : value.toString());
        }
        rows.add(values);
      }
      batch.forEach(FieldVector::close);
    }
    return rows;
  }

  private static boolean holdsWanted(long[] page, LongPredicate wanted) {
    for (long row = page[0]; row < page[1]; row++) {
      if (wanted.test(row)) {
        return true;
      }
    }
    return false;
  }

  private static List<List<Object>> keep(List<List<Object>> rows, LongPredicate wanted) {
    return rows.stream().filter(row -> wanted.test((Long) row.get(0))).toList();
  }

  /** How many data pages column {@code column} has. */
  private static long pages(int column) {
    return offsets().get(column).getPage_locations().size();
  }

  /** The pages ({@code [first row, end row)}) of the late columns (all but k) that {@code test} accepts. */
  private static long latePages(java.util.function.Predicate<long[]> test) {
    long count = 0;
    List<OffsetIndex> offsets = offsets();
    for (int column = 1; column < offsets.size(); column++) {
      OffsetIndex index = offsets.get(column);
      for (int page = 0; page < index.getPage_locations().size(); page++) {
        long start = index.getPage_locations().get(page).getFirst_row_index();
        if (test.test(new long[] {start, PageIndexSelector.pageEnd(index, page, ROWS)})) {
          count++;
        }
      }
    }
    return count;
  }

  private static List<OffsetIndex> offsets() {
    return ParquetTestFiles.offsetIndexes(file, FIELDS, ROWS);
  }

  private record Result(ScanStats stats, List<List<Object>> rows) {}

  /** Scans every column; with {@code wanted}, through a row filter on k keeping the rows it accepts. */
  private static Result scan(LongPredicate wanted) {
    ScanStats stats = new ScanStats("t");
    List<List<Object>> rows = new ArrayList<>();
    try (RootAllocator allocator = new RootAllocator();
        ParquetFileScan scan = ParquetFileScan.open(LocalFileSystem.INSTANCE, file.toString(), FIELDS, allocator,
            BATCH, stats)) {
      if (wanted != null) {
        scan.setRowFilter(RowFilter.of(new RowFilter.Stage() {
          @Override
          public int[] columns() {
            return new int[] {0};
          }

          @Override
          public int select(List<FieldVector> columns, int rowCount, int[] selected) {
            BigIntVector keys = (BigIntVector) columns.get(0);
            int count = 0;
            for (int row = 0; row < rowCount; row++) {
              if (wanted.test(keys.get(row))) {
                selected[count++] = row;
              }
            }
            return count;
          }
        }));
      }
      rows.addAll(drain(scan));
    }
    return new Result(stats, rows);
  }
}
