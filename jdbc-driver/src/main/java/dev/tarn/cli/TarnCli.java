package dev.tarn.cli;

import dev.tarn.jdbc.TarnDriver;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code tarn} command line: the main class of the driver jar. */
@Command(name = "tarn", mixinStandardHelpOptions = true, version = "Tarn " + TarnDriver.VERSION,
    description = "SQL over a data lake: Athena-style tables on Parquet, run in-process or served over Flight SQL.",
    subcommands = {DemoCommand.class, ShellCommand.class, SqlCommand.class, GenerateCommand.class,
        ServerCommand.class, CommandLine.HelpCommand.class})
public final class TarnCli implements Runnable {

  /** The crawl subcommand needs the catalog crawler, which is added when the catalog module provides it. */
  static final String CRAWL_COMMAND = "dev.tarn.cli.CrawlCommand";

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] arguments) {
    System.exit(execute(arguments, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with these streams; returns the exit code. */
  public static int execute(String[] arguments, PrintWriter out, PrintWriter error) {
    CommandLine commandLine = new CommandLine(new TarnCli());
    addCrawlCommand(commandLine);
    commandLine.setOut(out);
    commandLine.setErr(error);
    int exitCode = commandLine.execute(arguments);
    out.flush();
    error.flush();
    return exitCode;
  }

  private static void addCrawlCommand(CommandLine commandLine) {
    try {
      commandLine.addSubcommand(Class.forName(CRAWL_COMMAND).getDeclaredConstructor().newInstance());
    } catch (ReflectiveOperationException | LinkageError notYetAvailable) {
      // Until the catalog crawler is merged, CrawlCommand is excluded from compilation (see pom.xml).
    }
  }
}
