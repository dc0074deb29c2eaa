package dev.tarn.bench.sql;

import dev.tarn.engine.api.EngineConfig;
import dev.tarn.engine.api.QueryResult;
import dev.tarn.engine.api.TarnEngine;
import dev.tarn.engine.api.TarnSession;
import dev.tarn.engine.sql.QueryPlanner;
import dev.tarn.tpch.TpchLakeGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
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
 * Planning cost: SQL text to Tarn's physical plan (parse, validate, optimize, prune partitions, translate) for each
 * TPC-H query, hot, without executing it. The lake (SF 0.01, Hive-partitioned like the TPC-H benchmark's) is
 * generated once into {@code ~/.tarn/bench-data/tpch-sf0.01}; only its catalog and footers matter here.
 *
 * <p>Run: {@code java -jar benchmarks/target/tarn-benchmarks.jar PlanningBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED"})
public class PlanningBenchmark {

  @Param({"1", "3", "5", "8", "9", "21"})
  public int query;

  private Path warehouse;
  private TarnEngine engine;
  private BufferAllocator allocator;
  private String sql;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path data = Path.of(System.getProperty("user.home"), ".tarn", "bench-data", "tpch-sf0.01");
    Path lake = TpchLakeGenerator.generate(data, 0.01);
    warehouse = Files.createTempDirectory("tarn-planning-bench");
    engine = TarnEngine.open(EngineConfig.defaults(warehouse));
    try (TarnSession session = engine.openSession(null)) {
      for (String statement : resource("/dev/tarn/tpch/ddl-athena.sql").replace("${DATA}", lake.toString())
          .split(";\\s*\\n")) {
        String trimmed = statement.lines().filter(line -> !line.trim().startsWith("--"))
            .reduce("", (a, b) -> a + "\n" + b).trim();
        if (!trimmed.isEmpty()) {
          try (QueryResult ignored = session.execute(trimmed.endsWith(";")
              ? trimmed.substring(0, trimmed.length() - 1) : trimmed)) {
            // DDL: nothing to read
          }
        }
      }
    }
    allocator = engine.rootAllocator().newChildAllocator("planning-bench", 0, Long.MAX_VALUE);
    sql = resource(String.format("/dev/tarn/tpch/queries/q%02d.sql", query));
  }

  @Benchmark
  public Object plan() {
    return new QueryPlanner(engine.catalog(), engine.statistics(), allocator).plan(sql, "tpch", List.of()).plan();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    allocator.close();
    engine.close();
    try (var paths = Files.walk(warehouse)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  private static String resource(String name) {
    try (InputStream in = PlanningBenchmark.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
