package dev.tarn.bench.exec.operator;

import dev.tarn.bench.RowCounter;
import dev.tarn.bench.exec.BatchSource;
import dev.tarn.bench.exec.BenchColumns;
import dev.tarn.bench.exec.BenchColumns.Column;
import dev.tarn.catalog.fs.FileSystem;
import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.Operator;
import dev.tarn.engine.exec.operator.SortOperator;
import dev.tarn.engine.exec.operator.TopNOperator;
import dev.tarn.engine.plan.SortKey;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.Field;
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
 * Sorting: {@link SortOperator} (full sort, every row returned) and {@link TopNOperator} (the first 100 rows) over
 * 2^20 rows in random order (batches of 8192, single thread), ordered by a BIGINT key, a VARCHAR key, or a
 * VARCHAR key then a BIGINT descending (few distinct strings, so the second key decides often); each row also
 * carries a BIGINT payload. Scores: sorts/s of the whole input, and {@code :rows} = input rows/s.
 *
 * <p>Run: {@code java -jar benchmarks/target/tarn-benchmarks.jar SortBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false"})
public class SortBenchmark {

  static final int ROWS = 1 << 20;
  static final int TOP_N = 100;

  @Param({"int64", "string", "string_int64"})
  public String keys;

  private BufferAllocator allocator;
  private List<Field> fields;
  private List<Batch> batches;
  private List<SortKey> sortKeys;

  @Setup(Level.Trial)
  public void setUp() {
    allocator = new RootAllocator();
    List<Column> columns = List.of(
        BenchColumns.bigint("k", row -> BenchColumns.mix(row, 1)),
        BenchColumns.varchar("s", keys.equals("string_int64")
            ? row -> BenchColumns.words(BenchColumns.uniform(row, 2, 50))
            : row -> String.format(Locale.ROOT, "Customer#%09d", BenchColumns.uniform(row, 2, 1_000_000_000))),
        BenchColumns.bigint("payload", row -> row));
    fields = columns.stream().map(Column::field).toList();
    batches = BenchColumns.batches(allocator, ROWS, ExecutionContext.DEFAULT_BATCH_SIZE, columns);
    sortKeys = switch (keys) {
      case "int64" -> List.of(new SortKey(0, true, false));
      case "string" -> List.of(new SortKey(1, true, false));
      case "string_int64" -> List.of(new SortKey(1, true, false), new SortKey(0, false, false));
      default -> throw new IllegalArgumentException("unknown keys " + keys);
    };
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    BenchColumns.close(batches);
    allocator.close();
  }

  private interface OperatorFactory {
    Operator create(Operator input, ExecutionContext context);
  }

  private long run(OperatorFactory factory, long expectedRows) {
    try (BufferAllocator query = allocator.newChildAllocator("query", 0, Long.MAX_VALUE)) {
      ExecutionContext context = new ExecutionContext("bench", query, (FileSystem) null,
          ExecutionContext.DEFAULT_BATCH_SIZE);
      long rows = BatchSource.drain(factory.create(new BatchSource(fields, batches, query), context));
      if (rows != expectedRows) {
        throw new IllegalStateException("expected " + expectedRows + " rows, got " + rows);
      }
      return rows;
    }
  }

  /** Sorts every row and returns them all. */
  @Benchmark
  public long sort(RowCounter counter) {
    counter.rows += ROWS;
    return run((input, context) -> new SortOperator(input, sortKeys, context), ROWS);
  }

  /** Keeps the first {@value #TOP_N} rows in sort order. */
  @Benchmark
  public long topN(RowCounter counter) {
    counter.rows += ROWS;
    return run((input, context) -> new TopNOperator(input, sortKeys, 0, TOP_N, context), TOP_N);
  }
}
