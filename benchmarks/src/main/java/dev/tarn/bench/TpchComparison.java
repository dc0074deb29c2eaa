package dev.tarn.bench;

import dev.tarn.bench.ComparisonTable.Outcome;
import dev.tarn.tpch.TpchLakeGenerator;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs {@link TpchBenchmark} for the chosen TPC-H queries on Tarn and DuckDB in one JMH run and prints a
 * per-query table (Tarn ms, DuckDB ms, Tarn/DuckDB), the geometric mean of the ratios and the three worst; the
 * table is also written as Markdown. Every query runs on each engine in its own forked VM; a VM in which one
 * iteration (the first includes JMH's trial setup: connecting, DDL) runs past {@code --timeout} is killed and the
 * query reported as a timeout ({@link ForkWatchdog}). The lake is generated before JMH starts, so a first run's
 * data generation never counts against the timeout.
 *
 * <p>Run: {@code ./tarn bench tpch --sf 1 [--queries 1,6,10-12] [--threads N] [--warmup 2] [--iterations 5]
 * [--iteration-time 2] [--timeout 300]}, or {@code java -cp benchmarks/target/tarn-benchmarks.jar
 * dev.tarn.bench.TpchComparison ...}.
 */
@Command(name = "tarn bench tpch", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Times TPC-H queries on Tarn and DuckDB over the same cached Parquet lake (JMH, hot runs, "
        + "all rows fetched through JDBC) and prints a per-query comparison table.")
public final class TpchComparison implements Callable<Integer> {

  private static final List<String> ENGINES = List.of("tarn", "duckdb");

  @Option(names = "--sf", description = "TPC-H scale factor (default: ${DEFAULT-VALUE})")
  double scaleFactor = 1;

  @Option(names = "--queries", description = "Queries to run, e.g. 1,6,10-12 (default: all 22)")
  String queries = "1-22";

  @Option(names = "--threads", description = "Threads per query for both engines: Tarn's JDBC property `threads`, "
      + "DuckDB's SET threads (default: Tarn's default; DuckDB one per core)")
  Integer threads;

  @Option(names = "--warmup", description = "Warm-up iterations per query and engine (default: ${DEFAULT-VALUE})")
  int warmupIterations = 2;

  @Option(names = "--iterations", description = "Measured iterations per query and engine (default: ${DEFAULT-VALUE})")
  int measurementIterations = 5;

  @Option(names = "--iteration-time", description = "Seconds per iteration; a query slower than that runs once "
      + "per iteration (default: ${DEFAULT-VALUE})")
  int iterationSeconds = 2;

  @Option(names = "--timeout", description = "Seconds one iteration of a query may take (the first one includes "
      + "starting its VM and connecting) before the VM is killed and the query reported as a timeout "
      + "(default: ${DEFAULT-VALUE})")
  int timeoutSeconds = 300;

  @Option(names = "--heap", description = "Maximum heap of each benchmark VM (default: ${DEFAULT-VALUE})")
  String heap = "8g";

  @Option(names = "--output", description = "The Markdown report (default: tpch-sf<sf>.md next to the benchmarks "
      + "jar, i.e. benchmarks/target); the JMH log (.log) and results (.json) go beside it")
  Path output;

  @Spec
  CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new TpchComparison()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    List<Integer> selected;
    try {
      selected = parseQueries(queries);
      check(threads == null || threads > 0, "--threads must be positive");
      check(warmupIterations >= 0 && measurementIterations > 0, "--warmup must be >= 0 and --iterations > 0");
      check(iterationSeconds > 0 && timeoutSeconds > 0, "--iteration-time and --timeout must be positive");
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    String sf = TpchLakeGenerator.formatScaleFactor(scaleFactor);
    boolean cached = TpchLake.isCached(scaleFactor);
    System.out.printf("TPC-H SF%s data: %s%n  %s%n", sf, TpchLake.directory(scaleFactor), cached
        ? "cached (generated once by an earlier run; delete the folder to regenerate)"
        : "not cached yet: generating it now, once; later runs reuse it");
    Path lake = TpchLake.generate(scaleFactor);
    Path markdown = (output != null ? output : defaultDirectory().resolve("tpch-sf" + sf + ".md"))
        .toAbsolutePath().normalize();
    Files.createDirectories(markdown.getParent());
    String base = markdown.getFileName().toString().replaceFirst("\\.md$", "");
    Path log = markdown.resolveSibling(base + ".log");
    Path json = markdown.resolveSibling(base + ".json");
    System.out.printf("JMH output: %s%n%d queries x 2 engines, %d warm-up + %d measured iterations of %d s, "
        + "timeout %d s%n", log, selected.size(), warmupIterations, measurementIterations, iterationSeconds,
        timeoutSeconds);

    OptionsBuilder options = new OptionsBuilder();
    options.include("^" + Pattern.quote(TpchBenchmark.class.getName() + ".run") + "$")
        .param("scaleFactor", sf)
        .param("query", selected.stream().map(String::valueOf).toArray(String[]::new))
        .param("engine", ENGINES.toArray(String[]::new))
        .param("threads", String.valueOf(threads == null ? 0 : threads))
        .warmupIterations(warmupIterations).warmupTime(TimeValue.seconds(iterationSeconds))
        .measurementIterations(measurementIterations).measurementTime(TimeValue.seconds(iterationSeconds))
        .forks(1)
        // A server's heap is committed and touched once at start (-Xms = -Xmx, AlwaysPreTouch, as Elasticsearch
        // ships it): otherwise a young VM's first touch of each heap page (the kernel zeroing it) lands in the
        // measured iterations of whichever query first grows the heap.
        .jvmArgsAppend("-Xmx" + heap, "-Xms" + heap, "-XX:+AlwaysPreTouch",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false",
            "-D" + TpchLake.DATA_PROPERTY + "=" + TpchLake.dataRoot())
        // JMH's own timeout only interrupts the benchmark thread, which a running query ignores; ours kills.
        .timeout(TimeValue.seconds(timeoutSeconds + 60L))
        .shouldFailOnError(false)
        .resultFormat(ResultFormatType.JSON).result(json.toString());
    Collection<RunResult> results;
    try (PrintStream logStream = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8);
        ForkWatchdog watchdog = new ForkWatchdog(OutputFormatFactory.createFormatInstance(logStream,
            VerboseMode.NORMAL), System.out, timeoutSeconds, selected.size() * ENGINES.size(),
            TpchComparison::key)) {
      try {
        results = new Runner(options.build(), watchdog).run();
      } catch (RunnerException e) {
        // Typically JMH's lock: another benchmark run on this machine (whose timings ours would disturb).
        System.err.println("tarn bench: " + e.getMessage());
        return 1;
      }
      String report = ComparisonTable.markdown("TPC-H SF" + sf + ": Tarn vs DuckDB", header(lake, cached),
          ComparisonTable.rows(outcomes(selected, results, watchdog)));
      Files.writeString(markdown, report, StandardCharsets.UTF_8);
      System.out.println();
      System.out.println(report);
      System.out.println("Markdown report: " + markdown);
      System.out.println("JMH results (JSON): " + json + "; full JMH output: " + log);
    }
    return 0;
  }

  private static String key(BenchmarkParams params) {
    return "Q" + params.getParam("query") + " " + params.getParam("engine");
  }

  private SortedMap<Integer, Map<String, Outcome>> outcomes(List<Integer> selected, Collection<RunResult> results,
      ForkWatchdog watchdog) {
    SortedMap<Integer, Map<String, Outcome>> outcomes = new TreeMap<>();
    for (int query : selected) {
      Map<String, Outcome> byEngine = new HashMap<>();
      for (String engine : ENGINES) {
        String key = "Q" + query + " " + engine;
        byEngine.put(engine, watchdog.timedOut().contains(key) ? Outcome.failed("timeout (> " + timeoutSeconds + " s)")
            : Outcome.failed(watchdog.failures().getOrDefault(key, "no result")));
      }
      outcomes.put(query, byEngine);
    }
    for (RunResult result : results) {
      Result<?> primary = result.getPrimaryResult();
      int query = Integer.parseInt(result.getParams().getParam("query"));
      outcomes.get(query).put(result.getParams().getParam("engine"),
          Outcome.measured(primary.getScore(), primary.getScoreError()));
    }
    return outcomes;
  }

  private List<String> header(Path lake, boolean cached) {
    List<String> lines = new ArrayList<>();
    lines.add("date: " + ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS)
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    lines.add("data: `" + lake + "` (Hive-partitioned Parquet, " + (cached ? "cached from an earlier run"
        : "generated by this run") + "; generated once under ~/.tarn/bench-data and reused)");
    lines.add("machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name")
        + " " + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version") + ", DuckDB "
        + duckDbVersion());
    lines.add("threads: " + threadsDescription());
    lines.add(String.format(Locale.ROOT, "JMH: %d warm-up + %d measured iterations of %d s, one forked VM "
        + "(-Xms = -Xmx = %s, heap pre-touched) "
        + "per query and engine; hot runs, every row fetched through JDBC; mean ms ± 99.9%% confidence interval",
        warmupIterations, measurementIterations, iterationSeconds, heap));
    return lines;
  }

  private String threadsDescription() {
    int cores = Runtime.getRuntime().availableProcessors();
    if (threads == null) {
      return "Tarn its default, DuckDB " + cores + " (one per core)";
    }
    return "Tarn " + threads + " (JDBC property `" + TpchBenchmark.THREADS_PROPERTY + "`"
        + (tarnKnowsThreads() ? "" : "; this driver does not list it yet, so it may be ignored") + "), DuckDB "
        + threads;
  }

  /** Whether Tarn's driver lists the {@code threads} connection property. */
  private static boolean tarnKnowsThreads() {
    try {
      Driver driver = DriverManager.getDriver("jdbc:tarn:");
      return Arrays.stream(driver.getPropertyInfo("jdbc:tarn:", new Properties()))
          .map((DriverPropertyInfo info) -> info.name).anyMatch(TpchBenchmark.THREADS_PROPERTY::equals);
    } catch (Exception e) {
      return false;
    }
  }

  private static String duckDbVersion() {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT version()")) {
      return rows.next() ? rows.getString(1) : "unknown";
    } catch (Exception e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  /** Where reports go by default: the folder of the benchmarks jar (benchmarks/target), else the working folder. */
  private static Path defaultDirectory() {
    try {
      // benchmarks/target/tarn-benchmarks.jar, or benchmarks/target/classes when run from an IDE.
      return Path.of(TpchComparison.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
    } catch (Exception e) {
      return Path.of("").toAbsolutePath();
    }
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /** "1,6,10-12" as sorted, distinct query numbers; each must be 1 to 22. */
  static List<Integer> parseQueries(String text) {
    TreeSet<Integer> numbers = new TreeSet<>();
    for (String part : text.split(",")) {
      String trimmed = part.trim().toLowerCase(Locale.ROOT).replaceFirst("^q", "");
      if (trimmed.isEmpty()) {
        continue;
      }
      String[] range = trimmed.split("-", 2);
      int first;
      int last;
      try {
        first = Integer.parseInt(range[0].trim());
        last = range.length == 2 ? Integer.parseInt(range[1].trim()) : first;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a query number or range: '" + part + "' (expected e.g. 1,6,10-12)");
      }
      if (first < 1 || last > 22 || first > last) {
        throw new IllegalArgumentException("TPC-H queries are numbered 1 to 22: '" + part + "'");
      }
      for (int query = first; query <= last; query++) {
        numbers.add(query);
      }
    }
    if (numbers.isEmpty()) {
      throw new IllegalArgumentException("no query selected");
    }
    return List.copyOf(numbers);
  }
}
