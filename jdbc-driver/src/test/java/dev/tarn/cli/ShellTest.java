package dev.tarn.cli;

import static dev.tarn.jdbc.Batches.field;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.engine.api.QueryStatistics;
import dev.tarn.jdbc.Batches;
import dev.tarn.jdbc.FakeCatalogStore;
import dev.tarn.jdbc.FakeConnections;
import dev.tarn.jdbc.FakeQueryResult;
import dev.tarn.jdbc.FakeSession;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.Field;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell on a dumb terminal with scripted input, over a scripted session. */
class ShellTest {

  private static final Field FLAG = field("l_returnflag", Batches.UTF8);
  private static final Field QUANTITY = field("sum_qty", Batches.decimal(15, 2));

  @TempDir
  Path temporary;
  private BufferAllocator allocator;
  private Connection connection;

  @BeforeEach
  void open() {
    allocator = new RootAllocator();
    FakeSession session = new FakeSession(Set.of("default", "tpch"));
    session.answer("SELECT l_returnflag, sum(l_quantity) AS sum_qty FROM lineitem GROUP BY 1",
        () -> FakeQueryResult.rows(Batches.schema(FLAG, QUANTITY), List.of(() -> Batches.with(allocator)
            .column(FLAG, "A", "N", null)
            .column(QUANTITY, new BigDecimal("37734.00"), new BigDecimal("5.50"), null).build()))
            .withStatistics(new QueryStatistics(3, 1_258_291, 12, 84, 12, 12, 30, 210, 0, 5_000_000)));
    session.answer("CREATE DATABASE web", () -> FakeQueryResult.updateCount(0));
    connection = FakeConnections.connect(session, new FakeCatalogStore());
  }

  @AfterEach
  void close() throws Exception {
    connection.close();
    allocator.close();
  }

  private String interactive(String input) throws Exception {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try (Terminal terminal = new DumbTerminal("test", Terminal.TYPE_DUMB,
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), output, StandardCharsets.UTF_8)) {
      new Shell(connection, terminal.writer()).runInteractive(terminal, temporary.resolve("history"));
    }
    return output.toString(StandardCharsets.UTF_8);
  }

  @Test
  void statementsSpanLinesAndPrintAlignedTables() throws Exception {
    String output = interactive("SELECT l_returnflag,\n  sum(l_quantity) AS sum_qty\nFROM lineitem GROUP BY 1;\nquit\n");
    assertThat(output).contains("tarn:default> ");
    assertThat(output).contains(
        " l_returnflag | sum_qty\n"
            + "--------------+----------\n"
            + " A            | 37734.00\n"
            + " N            |     5.50\n"
            + " NULL         |     NULL\n"
            + "(3 rows, ");
    assertThat(output).containsPattern("\\(3 rows, \\d+\\.\\d{3} s, data scanned: 1\\.2 MB, partitions 12/84, row groups 30/210\\)\n");
    assertThat(Files.readString(temporary.resolve("history"))).contains("SELECT l_returnflag");
  }

  @Test
  void anErrorPrintsOneLineAndTheShellGoesOn() throws Exception {
    String output = interactive("SELEC 1; CREATE DATABASE web;\nhelp\nexit\n");
    assertThat(output).contains("Error: SYNTAX_ERROR: Unknown statement at line 1: SELEC 1\n");
    assertThat(output).contains("OK (");
    assertThat(output).contains("Enter SQL statements ended by ';'");
  }

  @Test
  void endOfInputLeavesTheShell() throws Exception {
    String output = interactive("CREATE DATABASE web;\n");
    assertThat(output).contains("OK (");
  }

  @Test
  void scriptsRunUntilTheFirstError() throws Exception {
    StringWriter text = new StringWriter();
    Shell shell = new Shell(connection, new PrintWriter(text));
    assertThat(shell.runScript("CREATE DATABASE web; -- a comment; with a semicolon\n"
        + "SELECT l_returnflag, sum(l_quantity) AS sum_qty FROM lineitem GROUP BY 1")).isTrue();
    assertThat(text.toString()).contains("OK (").contains("(3 rows, ");
    StringWriter failing = new StringWriter();
    assertThat(new Shell(connection, new PrintWriter(failing)).runScript("nonsense; CREATE DATABASE web;")).isFalse();
    assertThat(failing.toString()).startsWith("Error: SYNTAX_ERROR: ").doesNotContain("OK (");
  }

  @Test
  void splitterRespectsQuotesAndComments() {
    StatementSplitter.Split split = StatementSplitter.split(
        "SELECT ';' AS \"a;b\" FROM t; /* x; */ SELECT 2 -- y;\n; SELECT 'it''s;'; SELECT 3");
    assertThat(split.statements()).containsExactly("SELECT ';' AS \"a;b\" FROM t", "/* x; */ SELECT 2 -- y;",
        "SELECT 'it''s;'");
    assertThat(split.remainder()).isEqualTo(" SELECT 3");
    assertThat(StatementSplitter.split("-- only a comment\n").remainder()).isEmpty();
  }
}
