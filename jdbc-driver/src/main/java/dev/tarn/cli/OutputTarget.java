package dev.tarn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where result rows go: the console, or a file chosen by {@code .output FILE} (until {@code .output} alone) or
 * {@code .once FILE} (for the next statement only). Messages (errors, timing, OK) always go to the console.
 */
final class OutputTarget implements AutoCloseable {

  private final PrintWriter console;
  private PrintWriter file;
  private Path path;
  private boolean once;

  OutputTarget(PrintWriter console) {
    this.console = console;
  }

  PrintWriter console() {
    return console;
  }

  /** The writer for result rows now. */
  PrintWriter rows() {
    return file != null ? file : console;
  }

  /** The file rows go to, or null for the console. */
  Path path() {
    return path;
  }

  /** Sends rows to {@code target} (truncated first), for one statement if {@code onlyNext}, else until changed. */
  void toFile(Path target, boolean onlyNext) throws IOException {
    PrintWriter opened = new PrintWriter(Files.newBufferedWriter(target, StandardCharsets.UTF_8));
    toConsole();
    file = opened;
    path = target;
    once = onlyNext;
  }

  /** Sends rows to the console again, closing the file. */
  void toConsole() {
    if (file != null) {
      file.close();
      file = null;
      path = null;
    }
    once = false;
  }

  /** Told after each statement: ends a {@code .once} redirection. */
  void statementDone() {
    if (file != null) {
      file.flush();
    }
    if (once) {
      toConsole();
    }
  }

  @Override
  public void close() {
    toConsole();
  }
}
