package dev.tarn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every output format on the same awkward rows: NULLs, quotes, commas, tabs, line breaks, wide characters. */
class RowWritersTest {

  private static final List<RowWriter.Column> COLUMNS = List.of(new RowWriter.Column("id", Types.BIGINT),
      new RowWriter.Column("name", Types.VARCHAR), new RowWriter.Column("price", Types.DECIMAL),
      new RowWriter.Column("ok", Types.BOOLEAN));
  private static final List<String[]> ROWS = List.of(
      new String[] {"1", "plain", "10.50", "true"},
      new String[] {"22", "say \"hi\", then\nleave", null, "false"},
      new String[] {null, "", "-0.25", null},
      new String[] {"4", "東京\ttab\\slash", "1E+3", "true"});

  private static String write(OutputFormat format, ShellSettings settings) {
    StringWriter text = new StringWriter();
    RowWriter writer = format.writer(new PrintWriter(text), settings);
    writer.start(COLUMNS);
    ROWS.forEach(row -> writer.row(Arrays.copyOf(row, row.length)));
    writer.finish();
    return text.toString();
  }

  private static String write(OutputFormat format) {
    return write(format, new ShellSettings());
  }

  @Test
  void alignedPadsByDisplayWidthRightAlignsNumbersAndKeepsOneLinePerRow() {
    assertThat(write(OutputFormat.ALIGNED)).isEqualTo("""
         id   | name                 | price | ok
        ------+----------------------+-------+-------
            1 | plain                | 10.50 | true
           22 | say "hi", then leave |  NULL | false
         NULL |                      | -0.25 | NULL
            4 | 東京 tab\\slash       |  1E+3 | true
        """);
  }

  @Test
  void alignedCutsWideValuesAndShowsTheChosenNull() {
    ShellSettings settings = new ShellSettings();
    settings.maxWidth = 8;
    settings.nullValue = "∅";
    assertThat(write(OutputFormat.ALIGNED, settings)).isEqualTo("""
         id | name     | price | ok
        ----+----------+-------+-------
          1 | plain    | 10.50 | true
         22 | say "... |     ∅ | false
          ∅ |          | -0.25 | ∅
          4 | 東京 ... |  1E+3 | true
        """);
  }

  @Test
  void alignedWithoutRowsPrintsTheHeader() {
    StringWriter text = new StringWriter();
    RowWriter writer = OutputFormat.ALIGNED.writer(new PrintWriter(text), new ShellSettings());
    writer.start(COLUMNS.subList(0, 2));
    writer.finish();
    assertThat(text.toString()).isEqualTo(" id | name\n----+------\n");
  }

  @Test
  void csvQuotesAsRfc4180AndTellsEmptyFromNull() {
    assertThat(write(OutputFormat.CSV)).isEqualTo("""
        id,name,price,ok
        1,plain,10.50,true
        22,"say ""hi"", then
        leave",,false
        ,"",-0.25,
        4,東京\ttab\\slash,1E+3,true
        """);
  }

  @Test
  void tsvEscapesTabsLineBreaksAndBackslashes() {
    assertThat(write(OutputFormat.TSV)).isEqualTo(
        "id\tname\tprice\tok\n"
            + "1\tplain\t10.50\ttrue\n"
            + "22\tsay \"hi\", then\\nleave\t\tfalse\n"
            + "\t\t-0.25\t\n"
            + "4\t東京\\ttab\\\\slash\t1E+3\ttrue\n");
  }

  @Test
  void jsonLinesTypesNumbersAndBooleansAndEscapesStrings() {
    assertThat(write(OutputFormat.JSON)).isEqualTo("""
        {"id":1,"name":"plain","price":10.50,"ok":true}
        {"id":22,"name":"say \\"hi\\", then\\nleave","price":null,"ok":false}
        {"id":null,"name":"","price":-0.25,"ok":null}
        {"id":4,"name":"東京\\ttab\\\\slash","price":1E+3,"ok":true}
        """);
    StringWriter text = new StringWriter();
    RowWriter writer = OutputFormat.JSON.writer(new PrintWriter(text), new ShellSettings());
    writer.start(List.of(new RowWriter.Column("x", Types.DOUBLE)));
    writer.row(new String[] {"NaN"});
    writer.row(new String[] {"Infinity"});
    writer.row(new String[] {"1.0E10"});
    writer.finish();
    assertThat(text.toString()).isEqualTo("{\"x\":\"NaN\"}\n{\"x\":\"Infinity\"}\n{\"x\":1.0E10}\n");
  }

  @Test
  void verticalShowsOneColumnPerLineAndContinuesLineBreaks() {
    assertThat(write(OutputFormat.VERTICAL)).startsWith("""
        -[ RECORD 1 ]
        id    | 1
        name  | plain
        price | 10.50
        ok    | true
        -[ RECORD 2 ]---------
        id    | 22
        name  | say "hi", then
              | leave
        price | NULL
        ok    | false
        """);
  }

  @Test
  void formatsAreFoundByNameAndAlias() {
    assertThat(OutputFormat.named("CSV")).isEqualTo(OutputFormat.CSV);
    assertThat(OutputFormat.named("table")).isEqualTo(OutputFormat.ALIGNED);
    assertThat(OutputFormat.named("line")).isEqualTo(OutputFormat.VERTICAL);
    assertThat(OutputFormat.named("jsonl")).isEqualTo(OutputFormat.JSON);
    assertThat(OutputFormat.named("xml")).isNull();
  }
}
