package dev.tarn.bench.exec.operator;

import static dev.tarn.bench.exec.BenchColumns.BIGINT;

import dev.tarn.bench.RowCounter;
import dev.tarn.bench.exec.BatchSource;
import dev.tarn.bench.exec.BenchColumns;
import dev.tarn.bench.exec.BenchColumns.Column;
import dev.tarn.catalog.fs.FileSystem;
import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.operator.HashAggregateOperator;
import dev.tarn.engine.plan.AggregateNode;
import dev.tarn.engine.plan.AggregateNode.AggregateCall;
import dev.tarn.engine.plan.ValuesNode;
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
 * Hash aggregation: a {@link HashAggregateOperator} over 2^20 input rows (batches of 8192, single thread) grouped
 * by one BIGINT or VARCHAR key with few (16) or many (2^18, four rows per group, like TPC-H Q18's l_orderkey)
 * groups (a power of two; every group gets the same number of rows, in scattered order), computing either
 * {@code count(*), sum(bigint)} or {@code sum(decimal(15,2))}. Each invocation builds the hash table and reads
 * every group out. Scores: aggregations/s of the whole
 * input, and {@code :rows} = input rows/s.
 *
 * <p>Run: {@code java -jar benchmarks/target/tarn-benchmarks.jar HashAggregateBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false"})
public class HashAggregateBenchmark {

  static final int ROWS = 1 << 20;

  @Param({"int64", "string"})
  public String keyType;

  @Param({"16", "262144"})
  public int groups;

  @Param({"count_sum_int64", "sum_decimal"})
  public String aggregates;

  private BufferAllocator allocator;
  private List<Field> fields;
  private List<Batch> batches;
  private List<AggregateCall> calls;
  private List<Field> outputFields;

  @Setup(Level.Trial)
  public void setUp() {
    if (Integer.bitCount(groups) != 1) {
      throw new IllegalArgumentException("groups must be a power of two: " + groups);
    }
    allocator = new RootAllocator();
    Column key = keyType.equals("int64")
        ? BenchColumns.bigint("k", row -> group(row) * 7919)
        : BenchColumns.varchar("k", row -> String.format(Locale.ROOT, "Customer#%09d", group(row)));
    List<Column> columns = List.of(key,
        BenchColumns.bigint("v", row -> BenchColumns.uniform(row, 2, 1_000_000)),
        BenchColumns.decimal("d", 15, 2, row -> BenchColumns.uniform(row, 3, 10_000_000)));
    fields = columns.stream().map(Column::field).toList();
    batches = BenchColumns.batches(allocator, ROWS, ExecutionContext.DEFAULT_BATCH_SIZE, columns);
    calls = switch (aggregates) {
      case "count_sum_int64" -> List.of(new AggregateCall("count", List.of(), false, BIGINT, "n"),
          new AggregateCall("sum", List.of(1), false, BIGINT, "sum_v"));
      case "sum_decimal" -> List.of(new AggregateCall("sum", List.of(2), false, BenchColumns.decimal(38, 2),
          "sum_d"));
      default -> throw new IllegalArgumentException("unknown aggregates " + aggregates);
    };
    outputFields = new AggregateNode(new ValuesNode(fields, List.of()), List.of(0), calls).outputFields();
  }

  /**
   * The group of {@code row}: every run of {@code groups} consecutive rows holds each group once (multiplying by an
   * odd number permutes the residues modulo a power of two), in a scattered order.
   */
  private long group(long row) {
    return (row * 0x9E3779B97F4A7C15L) & (groups - 1);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    BenchColumns.close(batches);
    allocator.close();
  }

  /** Groups every input row and returns the number of groups. */
  @Benchmark
  public long aggregate(RowCounter counter) {
    try (BufferAllocator query = allocator.newChildAllocator("query", 0, Long.MAX_VALUE)) {
      ExecutionContext context = new ExecutionContext("bench", query, (FileSystem) null,
          ExecutionContext.DEFAULT_BATCH_SIZE);
      long groupCount = BatchSource.drain(new HashAggregateOperator(new BatchSource(fields, batches, query),
          List.of(0), calls, outputFields, context));
      if (groupCount != groups) {
        throw new IllegalStateException("expected " + groups + " groups, got " + groupCount);
      }
      counter.rows += ROWS;
      return groupCount;
    }
  }
}
