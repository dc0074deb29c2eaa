package dev.tarn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tarn shell} as a person uses it: the shaded driver jar (what {@code ./tarn shell} runs) in a real
 * pseudo-terminal under tmux, keys typed and the screen read back ({@link TmuxTerminal}), over a warehouse written
 * by DuckDB ({@link ShellLake}). Slow statements cross joins that run for seconds or minutes; every wait polls the
 * screen until a deadline. tmux must be installed ({@code .ci/run} installs it): without it these tests fail.
 */
class ShellTerminalIT {

  private static final Pattern PROGRESS =
      Pattern.compile("Running \\d+\\.\\d s, [\\d,]+ rows read, [\\d.]+ [KMG]?B scanned, splits \\d+/\\d+ \\[[=> ]+] \\d+%");
  private static final Pattern CANCELLED = Pattern.compile("Query [0-9a-f-]{36} cancelled");

  @TempDir
  static Path lake;
  static String warehouse;

  @TempDir
  Path home;
  private TmuxTerminal terminal;

  @BeforeAll
  static void createLake() throws Exception {
    assertThat(TmuxTerminal.installed()).as("tmux is needed to drive the shell in a terminal: install it "
        + "(apt-get install tmux; .ci/run does)").isTrue();
    warehouse = ShellLake.create(lake).substring("jdbc:tarn:".length());
  }

  @AfterEach
  void closeTerminal() {
    if (terminal != null) {
      terminal.close();
    }
  }

  /** Starts {@code tarn shell} on the lake, with its history in {@code history}. */
  private TmuxTerminal startShell(Path history) throws Exception {
    Path jar = Path.of("target", "tarn-jdbc.jar").toAbsolutePath();
    assertThat(jar).as("the shaded jar, built by the package phase").exists();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    TmuxTerminal started = TmuxTerminal.start(home.resolve("tmux"), List.of(java, "-XX:+UseSerialGC",
        "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Duser.home=" + home, "-jar", jar.toString(), "shell",
        "--warehouse", warehouse, "--history-file", history.toString()), 200, 50);
    started.awaitPrompt();
    return started;
  }

  @Test
  void tabCompletesTablesAndColumnsAndResultsPrintAlignedAsCsvAndWithTiming() throws Exception {
    terminal = startShell(home.resolve("history"));
    terminal.typeAndAwaitEcho("SELECT * FROM eve");
    terminal.press("Tab");
    terminal.await("the table completed", screen -> screen.endsWith("SELECT * FROM events"));
    terminal.typeAndAwaitEcho("WHERE event_n");
    terminal.press("Tab");
    terminal.await("the column completed", screen -> screen.endsWith("SELECT * FROM events WHERE event_name"));
    terminal.typeAndAwaitEcho(" IS NOT NULL ORDER BY 1;");
    terminal.press("Enter");
    String screen = terminal.awaitPrompt();
    assertThat(screen).contains("""
        tarn:default> SELECT * FROM events WHERE event_name IS NOT NULL ORDER BY 1;
         event_id | event_name | amount
        ----------+------------+---------
                1 | signup     |   10.50
                2 | purchase   | 1234.00
        (2 rows, """);

    terminal.clear();
    terminal.typeAndAwaitEcho("SELECT customer FROM shop.o");
    terminal.press("Tab");
    terminal.await("the qualified table completed", text -> text.endsWith("SELECT customer FROM shop.orders"));
    terminal.typeAndAwaitEcho(";");
    terminal.press("Enter");
    assertThat(terminal.awaitPrompt()).contains(" customer\n----------\n ada\n(1 row, ");

    terminal.run(".mode csv");
    assertThat(terminal.run("SELECT event_id, event_name FROM events ORDER BY 1;"))
        .contains("event_id,event_name\n1,signup\n2,purchase\n3,\n(3 rows, ");

    assertThat(terminal.run(".timing off")).contains("Timing is off.");
    assertThat(terminal.run("SELECT count(*) AS n FROM small;")).contains("n\n4000\n").doesNotContain("data scanned");
    assertThat(terminal.run(".timing on")).contains("Timing is on.");
    assertThat(terminal.run("SELECT count(*) AS n FROM small WHERE k < 10;"))
        .containsPattern("n\n10\n\\(1 row, \\d+\\.\\d{3} s, data scanned: [\\d.]+ [KM]?B");
  }

  @Test
  void statementsContinueOverLinesUntilTheSemicolonAndCtrlCClearsTheLine() throws Exception {
    terminal = startShell(home.resolve("history"));
    assertThat(terminal.run("SELECT 40 +\n2 AS answer;"))
        .startsWith("tarn:default> SELECT 40 +\n           -> 2 AS answer;\n answer\n--------\n     42\n");

    terminal.typeAndAwaitEcho("SELECT this is not finished");
    terminal.press("C-c");
    terminal.awaitPrompt();
    assertThat(terminal.run("SELECT 'fresh' AS line;"))
        .startsWith("tarn:default> SELECT 'fresh' AS line;\n line\n-------\n fresh\n").doesNotContain("Error");
  }

  @Test
  void progressLineShowsWhileASlowQueryRunsAndIsErasedByItsResult() throws Exception {
    terminal = startShell(home.resolve("history"));
    terminal.typeAndAwaitEcho(ShellLake.SLOW_QUERY + ";");
    terminal.press("Enter");
    terminal.await("the progress line", screen -> PROGRESS.matcher(screen).find());
    String screen = terminal.await("the result", text -> text.contains("(1 row, "), Duration.ofMinutes(5));
    assertThat(screen).contains(ShellLake.SLOW_QUERY + ";\n matches\n---------\n       "
        + ShellLake.SLOW_QUERY_MATCHES + "\n(1 row, ").doesNotContain("Running");
  }

  @Test
  void ctrlCCancelsTheRunningQueryAndTheShellAnswersTheNextOne() throws Exception {
    terminal = startShell(home.resolve("history"));
    terminal.typeAndAwaitEcho(ShellLake.ENDLESS_QUERY + ";");
    terminal.press("Enter");
    terminal.await("the progress line", screen -> PROGRESS.matcher(screen).find());
    terminal.press("C-c");
    String screen = terminal.awaitPrompt();
    assertThat(screen).containsPattern(Pattern.quote(ShellLake.ENDLESS_QUERY) + ";\n" + CANCELLED.pattern() + "\n")
        .doesNotContain("Running");

    assertThat(terminal.run("SELECT 42 AS answer;")).contains("SELECT 42 AS answer;\n answer\n--------\n     42\n(1 row, ");
  }

  @Test
  void historyIsKeptAcrossShellRunsAndUpRecallsWholeStatements() throws Exception {
    Path history = home.resolve("history-file");
    terminal = startShell(history);
    terminal.run("SELECT 'remembered' AS word;");
    terminal.run("SELECT 1 AS a,\n2 AS b;");
    terminal.press("C-d");
    terminal.awaitExit();
    terminal.close();
    assertThat(Files.readString(history)).contains("SELECT 'remembered' AS word;");

    terminal = startShell(history);
    terminal.press("Up");
    terminal.await("the last statement, both lines", screen -> screen.endsWith("SELECT 1 AS a,\n           -> 2 AS b;"));
    terminal.press("Up"); // in a statement of two lines, Up first moves to its first line
    terminal.press("Up");
    terminal.await("the statement before", screen -> screen.endsWith("tarn:default> SELECT 'remembered' AS word;"));
    terminal.press("Enter");
    assertThat(terminal.awaitPrompt()).contains(" word\n------------\n remembered\n(1 row, ");
  }
}
