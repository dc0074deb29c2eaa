package dev.tarn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.jdbc.TarnExecutionInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Ctrl-C does to a running query, over the real engine: {@link QueryCancellation#cancel()} (called by the
 * shell's SIGINT handler) stops it through {@code Statement.cancel()}, the printer says {@code Query <id>
 * cancelled}, the query history marks it CANCELLED, and the next statement runs.
 */
class ShellCancellationTest {

  @TempDir
  Path lake;

  @Test
  void cancellingTheRunningQueryPrintsItsIdAndTheNextQueryRuns() throws Exception {
    String url = ShellLake.create(lake);
    StringWriter output = new StringWriter();
    QueryCancellation cancellation = new QueryCancellation();
    ResultPrinter printer = new ResultPrinter(new OutputTarget(new PrintWriter(output)), ShellSettings.interactive(),
        null, cancellation);
    ExecutorService shellThread = Executors.newSingleThreadExecutor();
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      Future<Boolean> running = shellThread.submit(() -> printer.execute(statement, ShellLake.ENDLESS_QUERY));
      TarnExecutionInfo info = statement.unwrap(TarnExecutionInfo.class);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (info.rowsScanned() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(info.rowsScanned()).as("the query is reading").isPositive();
      assertThat(running.isDone()).isFalse();

      assertThat(cancellation.cancel()).isTrue();

      assertThat(running.get(30, TimeUnit.SECONDS)).isFalse();
      Matcher cancelled = Pattern.compile("^Query ([0-9a-f-]{36}) cancelled\n$").matcher(output.toString());
      assertThat(cancelled.find()).as(output.toString()).isTrue();
      assertThat(cancelled.group(1)).isEqualTo(info.queryId());
      assertThat(cancellation.cancel()).as("nothing runs any more").isFalse();
      try (Statement history = connection.createStatement(); ResultSet row = history.executeQuery(
          "SELECT state FROM system.queries WHERE query_id = '" + info.queryId() + "'")) {
        assertThat(row.next()).isTrue();
        assertThat(row.getString(1)).isEqualTo("CANCELLED");
      }
      output.getBuffer().setLength(0);
      try (Statement next = connection.createStatement()) {
        assertThat(printer.execute(next, "SELECT count(*) AS n FROM small WHERE k >= 0")).isTrue();
      }
      assertThat(output.toString()).startsWith(" n\n------\n 4000\n(1 row, ");
    } finally {
      shellThread.shutdownNow();
    }
  }
}
