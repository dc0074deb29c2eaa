package dev.tarn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell's error line ends with the failed execution's query id, over a real engine, and that id finds the
 * execution in {@code system.queries}: what a user copies from the screen to investigate a failure.
 */
class ShellQueryIdTest {

  private static final Pattern ERROR_LINE = Pattern.compile(
      "Error: (\\w+): [^\\n]* \\[query id: ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})]\\n");

  @TempDir
  Path temporary;

  @Test
  void interactiveErrorLineEndsWithTheQueryIdFoundInSystemQueries() throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:tarn:" + temporary.resolve("warehouse"))) {
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      try (Terminal terminal = new DumbTerminal("test", Terminal.TYPE_DUMB, new ByteArrayInputStream(
          "SELECT * FROM no_such_table;\nSELECT 1 / 0;\nquit\n".getBytes(StandardCharsets.UTF_8)), output,
          StandardCharsets.UTF_8)) {
        new Shell(connection, terminal.writer()).runInteractive(terminal, temporary.resolve("history"));
      }
      Matcher errors = ERROR_LINE.matcher(output.toString(StandardCharsets.UTF_8));

      assertThat(errors.find()).as("an error line with a query id in:%n%s", output).isTrue();
      assertThat(errors.group(1)).isEqualTo("NOT_FOUND");
      assertFailedInHistory(connection, errors.group(2), "NOT_FOUND");
      assertThat(errors.find()).as("a second error line in:%n%s", output).isTrue();
      assertThat(errors.group(1)).isEqualTo("DIVISION_BY_ZERO");
      assertFailedInHistory(connection, errors.group(2), "DIVISION_BY_ZERO");
    }
  }

  @Test
  void scriptErrorLineEndsWithTheQueryIdToo() throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:tarn:" + temporary.resolve("warehouse"))) {
      StringWriter text = new StringWriter();
      assertThat(new Shell(connection, new PrintWriter(text)).runScript("SELECT 1; SELECT nope FROM missing;"))
          .isFalse();
      Matcher error = ERROR_LINE.matcher(text.toString());

      assertThat(error.find()).as("an error line with a query id in:%n%s", text).isTrue();
      assertFailedInHistory(connection, error.group(2), "NOT_FOUND");
    }
  }

  private static void assertFailedInHistory(Connection connection, String queryId, String errorCode)
      throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(
        "SELECT state, error_code, error FROM system.queries WHERE query_id = '" + queryId + "'")) {
      assertThat(row.next()).as("system.queries has %s", queryId).isTrue();
      assertThat(row.getString(1)).isEqualTo("FAILED");
      assertThat(row.getString(2)).isEqualTo(errorCode);
      assertThat(row.getString(3)).startsWith(errorCode + ": ");
    }
  }
}
