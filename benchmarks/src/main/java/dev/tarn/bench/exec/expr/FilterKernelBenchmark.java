package dev.tarn.bench.exec.expr;

import static dev.tarn.bench.exec.BenchColumns.BIGINT;
import static dev.tarn.bench.exec.BenchColumns.BOOLEAN;
import static dev.tarn.bench.exec.BenchColumns.DATE;
import static dev.tarn.bench.exec.BenchColumns.VARCHAR;

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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * Filter kernels: a predicate compiled with {@link ExpressionCompiler} evaluated over 2^20 rows of lineitem-like
 * columns in batches of 8192 (single thread), producing the Bool vector a FilterOperator would select with. The
 * predicates are TPC-H's: comparisons on BIGINT, DECIMAL(15,2), DATE and VARCHAR, a date range (AND of two),
 * LIKE with a prefix and with two wildcards, IN over BIGINT and VARCHAR. Scores: evaluations/s of the whole
 * table, and {@code :rows} = rows/s.
 *
 * <p>Run: {@code java -jar benchmarks/target/tarn-benchmarks.jar FilterKernelBenchmark} (one predicate:
 * {@code -p filter=like_infix}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false"})
public class FilterKernelBenchmark {

  static final int ROWS = 1 << 20;
  private static final String[] SHIP_MODES = {"REG AIR", "AIR", "RAIL", "SHIP", "TRUCK", "MAIL", "FOB"};
  private static final String[][] TYPE_SYLLABLES = {
      {"STANDARD", "SMALL", "MEDIUM", "LARGE", "ECONOMY", "PROMO"},
      {"ANODIZED", "BURNISHED", "PLATED", "POLISHED", "BRUSHED"},
      {"TIN", "NICKEL", "BRASS", "STEEL", "COPPER"}};
  /** Days since 1970-01-01 of 1992-01-01 and 1998-12-01, TPC-H's ship date range. */
  private static final long FIRST_DAY = LocalDate.of(1992, 1, 1).toEpochDay();
  private static final long LAST_DAY = LocalDate.of(1998, 12, 1).toEpochDay();

  private static final ColumnRef ORDER_KEY = new ColumnRef(0, BIGINT);
  private static final ColumnRef PRICE = new ColumnRef(1, BenchColumns.decimal(15, 2));
  private static final ColumnRef SHIP_DATE = new ColumnRef(2, DATE);
  private static final ColumnRef SHIP_MODE = new ColumnRef(3, VARCHAR);
  private static final ColumnRef PART_TYPE = new ColumnRef(4, VARCHAR);
  private static final ColumnRef COMMENT = new ColumnRef(5, VARCHAR);

  @Param({"int64_lt", "decimal_lt", "date_le", "date_between", "string_eq", "like_prefix", "like_infix",
      "in_int64", "in_string"})
  public String filter;

  private BufferAllocator allocator;
  private List<Batch> batches;
  private VectorExpression predicate;

  @Setup(Level.Trial)
  public void setUp() {
    allocator = new RootAllocator();
    List<Column> columns = List.of(
        BenchColumns.bigint("l_orderkey", row -> BenchColumns.uniform(row, 1, 6_000_000)),
        BenchColumns.decimal("l_extendedprice", 15, 2, row -> 90_000 + BenchColumns.uniform(row, 2, 10_410_000)),
        BenchColumns.date("l_shipdate", row -> FIRST_DAY + BenchColumns.uniform(row, 3, LAST_DAY - FIRST_DAY)),
        BenchColumns.varchar("l_shipmode", row -> SHIP_MODES[(int) BenchColumns.uniform(row, 4, SHIP_MODES.length)]),
        BenchColumns.varchar("p_type", FilterKernelBenchmark::partType),
        BenchColumns.varchar("o_comment", row -> BenchColumns.words(BenchColumns.mix(row, 6))));
    batches = BenchColumns.batches(allocator, ROWS, ExecutionContext.DEFAULT_BATCH_SIZE, columns);
    predicate = ExpressionCompiler.compile(predicate(filter));
  }

  private static String partType(long row) {
    StringBuilder type = new StringBuilder();
    for (int i = 0; i < TYPE_SYLLABLES.length; i++) {
      type.append(i == 0 ? "" : " ").append(TYPE_SYLLABLES[i][(int) BenchColumns.uniform(row, 10 + i,
          TYPE_SYLLABLES[i].length)]);
    }
    return type.toString();
  }

  /** The predicate named {@code name}, over the columns above. */
  static Expr predicate(String name) {
    return switch (name) {
      case "int64_lt" -> call(Functions.LESS_THAN, ORDER_KEY, new Literal(3_000_000L, BIGINT));
      case "decimal_lt" -> call(Functions.LESS_THAN, PRICE,
          new Literal(new BigDecimal("50000.00"), PRICE.type()));
      case "date_le" -> call(Functions.LESS_THAN_OR_EQUAL, SHIP_DATE, date("1998-09-02"));
      case "date_between" -> call(Functions.AND,
          call(Functions.GREATER_THAN_OR_EQUAL, SHIP_DATE, date("1994-01-01")),
          call(Functions.LESS_THAN, SHIP_DATE, date("1995-01-01")));
      case "string_eq" -> call(Functions.EQUAL, SHIP_MODE, new Literal("AIR", VARCHAR));
      case "like_prefix" -> call(Functions.LIKE, PART_TYPE, new Literal("PROMO%", VARCHAR));
      case "like_infix" -> call(Functions.LIKE, COMMENT, new Literal("%special%requests%", VARCHAR));
      case "in_int64" -> in(ORDER_KEY, BIGINT, 17L, 1_000L, 20_000L, 333_333L, 1_000_000L, 2_000_003L,
          3_000_000L, 4_100_000L, 5_000_000L, 5_999_999L);
      case "in_string" -> in(SHIP_MODE, VARCHAR, "MAIL", "SHIP");
      default -> throw new IllegalArgumentException("unknown filter " + name);
    };
  }

  private static Expr call(String function, Expr... arguments) {
    return new Call(function, List.of(arguments), BOOLEAN);
  }

  private static Literal date(String text) {
    return new Literal(LocalDate.parse(text), DATE);
  }

  private static Expr in(Expr value, ArrowType type, Object... elements) {
    List<Expr> arguments = new ArrayList<>(List.of(value));
    for (Object element : elements) {
      arguments.add(new Literal(element, type));
    }
    return new Call(Functions.IN, arguments, BOOLEAN);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    BenchColumns.close(batches);
    allocator.close();
  }

  /** Evaluates the predicate on every batch. */
  @Benchmark
  public void evaluate(RowCounter counter, Blackhole blackhole) {
    for (Batch batch : batches) {
      try (FieldVector result = predicate.evaluate(batch, allocator)) {
        blackhole.consume(result);
      }
    }
    counter.rows += ROWS;
  }
}
