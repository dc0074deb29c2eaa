package dev.tarn.engine.parquet;

import static dev.tarn.engine.parquet.PruningExpressions.between;
import static dev.tarn.engine.parquet.PruningExpressions.compare;
import static dev.tarn.engine.parquet.PruningExpressions.field;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.catalog.fs.LocalFileSystem;
import dev.tarn.engine.exec.ScanStats;
import dev.tarn.engine.parquet.predicate.DomainExtractor;
import dev.tarn.engine.plan.expr.Call;
import dev.tarn.engine.plan.expr.Expr;
import dev.tarn.engine.plan.expr.Functions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
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
 * Stage 3 on one row group of 10,000 rows sorted by id and note: id, name and val pages hold 100 rows, note's long
 * values make ~20-row pages, so page boundaries differ between columns and rows are skipped inside pages. Expected
 * page counts come from the file's own offset indexes; rows are checked against a full scan filtered in Java.
 */
class PageIndexPruningTest {

  private static final int ROWS = 10_000;
  private static final ArrowType BIGINT = new ArrowType.Int(64, true);
  private static final ArrowType DOUBLE = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
  private static final String PAD = "x".repeat(200);
  private static final List<Field> FIELDS = List.of(field("id", BIGINT), field("name", ArrowType.Utf8.INSTANCE),
      field("val", DOUBLE), field("note", ArrowType.Utf8.INSTANCE), field("grp", BIGINT));

  @TempDir
  static Path directory;
  static Path file;

  @BeforeAll
  static void writeFile() throws IOException {
    MessageType schema = Types.buildMessage()
        .required(PrimitiveTypeName.INT64).named("id")
        .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("name")
        .optional(PrimitiveTypeName.DOUBLE).named("val")
        .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("note")
        .optional(PrimitiveTypeName.INT64).named("grp")
        .named("t");
    file = directory.resolve("pages.parquet");
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
        .withConf(new PlainParquetConfiguration())
        .withType(schema)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
        .withPageRowCountLimit(100)
        .withPageSize(4096)
        .withMinRowCountForPageSizeCheck(7)
        .withMaxRowCountForPageSizeCheck(7)
        .withDictionaryEncoding(true)
        .withDictionaryEncoding("id", false)
        .withDictionaryEncoding("val", false)
        .withDictionaryEncoding("note", false)
        .build()) {
      for (int row = 0; row < ROWS; row++) {
        Group group = groups.newGroup();
        group.add("id", (long) row);
        if (row % 7 != 3) {
          group.add("name", "n" + (row % 50));
        }
        if (row % 5 != 1) {
          group.add("val", row * 0.5);
        }
        group.add("note", note(row));
        group.add("grp", (long) (row / 1000));
        writer.write(group);
      }
    }
  }

  @Test
  void sortedKeyRangeReadsOnlyItsPages() {
    Expr filter = between(0, BIGINT, 2550L, 2749L);
    Result full = scan(null);
    Result pruned = scan(filter);
    long[] kept = pagesHolding(0, 2550, 2749);
    assertThat(kept[1] - kept[0]).isLessThan(500);
    assertThat(pruned.stats.pagesSkipped.get()).isEqualTo(expectedSkipped(List.of(kept)));
    assertThat(pruned.stats.pagesSkipped.get()).isGreaterThan(800);
    assertThat(pruned.stats.bytesScanned.get()).isLessThan(full.stats.bytesScanned.get() / 10);
    assertThat(pruned.rows).isEqualTo(rowsIn(full.rows, kept));
    assertThat(pruned.stats.rowsScanned.get()).isEqualTo(kept[1] - kept[0]);
  }

  @Test
  void pagesOfOtherColumnsAreCutInsidePages() {
    // note's ~20-row pages bound the ranges; id, name, val and grp pages hold 100 rows, so rows are skipped inside them.
    Result full = scan(null);
    Result pruned = scan(between(3, ArrowType.Utf8.INSTANCE, "02510", "02530"));
    long[] kept = pagesHolding(3, 2510, 2529);
    assertThat(kept[0] % 100 != 0 || kept[1] % 100 != 0).isTrue();
    assertThat(pruned.stats.pagesSkipped.get()).isEqualTo(expectedSkipped(List.<long[]>of(kept)));
    assertThat(pruned.rows).isEqualTo(rowsIn(full.rows, kept));
    assertThat(pruned.rows.stream().map(row -> row.get(0))).contains(2510L, 2529L);
  }

  @Test
  void rangesOfTwoColumnsIntersect() {
    Expr filter = new Call(Functions.AND, List.of(compare(Functions.LESS_THAN, 0, BIGINT, 5000L),
        compare(Functions.GREATER_THAN_OR_EQUAL, 4, BIGINT, 3L)), ArrowType.Bool.INSTANCE);
    Result full = scan(null);
    Result pruned = scan(filter);
    long[] kept = {pagesHolding(4, 3000, 3000)[0], pagesHolding(0, 4999, 4999)[1]};
    assertThat(pruned.stats.pagesSkipped.get()).isEqualTo(expectedSkipped(List.of(kept)));
    assertThat(pruned.rows).isEqualTo(rowsIn(full.rows, kept));
  }

  @Test
  void truncatedStringBoundsNeverDropAMatchingPage() {
    Result pruned = scan(compare(Functions.EQUAL, 3, ArrowType.Utf8.INSTANCE, note(5555)));
    assertThat(pruned.rows.stream().map(row -> row.get(0))).contains(5555L);
    assertThat(pruned.stats.pagesSkipped.get()).isPositive();
  }

  @Test
  void noMatchingPageReadsNoRows() {
    Result pruned = scan(compare(Functions.EQUAL, 0, BIGINT, 20_000L));
    assertThat(pruned.rows).isEmpty();
  }

  private static String note(int row) {
    return String.format("%05d", row) + "-" + PAD;
  }

  private static List<List<Object>> rowsIn(List<List<Object>> rows, long[] range) {
    return rows.stream().filter(row -> (Long) row.get(0) >= range[0] && (Long) row.get(0) < range[1]).toList();
  }

  /** The row range of the pages of projected column {@code column} overlapping rows [first, last]. */
  private static long[] pagesHolding(int column, long first, long last) {
    OffsetIndex note = indexes().offsets.get(column);
    long start = -1;
    long end = -1;
    for (int page = 0; page < note.getPage_locations().size(); page++) {
      long pageStart = note.getPage_locations().get(page).getFirst_row_index();
      long pageEnd = PageIndexSelector.pageEnd(note, page, ROWS);
      if (pageStart <= last && pageEnd > first) {
        start = start < 0 ? pageStart : start;
        end = pageEnd;
      }
    }
    return new long[] {start, end};
  }

  /** Pages of every projected column lying wholly outside {@code ranges}. */
  private static long expectedSkipped(List<long[]> ranges) {
    long skipped = 0;
    for (OffsetIndex index : indexes().offsets) {
      for (int page = 0; page < index.getPage_locations().size(); page++) {
        long start = index.getPage_locations().get(page).getFirst_row_index();
        long end = PageIndexSelector.pageEnd(index, page, ROWS);
        if (ranges.stream().noneMatch(range -> range[0] < end && range[1] > start)) {
          skipped++;
        }
      }
    }
    return skipped;
  }

  private record Indexes(List<OffsetIndex> offsets) {}

  private static Indexes indexes() {
    return new Indexes(ParquetTestFiles.offsetIndexes(file, FIELDS, ROWS));
  }

  private record Result(ScanStats stats, List<List<Object>> rows) {}

  private static Result scan(Expr filter) {
    ScanStats stats = new ScanStats("t");
    List<List<Object>> rows = new ArrayList<>();
    try (RootAllocator allocator = new RootAllocator();
        ParquetFileScan scan = ParquetFileScan.open(LocalFileSystem.INSTANCE, file.toString(), FIELDS, allocator,
            64, stats, filter == null ? Map.of() : DomainExtractor.extract(filter))) {
      List<FieldVector> batch;
      while ((batch = scan.next()) != null) {
        for (int row = 0; row < batch.get(0).getValueCount(); row++) {
          List<Object> values = new ArrayList<>();
          for (FieldVector vector : batch) {
            Object value = vector.getObject(row);
            values.add(value == null ? null : value instanceof Long || value instanceof Double
                || value instanceof Integer ? value : value.toString());
          }
          rows.add(values);
        }
        batch.forEach(FieldVector::close);
      }
    }
    return new Result(stats, rows);
  }
}
