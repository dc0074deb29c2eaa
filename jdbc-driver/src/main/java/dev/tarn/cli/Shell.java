package dev.tarn.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The interactive SQL shell: line editing and persistent history (JLine), statements over many lines ended by
 * {@code ;}, several statements per line, results printed by {@link ResultPrinter}. It talks to Tarn only
 * through its JDBC connection, like any other client. Errors print one line and the shell goes on.
 */
public final class Shell {

  static final String HELP = """
      Enter SQL statements ended by ';' (they may span several lines). Examples:
        SHOW DATABASES;  USE tpch;  SHOW TABLES;  DESCRIBE lineitem;
        SELECT l_returnflag, count(*) FROM lineitem GROUP BY 1;
        EXPLAIN SELECT count(*) FROM lineitem WHERE ship_year = 1994;
        EXPLAIN ANALYZE SELECT count(*) FROM lineitem WHERE ship_year = 1994;
        SELECT query_id, state, bytes_scanned, query FROM system.queries LIMIT 10;
      Commands: help, quit or exit (or Ctrl-D). Ctrl-C clears the statement being typed.""";

  private final Connection connection;
  private final ResultPrinter printer;
  private final PrintWriter out;

  public Shell(Connection connection, PrintWriter out) {
    this.connection = connection;
    this.out = out;
    this.printer = new ResultPrinter(out);
  }

  /**
   * Runs every statement of a script (from {@code -e} or {@code -f}) and stops at the first error; returns
   * whether all succeeded.
   */
  public boolean runScript(String script) {
    StatementSplitter.Split split = StatementSplitter.split(script);
    java.util.List<String> statements = new java.util.ArrayList<>(split.statements());
    if (!split.remainder().isEmpty()) {
      statements.add(split.remainder().trim());
    }
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        if (!printer.execute(statement, sql)) {
          return false;
        }
      }
      return true;
    } catch (SQLException e) {
      printer.printError(e);
      return false;
    }
  }

  /** Reads and runs statements from the terminal until quit, exit or end of input. */
  public void runInteractive(Terminal terminal, Path historyFile) {
    LineReader reader = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("tarn")
        .variable(LineReader.HISTORY_FILE, historyFile)
        // SQL uses '!' in '!=': history expansion would mangle it.
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .build();
    out.println("Tarn " + dev.tarn.jdbc.TarnDriver.VERSION + " shell. Type 'help' for help, 'quit' to leave.");
    out.flush();
    StringBuilder pending = new StringBuilder();
    try (Statement statement = connection.createStatement()) {
      while (true) {
        String line;
        try {
          line = reader.readLine(pending.length() == 0 ? prompt() : continuationPrompt());
        } catch (UserInterruptException interrupted) {
          pending.setLength(0);
          continue;
        } catch (EndOfFileException endOfInput) {
          break;
        }
        if (pending.length() == 0 && handleCommand(line)) {
          if (isQuit(line)) {
            break;
          }
          continue;
        }
        pending.append(line).append('\n');
        StatementSplitter.Split split = StatementSplitter.split(pending.toString());
        for (String sql : split.statements()) {
          printer.execute(statement, sql);
        }
        pending.setLength(0);
        pending.append(split.remainder());
      }
    } catch (SQLException e) {
      printer.printError(e);
    } finally {
      saveHistory(reader);
    }
    out.flush();
  }

  /** Handles help, quit and exit typed alone on a line; returns whether the line was such a command. */
  private boolean handleCommand(String line) {
    String command = line.trim().toLowerCase(Locale.ROOT);
    if (command.endsWith(";")) {
      command = command.substring(0, command.length() - 1).trim();
    }
    if (command.isEmpty()) {
      return true;
    }
    if (command.equals("help") || command.equals("\\?")) {
      out.println(HELP);
      out.flush();
      return true;
    }
    return isQuit(line);
  }

  private static boolean isQuit(String line) {
    String command = line.trim().toLowerCase(Locale.ROOT).replaceAll(";$", "").trim();
    return command.equals("quit") || command.equals("exit") || command.equals("\\q");
  }

  private String prompt() {
    try {
      return "tarn:" + connection.getSchema() + "> ";
    } catch (SQLException e) {
      return "tarn> ";
    }
  }

  private String continuationPrompt() {
    return " ".repeat(Math.max(0, prompt().length() - 3)) + "-> ";
  }

  private void saveHistory(LineReader reader) {
    try {
      reader.getHistory().save();
    } catch (java.io.IOException | RuntimeException e) {
      out.println("Warning: could not save the history: " + e.getMessage());
    }
  }
}
