package dev.tarn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dot-commands and the {@code tarn shell} options over a real embedded warehouse ({@link ShellLake}). */
class ShellCommandsTest {

  private static final String EVENTS = "SELECT event_id, event_name, amount FROM events ORDER BY event_id;";

  @TempDir
  static Path lake;
  static String url;

  @TempDir
  Path temporary;
  private Connection connection;

  @BeforeAll
  static void createLake() throws Exception {
    url = ShellLake.create(lake);
  }

  @BeforeEach
  void connect() throws Exception {
    connection = DriverManager.getConnection(url);
  }

  @AfterEach
  void close() throws Exception {
    connection.close();
  }

  /** What a script prints in the interactive shell's settings. */
  private String script(String text) {
    StringWriter output = new StringWriter();
    new Shell(connection, new PrintWriter(output), ShellSettings.interactive()).runScript(text);
    return output.toString();
  }

  @Test
  void modeSwitchesTheFormatOfTheNextResults() {
    String output = script(".mode csv\n" + EVENTS + "\n.mode json\n" + EVENTS + "\n.mode tsv\n" + EVENTS
        + "\n.mode vertical\nSELECT event_id, event_name FROM events WHERE event_id = 2;\n.mode\n.mode xml");
    assertThat(output).contains("""
        event_id,event_name,amount
        1,signup,10.50
        2,purchase,1234.00
        3,,
        (3 rows, """);
    assertThat(output).contains("""
        {"event_id":1,"event_name":"signup","amount":10.50}
        {"event_id":2,"event_name":"purchase","amount":1234.00}
        {"event_id":3,"event_name":null,"amount":null}
        """);
    assertThat(output).contains("event_id\tevent_name\tamount\n1\tsignup\t10.50\n");
    assertThat(output).contains("""
        -[ RECORD 1 ]--------
        event_id   | 2
        event_name | purchase
        (1 row, """);
    assertThat(output).contains("Output format is vertical (aligned, vertical, csv, tsv, json).")
        .contains("Unknown format 'xml': use one of aligned, vertical, csv, tsv, json.");
  }

  @Test
  void timingMaxRowsAndNullValue() {
    String output = script(".timing off\n" + EVENTS + "\n.maxrows 2\n.nullvalue (none)\n" + EVENTS
        + "\n.timing on\n.maxrows 0\nSELECT count(*) AS n FROM big;");
    assertThat(output).contains("""
        Timing is off.
         event_id | event_name | amount
        ----------+------------+---------
                1 | signup     |   10.50
                2 | purchase   | 1234.00
                3 | NULL       |    NULL
        (3 rows)
        Max rows is 2.
        NULL is shown as '(none)'.
         event_id | event_name | amount
        ----------+------------+---------
                1 | signup     |   10.50
                2 | purchase   | 1234.00
        (first 2 rows; more not shown, see .maxrows)
        Timing is on.
        Max rows is unlimited.
         n
        -------
         40000
        """);
    assertThat(output).containsPattern("\\(1 row, \\d+\\.\\d{3} s, data scanned: \\d+(\\.\\d)? [KM]?B, partitions 1/1, row groups \\d+/40\\)");
  }

  @Test
  void listingAndSwitchingDatabasesAndTables() {
    String output = script(".databases\n.tables\n.tables shop.%\n.describe events\n.use shop\n.tables\n"
        + ".describe nothing\n\\d orders");
    // The engine's own schemas are listed too, as DatabaseMetaData.getSchemas lists them.
    assertThat(output).contains(" database\n--------------------\n default\n information_schema\n shop\n system\n"
        + "(4 rows)\n");
    assertThat(output).contains("""
         database | table  | type
        ----------+--------+----------------
         default  | big    | EXTERNAL TABLE
         default  | events | EXTERNAL TABLE
         default  | small  | EXTERNAL TABLE
        (3 rows)
        """);
    assertThat(output).contains(" shop     | orders | EXTERNAL TABLE\n(1 row)\n");
    assertThat(output).contains("""
         column     | type          | nullable | comment
        ------------+---------------+----------+---------
         event_id   | INTEGER       | YES      | NULL
         event_name | VARCHAR       | YES      | NULL
         amount     | DECIMAL(10,2) | YES      | NULL
        (3 rows)
        Using shop.
        """);
    assertThat(output).contains("No table shop.nothing.").contains(" order_id | INTEGER ");
  }

  @Test
  void outputOnceAndReadRedirectAndRunFiles() throws Exception {
    Path all = temporary.resolve("all.csv");
    Path once = temporary.resolve("once.json");
    Path included = temporary.resolve("included.sql");
    Files.writeString(included, ".mode csv\nSELECT 'from file' AS source;\n");
    String output = script(".output " + all + "\n.mode csv\n" + EVENTS + "\nSELECT 1 AS one;\n.output\n"
        + ".once " + once + "\n.mode json\nSELECT 2 AS two;\nSELECT 3 AS three;\n.read " + included);
    assertThat(Files.readString(all)).isEqualTo(
        "event_id,event_name,amount\n1,signup,10.50\n2,purchase,1234.00\n3,,\none\n1\n");
    assertThat(Files.readString(once)).isEqualTo("{\"two\":2}\n");
    assertThat(output).doesNotContain("signup").doesNotContain("\"two\"").contains("{\"three\":3}")
        .contains("source\nfrom file\n").contains("(3 rows, ");
  }

  @Test
  void unknownCommandsAndFailuresPrintOneLineAndTheShellGoesOn() {
    String output = script(".frobnicate\n.maxrows lots\n.use nowhere\nSELECT 1 AS still_here;");
    assertThat(output).contains("Unknown command: .frobnicate. Type .help for the list.")
        .contains("Expected a number of 0 or more, not 'lots'.").containsPattern("Error: [A-Z_]+: .*nowhere")
        .contains("still_here");
  }

  @Test
  void scriptsStopAtTheFirstFailedStatementAndAtQuit() {
    StringWriter output = new StringWriter();
    Shell shell = new Shell(connection, new PrintWriter(output), ShellSettings.script(OutputFormat.ALIGNED));
    assertThat(shell.runScript("SELECT 1 AS a;\nSELECT * FROM missing;\nSELECT 2 AS b;")).isFalse();
    assertThat(output.toString()).contains(" a\n").contains("Error: NOT_FOUND").doesNotContain(" b\n");
    assertThat(shell.runScript("SELECT 3 AS c;\n.quit\nSELECT * FROM missing;")).isTrue();
  }

  @Test
  void helpListsEveryCommandAndTheBackslashAliasesWork() throws Exception {
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    String input = ".help\n\\x\nSELECT 1 AS a, 2 AS b;\n\\x\n\\timing\nSELECT 1 AS a;\n\\q\n";
    try (Terminal terminal = new DumbTerminal("test", Terminal.TYPE_DUMB,
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8)) {
      new Shell(connection, terminal.writer(), ShellSettings.interactive())
          .runInteractive(terminal, temporary.resolve("history"));
    }
    String output = screen.toString(StandardCharsets.UTF_8);
    for (String command : new String[] {".mode", ".timing", ".progress", ".tables", ".schemas", ".databases",
        ".describe", ".use", ".read", ".output", ".once", ".maxrows", ".nullvalue", ".help", ".quit", "\\timing"}) {
      assertThat(output).as("help mentions %s", command).contains(command);
    }
    assertThat(output).contains("Output format is vertical.\n").contains("-[ RECORD 1 ]\na | 1\nb | 2\n")
        .contains("Output format is aligned.\n").contains("Timing is off.\ntarn:default>  a\n---\n 1\n(1 row)\n");
  }

  @Test
  void shellCommandTakesAWarehousePathOrAUrlAndAFormatForScripts() {
    StringWriter out = new StringWriter();
    StringWriter error = new StringWriter();
    String warehouse = url.substring("jdbc:tarn:".length());
    int code = TarnCli.execute(new String[] {"shell", warehouse, "--format", "csv", "-e", EVENTS},
        new PrintWriter(out), new PrintWriter(error));
    assertThat(code).as(error.toString()).isZero();
    assertThat(out.toString()).isEqualTo("event_id,event_name,amount\n1,signup,10.50\n2,purchase,1234.00\n3,,\n");

    out.getBuffer().setLength(0);
    code = TarnCli.execute(new String[] {"shell", "--url", url, "--user", "ada", "--password=secret", "-d", "shop",
        "--format", "json", "-e", "SELECT customer FROM orders;"}, new PrintWriter(out), new PrintWriter(error));
    assertThat(code).as(error.toString()).isZero();
    assertThat(out.toString()).isEqualTo("{\"customer\":\"ada\"}\n");

    code = TarnCli.execute(new String[] {"shell", url, "--format", "xml", "-e", "SELECT 1;"}, new PrintWriter(out),
        new PrintWriter(error));
    assertThat(code).isEqualTo(2);
    assertThat(error.toString()).contains("Unknown format 'xml'");
  }
}
