package dev.tarn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tarn command line end to end, over the real embedded engine. */
class TarnCliTest {

  @TempDir
  Path warehouse;

  private record Outcome(int exitCode, String output) {}

  private Outcome tarn(String... arguments) {
    StringWriter out = new StringWriter();
    StringWriter error = new StringWriter();
    int exitCode = TarnCli.execute(arguments, new PrintWriter(out), new PrintWriter(error));
    return new Outcome(exitCode, out + error.toString());
  }

  @Test
  void sqlPrintsATableAndFailsWithExitCodeOne() {
    Outcome success = tarn("sql", "--warehouse", warehouse.toString(), "SELECT 1 AS one; SELECT 'a' AS letter");
    assertThat(success.exitCode()).as(success.output()).isZero();
    assertThat(success.output()).contains(" one\n-----\n   1\n(1 row, ").contains(" letter\n");
    Outcome failure = tarn("sql", "--warehouse", warehouse.toString(), "SELEC 1");
    assertThat(failure.exitCode()).isEqualTo(1);
    assertThat(failure.output()).startsWith("Error: SYNTAX_ERROR: ");
  }

  @Test
  void demoRunsTwice() {
    Outcome first = tarn("demo", "--warehouse", warehouse.toString());
    assertThat(first.exitCode()).as(first.output()).isZero();
    assertThat(first.output()).contains("Generated the TPC-H SF 0.01 lake").contains("TPC-H Q1")
        .contains("Pruning: ").contains("order_year=1992");
    Outcome second = tarn("demo", "--warehouse", warehouse.toString());
    assertThat(second.exitCode()).as(second.output()).isZero();
    assertThat(second.output()).contains("Using the TPC-H SF 0.01 lake");
  }

  @Test
  void helpListsTheSubcommands() {
    Outcome help = tarn("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.output()).contains("demo", "shell", "sql", "generate");
  }
}
