package dev.tarn.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * Rows as records, one {@code column | value} line per column (psql's {@code \x}, Trino's {@code VERTICAL}): for
 * rows too wide for the screen. Values are not cut; a value of several lines continues under the first.
 * <pre>
 * -[ RECORD 1 ]+---------
 * l_returnflag | A
 * sum_qty      | 37734.00
 * </pre>
 */
final class VerticalRowWriter implements RowWriter {

  private final PrintWriter out;
  private final String nullText;
  private final int maxWidth;
  private List<Column> columns;
  private int labelWidth;
  private long record;

  VerticalRowWriter(PrintWriter out, String nullText, int maxWidth) {
    this.out = out;
    this.nullText = nullText;
    this.maxWidth = maxWidth;
  }

  @Override
  public void start(List<Column> columns) {
    this.columns = columns;
    for (Column column : columns) {
      labelWidth = Math.max(labelWidth, TextWidth.of(column.label()));
    }
  }

  @Override
  public void row(String[] values) {
    record++;
    String[][] lines = new String[values.length][];
    int valueWidth = 0;
    for (int column = 0; column < values.length; column++) {
      lines[column] = (values[column] == null ? nullText : values[column]).split("\r?\n", -1);
      for (String line : lines[column]) {
        valueWidth = Math.max(valueWidth, TextWidth.of(line));
      }
    }
    if (maxWidth > 0) {
      valueWidth = Math.min(valueWidth, Math.max(maxWidth, 20));
    }
    String title = "-[ RECORD " + record + " ]";
    if (title.length() <= labelWidth + 1) {
      out.println(title + "-".repeat(labelWidth + 1 - title.length()) + "+" + "-".repeat(valueWidth + 1));
    } else {
      out.println(title + "-".repeat(Math.max(0, labelWidth + 3 + valueWidth - title.length())));
    }
    for (int column = 0; column < values.length; column++) {
      String label = TextWidth.pad(columns.get(column).label(), labelWidth, false);
      for (int line = 0; line < lines[column].length; line++) {
        out.println(((line == 0 ? label : " ".repeat(labelWidth)) + " | " + lines[column][line]).stripTrailing());
      }
    }
  }

  @Override
  public void finish() {
    out.flush();
  }
}
