package dev.tarn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tarn shell}: the interactive SQL shell, or a script run with {@code -e} / {@code -f}. */
@Command(name = "shell", mixinStandardHelpOptions = true, description = "Interactive SQL shell.")
final class ShellCommand implements Callable<Integer> {

  @Mixin
  WarehouseOption warehouse;

  @Parameters(arity = "0..1", paramLabel = "URL", description = "A jdbc:tarn: URL instead of --warehouse")
  String url;

  @Option(names = {"-d", "--database"}, description = "The current database to start in")
  String database;

  @Option(names = {"-e", "--execute"}, paramLabel = "SQL", description = "Run these statements and exit")
  String execute;

  @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Run the statements of a file and exit")
  Path file;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    try (Connection connection = WarehouseOption.connect(url != null ? url : warehouse.url(), database)) {
      Shell shell = new Shell(connection, out);
      if (execute != null || file != null) {
        boolean succeeded = execute == null || shell.runScript(execute);
        if (succeeded && file != null) {
          succeeded = shell.runScript(Files.readString(file, StandardCharsets.UTF_8));
        }
        return succeeded ? 0 : 1;
      }
      try (Terminal terminal = TerminalBuilder.builder().name("tarn").build()) {
        Path history = Path.of(System.getProperty("user.home"), ".tarn", "history");
        Files.createDirectories(history.getParent());
        new Shell(connection, terminal.writer()).runInteractive(terminal, history);
      }
      return 0;
    } catch (SQLException e) {
      new ResultPrinter(out).printError(e);
      return 1;
    }
  }
}
