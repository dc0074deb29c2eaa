package dev.tarn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tarn sql}: runs statements without interaction, prints aligned tables, exits 1 on the first error. */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = "Run SQL statements and print their results; the exit code is 1 if one fails.")
final class SqlCommand implements Callable<Integer> {

  @Mixin
  WarehouseOption warehouse;

  @Option(names = {"-d", "--database"}, description = "The current database to start in")
  String database;

  @ArgGroup(multiplicity = "1")
  Source source;

  static final class Source {
    @Parameters(paramLabel = "STATEMENT", description = "SQL to run (several statements separated by ';')")
    String statement;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "A file of SQL statements to run")
    Path file;
  }

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    String script = source.file != null ? Files.readString(source.file, StandardCharsets.UTF_8) : source.statement;
    try (Connection connection = WarehouseOption.connect(warehouse.url(), database)) {
      return new Shell(connection, out).runScript(script) ? 0 : 1;
    } catch (SQLException e) {
      new ResultPrinter(out).printError(e);
      return 1;
    }
  }
}
