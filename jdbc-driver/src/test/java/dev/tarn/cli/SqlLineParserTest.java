package dev.tarn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.cli.TableReferences.Reference;
import org.jline.reader.EOFError;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.Test;

/** When Enter runs the buffer or continues it, what word Tab completes, and which tables a statement names. */
class SqlLineParserTest {

  private final SqlLineParser parser = new SqlLineParser();

  @Test
  void enterContinuesUntilEveryStatementIsEndedBySemicolon() {
    assertThatThrownBy(() -> parser.parse("SELECT 1", 8, ParseContext.ACCEPT_LINE)).isInstanceOf(EOFError.class);
    assertThatThrownBy(() -> parser.parse("SELECT 1; SELECT 2", 18, ParseContext.ACCEPT_LINE))
        .isInstanceOf(EOFError.class);
    assertThatThrownBy(() -> parser.parse("SELECT ';", 9, ParseContext.ACCEPT_LINE)).isInstanceOf(EOFError.class);
    assertThatThrownBy(() -> parser.parse("SELECT 1 -- ;", 13, ParseContext.ACCEPT_LINE))
        .isInstanceOf(EOFError.class);
    assertThat(SqlLineParser.isComplete("SELECT 1;\n")).isTrue();
    assertThat(SqlLineParser.isComplete("SELECT\n  1;  SELECT ';';")).isTrue();
    assertThat(SqlLineParser.isComplete("SELECT 1; -- done")).isTrue();
    assertThat(SqlLineParser.isComplete("   ")).isTrue();
    assertThat(SqlLineParser.isComplete(".mode csv")).isTrue();
    assertThat(SqlLineParser.isComplete("\\timing")).isTrue();
    assertThat(SqlLineParser.isComplete("quit")).isTrue();
    assertThat(SqlLineParser.isComplete("Help;")).isTrue();
    // A pasted script: commands on lines of their own between statements.
    assertThat(SqlLineParser.isComplete(".mode csv\nSELECT 1;\n.timing off\nSELECT\n 2;")).isTrue();
    assertThat(SqlLineParser.isComplete(".mode csv\nSELECT 1")).isFalse();
    assertThat(SqlLineParser.isComplete("SELECT 1 +\n.5;")).as("a line starting with '.' inside a statement")
        .isTrue();
    assertThat(ShellInput.parse("SELECT 1 +\n.5;\n.mode csv\nSELECT 2;").pieces()).containsExactly(
        new ShellInput.Piece("SELECT 1 +\n.5", false), new ShellInput.Piece(".mode csv", true),
        new ShellInput.Piece("SELECT 2", false));
    // Completion and history search never wait for a ';'.
    assertThat(parser.parse("SELECT 1", 8, ParseContext.COMPLETE).word()).isEqualTo("1");
  }

  @Test
  void theWordIsTheQualifiedNameAroundTheCursor() {
    assertThat(SqlLineParser.wordAt("SELECT * FROM tpch.line", 23).word()).isEqualTo("tpch.line");
    assertThat(SqlLineParser.wordAt("SELECT l.l_ FROM lineitem l", 11).prefix()).isEqualTo("l.l_");
    assertThat(SqlLineParser.wordAt("SELECT * FROM \"odd", 18).word()).isEqualTo("\"odd");
    assertThat(SqlLineParser.wordAt("SELECT * FROM \"od rest", 17).word()).as("an open quote ends at the cursor")
        .isEqualTo("\"od");
    assertThat(SqlLineParser.wordAt("SELECT a, ", 10).word()).isEmpty();
    assertThat(SqlLineParser.wordAt("SELECT a,b", 9).word()).isEqualTo("b");
    assertThat(SqlLineParser.wordAt(".mode cs", 8).word()).isEqualTo("cs");
    assertThat(SqlLineParser.wordAt(".mo", 3).word()).isEqualTo(".mo");
  }

  @Test
  void tableReferencesWithAliasesJoinsAndFromLists() {
    assertThat(TableReferences.in("SELECT * FROM tpch.lineitem l JOIN orders AS o ON l.k = o.k, \"Odd\".\"T\" t"))
        .containsExactly(new Reference("tpch", "lineitem", "l"), new Reference(null, "orders", "o"));
    assertThat(TableReferences.in("SELECT * FROM a x, b, c WHERE x.i = 1"))
        .containsExactly(new Reference(null, "a", "x"), new Reference(null, "b", null), new Reference(null, "c", null));
    assertThat(TableReferences.in("SELECT * FROM \"Odd\".\"T\" t")).containsExactly(new Reference("Odd", "T", "t"));
    assertThat(TableReferences.in("DROP TABLE IF EXISTS web.logs")).containsExactly(new Reference("web", "logs", null));
    assertThat(TableReferences.in("SELECT * FROM (SELECT 1) s")).isEmpty();
    assertThat(TableReferences.in("SELECT * FROM t WHERE")).containsExactly(new Reference(null, "t", null));
  }
}
