package dev.tarn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jline.reader.Candidate;

/**
 * The shell's own commands, typed alone on a line: dot-commands as in DuckDB and SQLite ({@code .mode csv}),
 * psql-style backslash aliases ({@code \timing}, {@code \x}, {@code \d t}), and {@code help}, {@code quit},
 * {@code exit}. Each is listed with its help in {@link #help()}.
 */
final class ShellCommands {

  private interface Action {
    /** Runs the command; returns false if the shell should end. */
    boolean run(List<String> arguments) throws SQLException, IOException;
  }

  private record Command(String name, List<String> aliases, String arguments, String help, Action action) {}

  private final Shell shell;
  private final Map<String, Command> byName = new LinkedHashMap<>();
  private final List<Command> commands = new ArrayList<>();
  /** The format {@code \x} returns to. */
  private OutputFormat beforeVertical = OutputFormat.ALIGNED;

  ShellCommands(Shell shell) {
    this.shell = shell;
    add(".help", List.of("help", "\\?", "\\h"), "", "this help", arguments -> {
      console().println(help());
      return true;
    });
    add(".quit", List.of(".exit", "quit", "exit", "\\q"), "", "leave the shell, as Ctrl-D does", arguments -> false);
    add(".mode", List.of(".format"), "[FORMAT]",
        OutputFormat.names().replace(", json", " or json") + " (JSON Lines); alone: show it", this::mode);
    add("\\x", List.of(), "", "switch between vertical and the format before", arguments -> {
      if (settings().format == OutputFormat.VERTICAL) {
        settings().format = beforeVertical;
      } else {
        beforeVertical = settings().format;
        settings().format = OutputFormat.VERTICAL;
      }
      console().println("Output format is " + settings().format.typedName() + ".");
      return true;
    });
    add(".timing", List.of(".timer", "\\timing"), "[on|off]",
        "time, rows and data scanned after each statement; alone: toggle", arguments -> {
          settings().timing = toggle(arguments, settings().timing, "Timing");
          return true;
        });
    add(".progress", List.of("\\progress"), "[on|off]",
        "a live progress line while a query runs; alone: toggle", arguments -> {
          settings().progress = toggle(arguments, settings().progress, "Progress");
          return true;
        });
    add(".maxrows", List.of(), "[N]", "show at most N rows of a result, 0 for all (default "
        + ShellSettings.INTERACTIVE_MAX_ROWS + ")", arguments -> {
          settings().maxRows = number(arguments, settings().maxRows, "Max rows");
          return true;
        });
    add(".maxwidth", List.of(), "[N]", "cut longer values in aligned tables, 0 never (default " + ShellSettings.DEFAULT_MAX_WIDTH + ")", arguments -> {
          settings().maxWidth = (int) Math.min(Integer.MAX_VALUE, number(arguments, settings().maxWidth, "Max width"));
          return true;
        });
    add(".nullvalue", List.of("\\pset null"), "[TEXT]",
        "show NULL as TEXT; alone: NULL, or empty in csv/tsv", arguments -> {
          settings().nullValue = arguments.isEmpty() ? null : String.join(" ", arguments);
          console().println("NULL is shown as '" + settings().nullText(settings().format) + "'.");
          return true;
        });
    add(".databases", List.of(".schemas", "\\l", "\\dn"), "", "list the databases", arguments -> {
      databases();
      return true;
    });
    add(".tables", List.of("\\dt"), "[PATTERN]",
        "the current database's tables, or those matching [db.]PATTERN (LIKE's % and _)",
        arguments -> {
          tables(arguments.isEmpty() ? null : arguments.get(0));
          return true;
        });
    add(".describe", List.of("\\d"), "TABLE", "the columns of a table", arguments -> {
      describe(arguments);
      return true;
    });
    add(".use", List.of("\\c"), "DATABASE", "switch the current database, as USE does", arguments -> {
      if (arguments.size() != 1) {
        console().println("Usage: .use DATABASE");
      } else {
        shell.connection().setSchema(unquote(arguments.get(0)));
        shell.catalogChanged();
        console().println("Using " + shell.connection().getSchema() + ".");
      }
      return true;
    });
    add(".read", List.of("\\i"), "FILE", "run the statements and commands in FILE", arguments -> {
      if (arguments.size() != 1) {
        console().println("Usage: .read FILE");
        return true;
      }
      return shell.runFile(Path.of(unquote(arguments.get(0))));
    });
    add(".output", List.of("\\o"), "[FILE]", "send results to FILE (emptied first); alone: to the screen",
        arguments -> {
          if (arguments.isEmpty()) {
            shell.target().toConsole();
          } else {
            shell.target().toFile(Path.of(unquote(arguments.get(0))), false);
          }
          return true;
        });
    add(".once", List.of(), "FILE", "send the next result only to FILE", arguments -> {
      if (arguments.size() != 1) {
        console().println("Usage: .once FILE");
      } else {
        shell.target().toFile(Path.of(unquote(arguments.get(0))), true);
      }
      return true;
    });
    add(".refresh", List.of(), "", "reload the names Tab completes", arguments -> {
      shell.catalogChanged();
      return true;
    });
  }

  private void add(String name, List<String> aliases, String arguments, String help, Action action) {
    Command command = new Command(name, aliases, arguments, help, action);
    commands.add(command);
    byName.put(name, command);
    aliases.forEach(alias -> byName.put(alias, command));
  }

  /** Whether {@code line} is a shell command rather than SQL: it starts with '.' or '\', or is help/quit/exit. */
  static boolean isCommand(String line) {
    String trimmed = line.strip();
    if (trimmed.startsWith(".") || trimmed.startsWith("\\")) {
      return true;
    }
    String word = trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1).strip() : trimmed;
    word = word.toLowerCase(Locale.ROOT);
    return word.equals("help") || word.equals("quit") || word.equals("exit");
  }

  /**
   * Runs the command on {@code line}; returns false if the shell should end. Unknown commands and failures print
   * one line and the shell goes on.
   */
  boolean run(String line) {
    String trimmed = line.strip();
    if (trimmed.endsWith(";") && !trimmed.startsWith(".") && !trimmed.startsWith("\\")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
    }
    List<String> words = new ArrayList<>(List.of(trimmed.split("\\s+")));
    String name = words.remove(0).toLowerCase(Locale.ROOT);
    if (name.equals("\\pset") && !words.isEmpty() && words.get(0).equalsIgnoreCase("null")) {
      name = "\\pset null";
      words.remove(0);
    }
    Command command = byName.get(name);
    if (command == null) {
      console().println("Unknown command: " + name + ". Type .help for the list.");
      console().flush();
      return true;
    }
    try {
      return command.action().run(words);
    } catch (SQLException | IOException | RuntimeException e) {
      shell.printer().printError(e);
      return true;
    } finally {
      console().flush();
    }
  }

  /** The help text: how to type SQL, then every command with its aliases. */
  String help() {
    StringBuilder text = new StringBuilder("""
        Enter SQL statements ended by ';'. A statement may span lines (Enter continues it until the ';'), and a line
        may hold several. Tab completes keywords, databases, tables and columns; Up and Down recall earlier
        statements (kept in the history file); Ctrl-C cancels the running query, or clears what you are typing;
        Ctrl-D leaves. Examples:
          SHOW DATABASES;  USE tpch;  SHOW TABLES;  DESCRIBE lineitem;
          SELECT l_returnflag, count(*) FROM lineitem GROUP BY 1;
          EXPLAIN ANALYZE SELECT count(*) FROM lineitem WHERE ship_year = 1994;
          SELECT query_id, state, bytes_scanned, query FROM system.queries LIMIT 10;
        Commands (alone on a line):
        """);
    for (Command command : commands) {
      String usage = command.name() + (command.arguments().isEmpty() ? "" : " " + command.arguments());
      String aliases = command.aliases().isEmpty() ? "" : "  [" + String.join(" ", command.aliases()) + "]";
      text.append(String.format(Locale.ROOT, "  %-19s %s%s%n", usage, command.help(), aliases));
    }
    return text.toString().stripTrailing();
  }

  /** Every command name and alias that starts with '.' or '\\', for completion at the start of a line. */
  List<String> names() {
    return byName.keySet().stream().filter(name -> name.startsWith(".") || name.startsWith("\\")).toList();
  }

  /** Candidates for the argument of the command in {@code before}: formats, on/off, tables, databases. */
  static List<Candidate> argumentCandidates(String before, SqlCompleter completer) {
    String name = before.strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
    Map<String, Candidate> result = new LinkedHashMap<>();
    switch (name) {
      case ".mode", ".format" -> {
        for (OutputFormat format : OutputFormat.values()) {
          result.put(format.typedName(), new Candidate(format.typedName(), format.typedName(), "format", null, null,
              null, true));
        }
      }
      case ".timing", ".timer", "\\timing", ".progress", "\\progress" -> {
        result.put("on", new Candidate("on"));
        result.put("off", new Candidate("off"));
      }
      case ".describe", "\\d" -> completer.tables(null, "", result);
      case ".use", "\\c" -> completer.databases("", result);
      case ".tables", "\\dt" -> completer.databases(".", result);
      default -> {
        // Files and free text: nothing to offer.
      }
    }
    return new ArrayList<>(result.values());
  }

  private boolean mode(List<String> arguments) {
    if (arguments.isEmpty()) {
      console().println("Output format is " + settings().format.typedName() + " (" + OutputFormat.names() + ").");
      return true;
    }
    OutputFormat format = OutputFormat.named(arguments.get(0));
    if (format == null) {
      console().println("Unknown format '" + arguments.get(0) + "': use one of " + OutputFormat.names() + ".");
    } else {
      settings().format = format;
    }
    return true;
  }

  private boolean toggle(List<String> arguments, boolean current, String what) {
    boolean value = current;
    if (arguments.isEmpty()) {
      value = !current;
    } else if (arguments.get(0).equalsIgnoreCase("on")) {
      value = true;
    } else if (arguments.get(0).equalsIgnoreCase("off")) {
      value = false;
    } else {
      console().println("Expected on or off, not '" + arguments.get(0) + "'.");
      return current;
    }
    console().println(what + " is " + (value ? "on" : "off") + ".");
    return value;
  }

  private long number(List<String> arguments, long current, String what) {
    if (!arguments.isEmpty()) {
      try {
        long value = Long.parseLong(arguments.get(0));
        if (value < 0) {
          throw new NumberFormatException();
        }
        current = value;
      } catch (NumberFormatException e) {
        console().println("Expected a number of 0 or more, not '" + arguments.get(0) + "'.");
        return current;
      }
    }
    console().println(what + " is " + (current == 0 ? "unlimited" : current) + ".");
    return current;
  }

  private void databases() throws SQLException {
    List<String[]> rows = new ArrayList<>();
    try (ResultSet schemas = shell.connection().getMetaData().getSchemas()) {
      while (schemas.next()) {
        rows.add(new String[] {schemas.getString("TABLE_SCHEM")});
      }
    }
    shell.printer().printRows(List.of(new RowWriter.Column("database", Types.VARCHAR)), rows);
  }

  private void tables(String pattern) throws SQLException {
    String schemaPattern = shell.connection().getSchema();
    String tablePattern = "%";
    if (pattern != null) {
      int dot = pattern.lastIndexOf('.');
      schemaPattern = dot < 0 ? schemaPattern : unquote(pattern.substring(0, dot));
      tablePattern = unquote(pattern.substring(dot + 1));
    }
    List<String[]> rows = new ArrayList<>();
    DatabaseMetaData metadata = shell.connection().getMetaData();
    try (ResultSet tables = metadata.getTables(null, schemaPattern, tablePattern, null)) {
      while (tables.next()) {
        rows.add(new String[] {tables.getString("TABLE_SCHEM"), tables.getString("TABLE_NAME"),
            tables.getString("TABLE_TYPE")});
      }
    }
    shell.printer().printRows(List.of(new RowWriter.Column("database", Types.VARCHAR),
        new RowWriter.Column("table", Types.VARCHAR), new RowWriter.Column("type", Types.VARCHAR)), rows);
  }

  private void describe(List<String> arguments) throws SQLException {
    if (arguments.size() != 1) {
      console().println("Usage: .describe [DATABASE.]TABLE");
      return;
    }
    List<String> names = new ArrayList<>();
    for (SqlTokens.Token token : SqlTokens.tokenize(arguments.get(0))) {
      if (token.isName()) {
        names.add(token.name());
      }
    }
    if (names.isEmpty() || names.size() > 2) {
      console().println("Usage: .describe [DATABASE.]TABLE");
      return;
    }
    String table = names.get(names.size() - 1);
    String database = names.size() == 2 ? names.get(0) : shell.connection().getSchema();
    List<String[]> rows = new ArrayList<>();
    DatabaseMetaData metadata = shell.connection().getMetaData();
    try (ResultSet columns = metadata.getColumns(null, database, table, "%")) {
      while (columns.next()) {
        if (columns.getString("TABLE_SCHEM").equalsIgnoreCase(database)
            && columns.getString("TABLE_NAME").equalsIgnoreCase(table)) {
          rows.add(new String[] {columns.getString("COLUMN_NAME"), typeOf(columns),
              columns.getString("IS_NULLABLE"), columns.getString("REMARKS")});
        }
      }
    }
    if (rows.isEmpty()) {
      console().println("No table " + database + "." + table + ".");
      return;
    }
    shell.printer().printRows(List.of(new RowWriter.Column("column", Types.VARCHAR),
        new RowWriter.Column("type", Types.VARCHAR), new RowWriter.Column("nullable", Types.VARCHAR),
        new RowWriter.Column("comment", Types.VARCHAR)), rows);
  }

  /** The column's type as DDL writes it: JDBC's TYPE_NAME, with precision and scale for decimals. */
  private static String typeOf(ResultSet column) throws SQLException {
    String name = column.getString("TYPE_NAME");
    int type = column.getInt("DATA_TYPE");
    if ((type == Types.DECIMAL || type == Types.NUMERIC) && name.indexOf('(') < 0) {
      return name + "(" + column.getInt("COLUMN_SIZE") + "," + column.getInt("DECIMAL_DIGITS") + ")";
    }
    return name;
  }

  /** A name or path as typed, without surrounding quotes. */
  private static String unquote(String text) {
    if (text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"")
        || text.startsWith("'") && text.endsWith("'"))) {
      return text.substring(1, text.length() - 1);
    }
    return text;
  }

  private ShellSettings settings() {
    return shell.settings();
  }

  private PrintWriter console() {
    return shell.target().console();
  }
}
