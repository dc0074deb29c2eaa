package dev.tarn.bench;

import dev.tarn.engine.api.EngineConfig;
import dev.tarn.engine.api.TarnEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * How much pruning saves (issue 4, "Must show"): the same aggregate over the {@link PruningLake} (60 daily
 * partitions, files sorted by {@code event_id}) as a full scan, for one day (partition pruning), and for a narrow
 * {@code event_id} range (row-group and page pruning by statistics and page indexes). Times come from JMH; bytes
 * scanned from Tarn's per-query stats, measured once per query after the JMH run. The closing table checks the
 * targets: one day ≤ 1/40 of the full scan's bytes and ≤ 1/20 of its time, the range ≤ 5% of its bytes.
 *
 * <p>Run (the lake, ~230 MB at the default 60,000 rows a day, is generated once into
 * {@code ~/.tarn/bench-data/pruning-<rowsPerDay>}; override with -Dtarn.bench.data=DIR):
 * {@code java -cp benchmarks/target/tarn-benchmarks.jar dev.tarn.bench.PruningBenchmark [rowsPerDay]}
 * or plain JMH: {@code java -jar benchmarks/target/tarn-benchmarks.jar PruningBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false"})
public class PruningBenchmark {

  /** The queries, by name: the same aggregate, which must read data (sum), over less and less of the lake. */
  static final Map<String, String> QUERIES = new LinkedHashMap<>();
  private static final String SELECT = "SELECT count(*), sum(amount), max(payload), min(ts) FROM events";

  static {
    QUERIES.put("full", SELECT);
    QUERIES.put("oneDay", SELECT + " WHERE dt = DATE '2024-01-15'");
    QUERIES.put("range", SELECT + " WHERE event_id BETWEEN 1000000 AND 1010000");
  }

  @Param({"60000"})
  public int rowsPerDay;

  @Param({"full", "oneDay", "range"})
  public String query;

  private TarnEngine engine;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    engine = openLake(rowsPerDay);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    engine.close();
  }

  @Benchmark
  public long run() {
    return EngineQueries.run(engine, QUERIES.get(query)).rows();
  }

  /** A fresh warehouse over the (generated once) lake, with the table defined and its partitions added. */
  static TarnEngine openLake(int rowsPerDay) throws Exception {
    Path dataRoot = Path.of(System.getProperty("tarn.bench.data",
        Path.of(System.getProperty("user.home"), ".tarn", "bench-data").toString()));
    Path lake = PruningLake.generate(dataRoot.resolve("pruning-" + rowsPerDay), rowsPerDay);
    TarnEngine engine = TarnEngine.open(EngineConfig.defaults(Files.createTempDirectory("tarn-pruning-warehouse")));
    EngineQueries.execute(engine, PruningLake.ddl(lake), "MSCK REPAIR TABLE events");
    return engine;
  }

  /** Runs the JMH benchmark, then measures bytes per query and prints both with the must-show checks. */
  public static void main(String[] args) throws Exception {
    int rowsPerDay = args.length > 0 ? Integer.parseInt(args[0]) : 60000;
    Collection<RunResult> results = new Runner(new OptionsBuilder()
        .include(PruningBenchmark.class.getName() + ".run")
        .param("rowsPerDay", String.valueOf(rowsPerDay))
        .build()).run();
    Map<String, Double> millis = new LinkedHashMap<>();
    for (RunResult result : results) {
      millis.put(result.getParams().getParam("query"), result.getPrimaryResult().getScore());
    }
    Map<String, EngineQueries.Run> runs = new LinkedHashMap<>();
    try (TarnEngine engine = openLake(rowsPerDay)) {
      for (Map.Entry<String, String> query : QUERIES.entrySet()) {
        runs.put(query.getKey(), EngineQueries.run(engine, query.getValue()));
      }
    }
    System.out.println(table(millis, runs));
  }

  static String table(Map<String, Double> millis, Map<String, EngineQueries.Run> runs) {
    long fullBytes = runs.get("full").stats().bytesScanned();
    double fullMillis = millis.getOrDefault("full", Double.NaN);
    List<String> lines = new ArrayList<>();
    lines.add(String.format("%-8s %12s %16s %9s %9s %12s %14s", "query", "ms/op", "bytes scanned", "bytes %",
        "time %", "partitions", "row groups"));
    for (Map.Entry<String, EngineQueries.Run> entry : runs.entrySet()) {
      var stats = entry.getValue().stats();
      double ms = millis.getOrDefault(entry.getKey(), Double.NaN);
      lines.add(String.format("%-8s %12.1f %16d %8.2f%% %8.2f%% %12s %14s", entry.getKey(), ms, stats.bytesScanned(),
          100.0 * stats.bytesScanned() / fullBytes, 100.0 * ms / fullMillis,
          stats.total(s -> s.partitionsScanned) + "/" + stats.total(s -> s.partitionsTotal),
          stats.total(s -> s.rowGroupsScanned) + "/" + stats.total(s -> s.rowGroupsTotal)));
    }
    long dayBytes = runs.get("oneDay").stats().bytesScanned();
    long rangeBytes = runs.get("range").stats().bytesScanned();
    lines.add(check("one day reads <= 1/40 of the full scan's bytes", dayBytes * 40 <= fullBytes));
    lines.add(check("one day runs in <= 1/20 of the full scan's time", millis.getOrDefault("oneDay", Double.NaN) * 20
        <= fullMillis));
    lines.add(check("the event_id range reads <= 5% of the full scan's bytes", rangeBytes * 20 <= fullBytes));
    return String.join("\n", lines);
  }

  private static String check(String target, boolean met) {
    return (met ? "MET     " : "NOT MET ") + target;
  }
}
