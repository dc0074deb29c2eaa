package dev.tarn.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * JMH's output, watched: passes every event to JMH's own text format (written to a log file), prints one short
 * progress line per benchmark on the console, and kills the forked VM of a benchmark whose current phase (from
 * its start to the first iteration, or one iteration, the first of which also runs JMH's trial setup) runs longer
 * than the timeout, so one slow query cannot hang the run. JMH then moves on to the next benchmark; the killed one
 * has no result and is listed in {@link #timedOut()}.
 *
 * <p>Forked VMs are this process's only children (JMH starts one per benchmark), so the watchdog kills the
 * children it finds, and their descendants.
 */
final class ForkWatchdog implements OutputFormat, AutoCloseable {

  private final OutputFormat log;
  private final PrintStream console;
  private final long timeoutNanos;
  private final int benchmarkCount;
  private final Function<BenchmarkParams, String> keyOf;
  private final Set<String> timedOut = ConcurrentHashMap.newKeySet();
  private final Map<String, String> failures = new ConcurrentHashMap<>();
  private final Thread watcher;
  private volatile String current;
  private volatile long phaseStarted;
  private int started;

  /**
   * {@code keyOf} names a benchmark (e.g. "6/tarn") in {@link #timedOut()} and {@link #failures()};
   * {@code benchmarkCount} is only for the progress counter.
   */
  ForkWatchdog(OutputFormat log, PrintStream console, long timeoutSeconds, int benchmarkCount,
      Function<BenchmarkParams, String> keyOf) {
    this.log = log;
    this.console = console;
    this.timeoutNanos = timeoutSeconds * 1_000_000_000L;
    this.benchmarkCount = benchmarkCount;
    this.keyOf = keyOf;
    this.watcher = new Thread(this::watch, "jmh-fork-watchdog");
    watcher.setDaemon(true);
    watcher.start();
  }

  /** The benchmarks whose fork was killed for running past the timeout. */
  Set<String> timedOut() {
    return Set.copyOf(timedOut);
  }

  /** For benchmarks that failed, the first exception line JMH printed for them. */
  Map<String, String> failures() {
    return Map.copyOf(failures);
  }

  private void watch() {
    while (true) {
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        return;
      }
      String key = current;
      if (key != null && System.nanoTime() - phaseStarted > timeoutNanos && timedOut.add(key)) {
        console.print(" timeout, killing the forked VM ...");
        console.flush();
        log.println("<tarn bench: " + key + " ran past the timeout of " + timeoutNanos / 1_000_000_000L
            + " s in one phase; killing its forked VM>");
        ProcessHandle.current().children().forEach(child -> {
          child.descendants().forEach(ProcessHandle::destroyForcibly);
          child.destroyForcibly();
        });
      }
    }
  }

  private void phase() {
    phaseStarted = System.nanoTime();
  }

  @Override
  public void startBenchmark(BenchmarkParams params) {
    finishLine(null);
    current = keyOf.apply(params);
    phase();
    started++;
    console.printf(Locale.ROOT, "[%d/%d] %-12s ", started, benchmarkCount, current);
    console.flush();
    log.startBenchmark(params);
  }

  @Override
  public void iteration(BenchmarkParams params, IterationParams iteration, int index) {
    phase();
    console.print(iteration.getType() == IterationType.WARMUP ? "w" : ".");
    console.flush();
    log.iteration(params, iteration, index);
  }

  @Override
  public void iterationResult(BenchmarkParams params, IterationParams iteration, int index,
      IterationResult result) {
    phase();
    log.iterationResult(params, iteration, index, result);
  }

  @Override
  public void endBenchmark(BenchmarkResult result) {
    finishLine(result);
    log.endBenchmark(result);
  }

  /** Ends the console line of the current benchmark, if one is open, with its score or what went wrong. */
  private void finishLine(BenchmarkResult result) {
    String key = current;
    if (key == null) {
      return;
    }
    current = null;
    if (result != null && result.getPrimaryResult() != null) {
      console.printf(Locale.ROOT, " %s %s%n", ComparisonTable.format(result.getPrimaryResult().getScore()),
          result.getPrimaryResult().getScoreUnit());
    } else if (timedOut.contains(key)) {
      console.println(" timed out");
    } else {
      failures.putIfAbsent(key, "failed");
      console.println(" " + failures.get(key) + " (see the JMH log)");
    }
  }

  private void remember(String text) {
    String key = current;
    if (key != null && text != null && !failures.containsKey(key)) {
      for (String line : text.split("\n")) {
        if (line.contains("Exception") || line.contains("Error:") || line.contains("forked VM failed")) {
          failures.put(key, "failed: " + line.trim().replace('|', '/'));
          return;
        }
      }
    }
  }

  @Override
  public void startRun() {
    log.startRun();
  }

  @Override
  public void endRun(Collection<RunResult> result) {
    finishLine(null);
    log.endRun(result);
  }

  @Override
  public void print(String text) {
    remember(text);
    log.print(text);
  }

  @Override
  public void println(String text) {
    remember(text);
    log.println(text);
  }

  @Override
  public void flush() {
    log.flush();
    console.flush();
  }

  @Override
  public void close() {
    watcher.interrupt();
    log.close();
  }

  @Override
  public void verbosePrintln(String text) {
    log.verbosePrintln(text);
  }

  @Override
  public void write(int b) {
    log.write(b);
  }

  @Override
  public void write(byte[] b) throws IOException {
    log.write(b);
  }
}
