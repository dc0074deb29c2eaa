package dev.tarn.bench.exec.operator;

import dev.tarn.bench.RowCounter;
import dev.tarn.bench.exec.BatchSource;
import dev.tarn.bench.exec.BenchColumns;
import dev.tarn.bench.exec.BenchColumns.Column;
import dev.tarn.catalog.fs.FileSystem;
import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.Operator;
import dev.tarn.engine.exec.operator.HashJoinOperator;
import dev.tarn.engine.plan.BuildSide;
import dev.tarn.engine.plan.JoinNode;
import dev.tarn.engine.plan.JoinType;
import dev.tarn.engine.plan.ValuesNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;
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
 * Hash join, build and probe timed apart: an INNER {@link HashJoinOperator} on one BIGINT or VARCHAR key, the
 * right input (key + a BIGINT payload, unique keys) built, the left one (2^20 rows, key + BIGINT) probed, every
 * probe row matching exactly one build row as a foreign key does (lineitem to orders). Batches of 8192, single
 * thread. {@code build}: the join over an empty probe side, so only the build side is hashed; score {@code :rows}
 * = build rows/s. {@code probe}: the build is done before the timed part (per invocation, by pulling one primed
 * row), then 2^20 rows are probed and their output built; {@code :rows} = probe rows/s.
 *
 * <p>Run: {@code java -jar benchmarks/target/tarn-benchmarks.jar HashJoinBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false"})
public class HashJoinBenchmark {

  static final int PROBE_ROWS = 1 << 20;

  @Param({"int64", "string"})
  public String keyType;

  @Param({"10000", "1000000"})
  public int buildRows;

  private BufferAllocator allocator;
  private List<Field> buildFields;
  private List<Field> probeFields;
  private List<Batch> buildBatches;
  /** The probe side: first a one-row batch matching build row 0 (to trigger the build), then the probe rows. */
  private List<Batch> probeBatches;
  private List<Field> outputFields;

  @Setup(Level.Trial)
  public void setUp() {
    allocator = new RootAllocator();
    int batchSize = ExecutionContext.DEFAULT_BATCH_SIZE;
    List<Column> build = List.of(key("o_orderkey", row -> row),
        BenchColumns.bigint("o_totalprice", row -> BenchColumns.uniform(row, 1, 50_000_000)));
    List<Column> probe = List.of(key("l_orderkey", row -> BenchColumns.uniform(row, 2, buildRows)),
        BenchColumns.bigint("l_quantity", row -> 1 + BenchColumns.uniform(row, 3, 50)));
    buildFields = build.stream().map(Column::field).toList();
    probeFields = probe.stream().map(Column::field).toList();
    buildBatches = BenchColumns.batches(allocator, buildRows, batchSize, build);
    probeBatches = new ArrayList<>(BenchColumns.batches(allocator, 1, batchSize,
        List.of(key("l_orderkey", row -> 0), BenchColumns.bigint("l_quantity", row -> 1))));
    probeBatches.addAll(BenchColumns.batches(allocator, PROBE_ROWS, batchSize, probe));
    outputFields = new JoinNode(new ValuesNode(probeFields, List.of()), new ValuesNode(buildFields, List.of()),
        JoinType.INNER, List.of(0), List.of(0), null, BuildSide.RIGHT).outputFields();
  }

  /** The join key column: build row {@code i}'s key is {@code i * 7919} (or its VARCHAR rendering). */
  private Column key(String name, LongUnaryOperator buildRowOfRow) {
    return keyType.equals("int64")
        ? BenchColumns.bigint(name, row -> buildRowOfRow.applyAsLong(row) * 7919)
        : BenchColumns.varchar(name, row -> String.format(Locale.ROOT, "Customer#%09d",
            buildRowOfRow.applyAsLong(row) * 7919));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    BenchColumns.close(buildBatches);
    BenchColumns.close(probeBatches);
    allocator.close();
  }

  private Operator join(List<Batch> probe, ExecutionContext context) {
    BufferAllocator query = context.allocator();
    return new HashJoinOperator(new BatchSource(probeFields, probe, query),
        new BatchSource(buildFields, buildBatches, query), JoinType.INNER, List.of(0), List.of(0), List.of(), null,
        BuildSide.RIGHT, outputFields, context);
  }

  private ExecutionContext context(BufferAllocator query) {
    return new ExecutionContext("bench", query, (FileSystem) null, ExecutionContext.DEFAULT_BATCH_SIZE);
  }

  /** Hashes the build side (the probe side is empty). */
  @Benchmark
  public long build(RowCounter counter) {
    try (BufferAllocator query = allocator.newChildAllocator("query", 0, Long.MAX_VALUE)) {
      long rows = BatchSource.drain(join(List.of(), context(query)));
      counter.rows += buildRows;
      return rows;
    }
  }

  /** A join whose build side is already hashed: the state of the {@code probe} benchmark, made per invocation. */
  @State(Scope.Thread)
  public static class BuiltJoin {
    BufferAllocator query;
    Operator join;

    @Setup(Level.Invocation)
    public void build(HashJoinBenchmark data) {
      query = data.allocator.newChildAllocator("query", 0, Long.MAX_VALUE);
      join = data.join(data.probeBatches, data.context(query));
      try (Batch primed = join.next()) {
        if (primed == null || primed.rowCount() != 1) {
          throw new IllegalStateException("the primed probe row should give one output row");
        }
      }
    }

    @TearDown(Level.Invocation)
    public void close() {
      join.close();
      query.close();
    }
  }

  /** Probes every probe row into the built hash table and builds the joined batches. */
  @Benchmark
  public long probe(BuiltJoin built, RowCounter counter) {
    long rows = BatchSource.drain(built.join);
    if (rows != PROBE_ROWS) {
      throw new IllegalStateException("expected " + PROBE_ROWS + " joined rows, got " + rows);
    }
    counter.rows += PROBE_ROWS;
    return rows;
  }
}
