package dev.tarn.engine.exec.scan;

import static dev.tarn.engine.exec.TestData.BIGINT;
import static dev.tarn.engine.exec.TestData.BOOLEAN;
import static dev.tarn.engine.exec.TestData.INTEGER;
import static dev.tarn.engine.exec.TestData.call;
import static dev.tarn.engine.exec.TestData.column;
import static dev.tarn.engine.exec.TestData.field;
import static dev.tarn.engine.exec.TestData.literal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.catalog.fs.LocalFileSystem;
import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.QueryStats;
import dev.tarn.engine.exec.ScanStats;
import dev.tarn.engine.exec.dynamic.RuntimeFilter;
import dev.tarn.engine.exec.parallel.WorkerPool;
import dev.tarn.engine.parquet.predicate.ColumnDomain;
import dev.tarn.engine.parquet.predicate.DomainValues;
import dev.tarn.engine.plan.DynamicFilterSpec;
import dev.tarn.engine.plan.TableScanNode;
import dev.tarn.engine.plan.TableScanNode.PartitionSplit;
import dev.tarn.engine.plan.TableScanNode.ScanColumn;
import dev.tarn.engine.plan.expr.Expr;
import dev.tarn.engine.testing.StatsQueries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copies of one scan on their own threads share its split source: together they read each file exactly once, and
 * every counter (partitions, files, row groups and what each pruning stage saved) is the one a single scan counts.
 * The table: 6 partitions {@code p=0..5} of 4 files each, 1,000 rows per file in row groups of 100, ids unique.
 */
class SplitSourceTest {
  private static final int PARTITIONS = 6;
  private static final int FILES_PER_PARTITION = 4;
  private static final int ROWS_PER_FILE = 1000;

  @TempDir
  static Path temp;
  private static List<PartitionSplit> partitions;

  private final BufferAllocator allocator = new RootAllocator();

  @BeforeAll
  static void writeFiles() throws Exception {
    partitions = new ArrayList<>();
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
      for (int p = 0; p < PARTITIONS; p++) {
        Path directory = Files.createDirectories(temp.resolve("t").resolve("p=" + p));
        for (int f = 0; f < FILES_PER_PARTITION; f++) {
          long first = ((long) p * FILES_PER_PARTITION + f) * ROWS_PER_FILE;
          statement.execute("COPY (SELECT i AS id FROM range(" + first + ", " + (first + ROWS_PER_FILE)
              + ") t(i)) TO '" + directory.resolve("part-" + f + ".parquet") + "' (FORMAT PARQUET, ROW_GROUP_SIZE 100)");
        }
        partitions.add(new PartitionSplit(directory.toString(), List.of((long) p)));
      }
    }
  }

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private static TableScanNode scan(Expr filter) {
    List<ScanColumn> columns = List.of(new ScanColumn(field("id", BIGINT), -1), new ScanColumn(field("p", INTEGER), 0));
    return new TableScanNode("default.t", "parquet", columns, partitions, PARTITIONS, filter);
  }

  private ExecutionContext context() {
    return new ExecutionContext("split-test", allocator, LocalFileSystem.INSTANCE, 128);
  }

  @Test
  void concurrentCopiesReadEachFileOnce() throws Exception {
    TableScanNode node = scan(null);
    ExecutionContext context = context();
    List<Long> ids = readConcurrently(node, context, 4);
    assertThat(ids).hasSize(PARTITIONS * FILES_PER_PARTITION * ROWS_PER_FILE).doesNotHaveDuplicates();
    assertThat(context.stats().scans()).hasSize(1);
    ScanStats stats = context.stats().scans().get(0);
    assertThat(stats.filesScanned.get()).isEqualTo(PARTITIONS * FILES_PER_PARTITION);
    assertThat(stats.filesTotal.get()).isEqualTo(PARTITIONS * FILES_PER_PARTITION);
    assertThat(stats.partitionsScanned.get()).isEqualTo(PARTITIONS);
    assertThat(stats.rowsScanned.get()).isEqualTo(ids.size());
  }

  @Test
  void splitsCountUnlistedPartitionsAsOneUntilTheyAreListed() throws Exception {
    TableScanNode node = scan(null);
    ExecutionContext context = context();
    SplitSource source = context.splitSources().forScan(node, context);
    assertThat(source.stats().splitsTotal.get()).isEqualTo(PARTITIONS);
    assertThat(source.next()).isNotNull();
    assertThat(source.stats().splitsTotal.get()).isEqualTo(PARTITIONS - 1 + FILES_PER_PARTITION);
    assertThat(source.stats().splitsCompleted.get()).isZero();

    ExecutionContext drained = context();
    readConcurrently(scan(null), drained, 3);
    ScanStats stats = drained.stats().scans().get(0);
    assertThat(stats.splitsTotal.get()).isEqualTo(PARTITIONS * FILES_PER_PARTITION);
    assertThat(stats.splitsCompleted.get()).isEqualTo(PARTITIONS * FILES_PER_PARTITION);
  }

  @Test
  void pruningCountsAreTheSingleScansWithManyCopies() throws Exception {
    // id < 2050 keeps the first two files of p=0 and the first 50 rows of the third: row groups are pruned.
    Expr filter = call("less_than", BOOLEAN, column(0, BIGINT), literal(2050L, BIGINT));
    ExecutionContext single = context();
    List<Long> one = readConcurrently(scan(filter), single, 1);
    ExecutionContext parallel = context();
    List<Long> many = readConcurrently(scan(filter), parallel, 4);
    assertThat(many).containsExactlyInAnyOrderElementsOf(one);
    assertSameCounts(single.stats(), parallel.stats());
    assertThat(parallel.stats().total(s -> s.rowGroupsPrunedByStatistics)).isPositive();
  }

  @Test
  void dynamicFiltersPrunePartitionsWhenTheyAreHandedOut() throws Exception {
    List<ExecutionContext> contexts = new ArrayList<>();
    for (int copies : new int[] {1, 4}) {
      TableScanNode node = scan(null);
      ExecutionContext context = context();
      DynamicFilterSpec spec = new DynamicFilterSpec("df0", 0, node, 1);
      context.dynamicFilters().register(spec);
      ColumnDomain odd = ColumnDomain.values(List.of(DomainValues.fromLiteral(1L), DomainValues.fromLiteral(3L)));
      context.dynamicFilters().publish("df0", new RuntimeFilter(odd, odd));
      assertThat(readConcurrently(node, context, copies)).hasSize(2 * FILES_PER_PARTITION * ROWS_PER_FILE);
      contexts.add(context);
    }
    assertSameCounts(contexts.get(0).stats(), contexts.get(1).stats());
    ScanStats stats = contexts.get(1).stats().scans().get(0);
    assertThat(stats.partitionsScanned.get()).isEqualTo(2);
    assertThat(stats.prunedByDynamicFilter.get()).isEqualTo(PARTITIONS - 2);
    // Pruned partitions leave the split total: the progress of what is left to read ends at 100%.
    assertThat(stats.splitsTotal.get()).isEqualTo(2 * FILES_PER_PARTITION);
    assertThat(stats.splitsCompleted.get()).isEqualTo(2 * FILES_PER_PARTITION);
  }

  @Test
  void aLargeFileIsReadInPiecesThatCountAsTheWholeFile() throws Exception {
    Path directory = Files.createDirectories(temp.resolve("large"));
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
      // 2M rows of three incompressible longs, uncompressed: 48 MB in 10 row groups of about 4.8 MB.
      statement.execute("COPY (SELECT i AS id, i * 7919 AS a, i * 104729 AS b FROM range(0, 2000000) t(i)) TO '"
          + directory.resolve("big.parquet") + "' (FORMAT PARQUET, ROW_GROUP_SIZE 200000, COMPRESSION uncompressed)");
    }
    List<ScanColumn> columns = List.of(new ScanColumn(field("id", BIGINT), -1), new ScanColumn(field("b", BIGINT), -1));
    Expr filter = call("greater_than_or_equal", BOOLEAN, column(0, BIGINT), literal(500_000L, BIGINT));
    List<PartitionSplit> whole = List.of(new PartitionSplit(directory.toString(), List.of()));
    TableScanNode single = new TableScanNode("default.large", "parquet", columns, whole, 1, filter);
    TableScanNode split = new TableScanNode("default.large", "parquet", columns, whole, 1, filter);
    try (WorkerPool pool = WorkerPool.create(4)) {
      ExecutionContext parallel = new ExecutionContext("split-test", allocator, LocalFileSystem.INSTANCE, 4096, pool);
      SplitSource probe = new SplitSources().forScan(new TableScanNode("default.large", "parquet", columns, whole, 1,
          filter), parallel);
      int pieces = 0;
      for (Morsel morsel = probe.next(); morsel != null; morsel = probe.next()) {
        assertThat(morsel.piece()).isNotNull();
        pieces++;
      }
      assertThat(pieces).isEqualTo(3);

      ExecutionContext one = new ExecutionContext("split-test", allocator, LocalFileSystem.INSTANCE, 4096);
      List<Long> expected = readConcurrently(single, one, 1);
      ExecutionContext four = new ExecutionContext("split-test", allocator, LocalFileSystem.INSTANCE, 4096, pool);
      List<Long> ids = readConcurrently(split, four, 4);
      Collections.sort(ids);
      Collections.sort(expected);
      assertThat(ids).isEqualTo(expected).doesNotHaveDuplicates();
      assertSameCounts(one.stats(), four.stats());
      assertThat(one.stats().total(s -> s.filesScanned)).isEqualTo(1);
      // Splits are the units of work, so the pieces of the large file count one by one.
      assertThat(one.stats().total(s -> s.splitsCompleted)).isEqualTo(1);
      assertThat(four.stats().total(s -> s.splitsCompleted)).isEqualTo(3);
      assertThat(four.stats().total(s -> s.splitsTotal)).isEqualTo(3);
      assertThat(one.stats().total(s -> s.rowGroupsPrunedByStatistics)).isEqualTo(2);
    }
  }

  /** Drains {@code copies} scans of {@code node}, each on its own thread, and returns every id they read. */
  private List<Long> readConcurrently(TableScanNode node, ExecutionContext context, int copies) throws Exception {
    List<Long> ids = Collections.synchronizedList(new ArrayList<>());
    List<TableScanOperator> scans = new ArrayList<>();
    for (int copy = 0; copy < copies; copy++) {
      scans.add(new TableScanOperator(node, context));
    }
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    for (TableScanOperator scan : scans) {
      Thread thread = new Thread(() -> {
        try (scan) {
          for (Batch next = scan.next(); next != null; next = scan.next()) {
            try (Batch batch = next) {
              BigIntVector values = (BigIntVector) batch.column(0);
              for (int row = 0; row < batch.rowCount(); row++) {
                ids.add(values.get(row));
              }
            }
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(failures).isEmpty();
    return ids;
  }

  private static void assertSameCounts(QueryStats expected, QueryStats actual) {
    StatsQueries.COUNTERS.forEach((name, counter) ->
        assertThat(actual.total(counter)).as(name).isEqualTo(expected.total(counter)));
  }
}
