package dev.tarn.bench.exec.expr;

import dev.tarn.bench.RowCounter;
import dev.tarn.bench.exec.BenchColumns;
import dev.tarn.bench.exec.BenchColumns.Column;
import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.expr.ExpressionCompiler;
import dev.tarn.engine.exec.expr.VectorExpression;
import dev.tarn.engine.plan.expr.Call;
import dev.tarn.engine.plan.expr.ColumnRef;
import dev.tarn.engine.plan.expr.Expr;
import dev.tarn.engine.plan.expr.Functions;
import dev.tarn.engine.plan.expr.Literal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * TPC-H Q1's projection expressions, compiled with {@link ExpressionCompiler} and evaluated over 2^20 rows of
 * lineitem-like decimal(15,2) columns in batches of 8192 (single thread), with the types Tarn's planner gives
 * them: {@code disc_price = price * (1 - discount)} is decimal(31,4), {@code charge = disc_price * (1 + tax)}
 * decimal(38,6); {@code 1} is {@code CAST(1 AS decimal(15,2))}. Scores: evaluations/s and {@code :rows} = rows/s.
 *
 * <p>Run: {@code java -jar benchmarks/target/tarn-benchmarks.jar DecimalProjectionBenchmark -p expression=charge}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false"})
public class DecimalProjectionBenchmark {

  static final int ROWS = 1 << 20;
  private static final ArrowType DECIMAL_15_2 = BenchColumns.decimal(15, 2);
  private static final ArrowType DECIMAL_16_2 = BenchColumns.decimal(16, 2);
  private static final ArrowType DECIMAL_31_4 = BenchColumns.decimal(31, 4);
  private static final ArrowType DECIMAL_38_6 = BenchColumns.decimal(38, 6);
  private static final ColumnRef PRICE = new ColumnRef(0, DECIMAL_15_2);
  private static final ColumnRef DISCOUNT = new ColumnRef(1, DECIMAL_15_2);
  private static final ColumnRef TAX = new ColumnRef(2, DECIMAL_15_2);

  @Param({"disc_price", "charge"})
  public String expression;

  private BufferAllocator allocator;
  private List<Batch> batches;
  private VectorExpression compiled;

  @Setup(Level.Trial)
  public void setUp() {
    allocator = new RootAllocator();
    List<Column> columns = List.of(
        BenchColumns.decimal("l_extendedprice", 15, 2, row -> 90_000 + BenchColumns.uniform(row, 2, 10_410_000)),
        BenchColumns.decimal("l_discount", 15, 2, row -> BenchColumns.uniform(row, 7, 11)),
        BenchColumns.decimal("l_tax", 15, 2, row -> BenchColumns.uniform(row, 8, 9)));
    batches = BenchColumns.batches(allocator, ROWS, ExecutionContext.DEFAULT_BATCH_SIZE, columns);
    compiled = ExpressionCompiler.compile(expression(expression));
  }

  /** The expression named {@code name}, over the columns above. */
  static Expr expression(String name) {
    Expr discPrice = new Call(Functions.MULTIPLY, List.of(PRICE,
        new Call(Functions.SUBTRACT, List.of(one(), DISCOUNT), DECIMAL_16_2)), DECIMAL_31_4);
    return switch (name) {
      case "disc_price" -> discPrice;
      case "charge" -> new Call(Functions.MULTIPLY, List.of(discPrice,
          new Call(Functions.ADD, List.of(one(), TAX), DECIMAL_16_2)), DECIMAL_38_6);
      default -> throw new IllegalArgumentException("unknown expression " + name);
    };
  }

  private static Expr one() {
    return new Call(Functions.CAST, List.of(new Literal(1L, new ArrowType.Int(32, true))), DECIMAL_15_2);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    BenchColumns.close(batches);
    allocator.close();
  }

  /** Evaluates the expression on every batch. */
  @Benchmark
  public void evaluate(RowCounter counter, Blackhole blackhole) {
    for (Batch batch : batches) {
      try (FieldVector result = compiled.evaluate(batch, allocator)) {
        blackhole.consume(result);
      }
    }
    counter.rows += ROWS;
  }
}
