package dev.tarn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tarn shell}: the interactive SQL shell, or a script run with {@code -e} / {@code -f}, on a warehouse
 * directory (embedded) or any {@code jdbc:tarn:} URL, a server's {@code jdbc:tarn://host:port} included.
 */
@Command(name = "shell", mixinStandardHelpOptions = true, description = {
    "Interactive SQL shell (Tab completion, history, multi-line statements, .help for commands), or run "
        + "statements with -e / -f.",
    "Connects to a warehouse directory (embedded) or a JDBC URL such as jdbc:tarn://host:port."})
final class ShellCommand implements Callable<Integer> {

  @Mixin
  WarehouseOption warehouse;

  @Parameters(arity = "0..1", paramLabel = "TARGET",
      description = "A warehouse directory or a jdbc:tarn: URL (instead of --warehouse / --url)")
  String target;

  @Option(names = "--url", paramLabel = "URL", description = "JDBC URL to connect to, e.g. jdbc:tarn://host:8815")
  String url;

  @Option(names = {"-u", "--user"}, paramLabel = "USER", description = "User name for a server")
  String user;

  @Option(names = {"-p", "--password"}, paramLabel = "PASSWORD", arity = "0..1", interactive = true,
      description = "Password for a server; alone, it is asked for without echo (default: $TARN_PASSWORD)")
  String password;

  @Option(names = {"-d", "--database"}, description = "The current database to start in")
  String database;

  @Option(names = {"-e", "--execute"}, paramLabel = "SQL", description = "Run these statements and exit")
  String execute;

  @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Run the statements of a file and exit")
  Path file;

  @Option(names = "--format", paramLabel = "FORMAT", description = "Output format: aligned (default), vertical, "
      + "csv, tsv, json (JSON Lines). With -e/-f, csv, tsv and json print the rows alone")
  String format;

  @Option(names = "--history-file", paramLabel = "FILE",
      description = "History of the interactive shell (default: ~/.tarn/history)")
  Path historyFile;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    OutputFormat outputFormat = format == null ? OutputFormat.ALIGNED : OutputFormat.named(format);
    if (outputFormat == null) {
      spec.commandLine().getErr().println("Unknown format '" + format + "': use one of " + OutputFormat.names());
      return 2;
    }
    try (Connection connection = connect()) {
      if (execute != null || file != null) {
        Shell shell = new Shell(connection, out, ShellSettings.script(outputFormat));
        boolean succeeded = execute == null || shell.runScript(execute);
        if (succeeded && file != null) {
          succeeded = shell.runScript(Files.readString(file, StandardCharsets.UTF_8));
        }
        return succeeded ? 0 : 1;
      }
      try (Terminal terminal = TerminalBuilder.builder().name("tarn").build()) {
        Path history = historyFile != null ? historyFile
            : Path.of(System.getProperty("user.home"), ".tarn", "history");
        if (history.toAbsolutePath().getParent() != null) {
          Files.createDirectories(history.toAbsolutePath().getParent());
        }
        ShellSettings settings = ShellSettings.interactive();
        settings.format = outputFormat;
        new Shell(connection, terminal.writer(), settings).runInteractive(terminal, history);
      }
      return 0;
    } catch (SQLException e) {
      new ResultPrinter(out).printError(e);
      return 1;
    }
  }

  /** Connects to the URL (--url, or TARGET if it is one), else the warehouse directory (TARGET or --warehouse). */
  private Connection connect() throws SQLException {
    String jdbcUrl = url;
    if (jdbcUrl == null && target != null) {
      jdbcUrl = target.regionMatches(true, 0, "jdbc:", 0, 5) ? target : "jdbc:tarn:" + Path.of(target)
          .toAbsolutePath().normalize();
    }
    if (jdbcUrl == null) {
      jdbcUrl = warehouse.url();
    }
    Properties properties = new Properties();
    if (database != null) {
      properties.setProperty("database", database);
    }
    if (user != null) {
      properties.setProperty("user", user);
    }
    String secret = password != null ? password : System.getenv("TARN_PASSWORD");
    if (secret != null) {
      properties.setProperty("password", secret);
    }
    return DriverManager.getConnection(jdbcUrl, properties);
  }
}
