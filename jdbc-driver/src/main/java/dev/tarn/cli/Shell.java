package dev.tarn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;

/**
 * The SQL shell: interactive (JLine: completion, persistent history, statements over many lines ended by
 * {@code ;}, several per line, Ctrl-C cancelling the running query) or running a script ({@code -e}, {@code -f},
 * {@code .read}). Statements go to {@link ResultPrinter}, lines starting with '.' or '\' to {@link ShellCommands}.
 * It talks to Tarn only through its JDBC connection, like any other client, so it works the same on a warehouse
 * path and on a server. Errors print one line and the shell goes on.
 */
public final class Shell {

  /** Statements after which table and column names are the same as before; any other may change them. */
  private static final Set<String> READ_ONLY_STATEMENTS =
      Set.of("SELECT", "WITH", "VALUES", "EXPLAIN", "SHOW", "DESCRIBE", "DESC", "TABLE", "(");

  private enum Outcome { DONE, FAILED, QUIT }

  private final Connection connection;
  private final ShellSettings settings;
  private final OutputTarget target;
  private final QueryCancellation cancellation = new QueryCancellation();
  private final CompletionCatalog catalog;
  private final ShellCommands commands;
  private ResultPrinter printer;

  /** A shell printing aligned tables with timing to {@code out}. */
  public Shell(Connection connection, PrintWriter out) {
    this(connection, out, new ShellSettings());
  }

  Shell(Connection connection, PrintWriter out, ShellSettings settings) {
    this.connection = connection;
    this.settings = settings;
    this.target = new OutputTarget(out);
    this.catalog = new CompletionCatalog(connection);
    this.commands = new ShellCommands(this);
    this.printer = new ResultPrinter(target, settings, null, cancellation);
  }

  /**
   * Runs the statements and shell commands of a script (from {@code -e} or {@code -f}) and stops at the first
   * failed statement; returns whether none failed. A command must start its own line.
   */
  public boolean runScript(String script) {
    return runLines(script) != Outcome.FAILED;
  }

  /** Runs a script file ({@code .read}); returns false if it asked the shell to quit. */
  boolean runFile(Path file) throws IOException {
    return runLines(Files.readString(file, StandardCharsets.UTF_8)) != Outcome.QUIT;
  }

  private Outcome runLines(String script) {
    ShellInput.Parsed input = ShellInput.parse(script);
    for (ShellInput.Piece piece : input.pieces()) {
      if (piece.command()) {
        if (!commands.run(piece.text())) {
          return Outcome.QUIT;
        }
      } else if (!runStatement(piece.text())) {
        return Outcome.FAILED;
      }
    }
    return input.remainder().isEmpty() || runStatement(input.remainder()) ? Outcome.DONE : Outcome.FAILED;
  }

  /** Reads and runs statements and commands from the terminal until {@code .quit} or Ctrl-D. */
  public void runInteractive(Terminal terminal, Path historyFile) {
    LineReader reader = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("tarn")
        .parser(new SqlLineParser())
        .completer(new SqlCompleter(catalog, commands.names()))
        .variable(LineReader.HISTORY_FILE, historyFile)
        .variable(LineReader.HISTORY_FILE_SIZE, 10_000)
        // Continuation lines of a statement: "-> " right-aligned under the prompt.
        .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P -> ")
        // SQL uses '!' in '!=': history expansion would mangle it.
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .option(LineReader.Option.CASE_INSENSITIVE, true)
        .option(LineReader.Option.INSERT_TAB, false)
        .build();
    printer = new ResultPrinter(target, settings, ProgressLine.on(terminal), cancellation);
    Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> cancellation.cancel());
    PrintWriter console = target.console();
    console.println("Tarn " + dev.tarn.jdbc.TarnDriver.VERSION + " shell on " + url()
        + ". Enter SQL ended by ';', .help for help, Ctrl-D to leave.");
    console.flush();
    try {
      while (true) {
        String line;
        try {
          line = reader.readLine(prompt());
        } catch (UserInterruptException typing) {
          continue; // Ctrl-C while typing: the buffer is dropped
        } catch (EndOfFileException endOfInput) {
          break;
        }
        if (line.isBlank()) {
          continue;
        }
        if (!runTyped(line, terminal)) {
          break;
        }
      }
    } finally {
      terminal.handle(Terminal.Signal.INT, previous);
      target.close();
      saveHistory(reader);
    }
  }

  /**
   * Runs what was typed or pasted at the prompt, every statement even if one fails; returns false if a command asked
   * to leave.
   */
  private boolean runTyped(String typed, Terminal terminal) {
    ShellInput.Parsed input = ShellInput.parse(typed);
    Attributes typing = echoOff(terminal);
    try {
      for (ShellInput.Piece piece : input.pieces()) {
        if (piece.command()) {
          if (!commands.run(piece.text())) {
            return false;
          }
        } else {
          runStatement(piece.text());
        }
      }
      if (!input.remainder().isEmpty()) {
        runStatement(input.remainder()); // input without an end (a dumb terminal's last line)
      }
      return true;
    } finally {
      if (typing != null) {
        terminal.setAttributes(typing);
      }
    }
  }

  /**
   * Stops the terminal echoing keys typed while statements run, so that they do not garble the progress line and
   * results (they stay buffered for the next prompt, which shows them); Ctrl-C still interrupts. Returns the
   * attributes to restore, or null on terminals without a progress line.
   */
  private Attributes echoOff(Terminal terminal) {
    if (ProgressLine.on(terminal) == null) {
      return null;
    }
    Attributes typing = terminal.getAttributes();
    Attributes running = new Attributes(typing);
    running.setLocalFlag(Attributes.LocalFlag.ECHO, false);
    running.setLocalFlag(Attributes.LocalFlag.ICANON, false);
    running.setLocalFlag(Attributes.LocalFlag.ISIG, true);
    terminal.setAttributes(running);
    return typing;
  }

  /** Runs one statement on a statement of its own (a failed statement leaves no state behind in any driver). */
  private boolean runStatement(String sql) {
    boolean succeeded;
    try (Statement statement = connection.createStatement()) {
      succeeded = printer.execute(statement, sql);
    } catch (SQLException e) {
      printer.printError(e);
      succeeded = false;
    }
    if (!isReadOnly(sql)) {
      catalog.invalidate();
    }
    return succeeded;
  }

  private static boolean isReadOnly(String sql) {
    List<SqlTokens.Token> tokens = SqlTokens.tokenize(sql);
    return !tokens.isEmpty() && READ_ONLY_STATEMENTS.contains(tokens.get(0).text().toUpperCase(Locale.ROOT));
  }

  Connection connection() {
    return connection;
  }

  ShellSettings settings() {
    return settings;
  }

  OutputTarget target() {
    return target;
  }

  ResultPrinter printer() {
    return printer;
  }

  /** Tables or the current database may have changed: completion reads the names again. */
  void catalogChanged() {
    catalog.invalidate();
  }

  private String url() {
    try {
      return connection.getMetaData().getURL();
    } catch (SQLException e) {
      return "an unknown URL";
    }
  }

  private String prompt() {
    try {
      return "tarn:" + connection.getSchema() + "> ";
    } catch (SQLException e) {
      return "tarn> ";
    }
  }

  private void saveHistory(LineReader reader) {
    try {
      reader.getHistory().save();
    } catch (IOException | RuntimeException e) {
      target.console().println("Warning: could not save the history: " + e.getMessage());
      target.console().flush();
    }
  }
}
