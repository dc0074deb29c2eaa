package dev.tarn.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows as an aligned table: a header, a rule, numbers right-aligned, values on one line and cut at a maximum width
 * (so one long comment does not push every other column off the screen). Rows are aligned in pages of
 * {@link #PAGE_ROWS}, so a huge result streams instead of filling memory; each page repeats the header.
 */
final class AlignedRowWriter implements RowWriter {

  /** Rows measured and printed together. */
  static final int PAGE_ROWS = 1000;

  private final PrintWriter out;
  private final String nullText;
  private final int maxWidth;
  private final List<String[]> page = new ArrayList<>();
  private List<Column> columns;
  private boolean printed;

  AlignedRowWriter(PrintWriter out, String nullText, int maxWidth) {
    this.out = out;
    this.nullText = nullText;
    this.maxWidth = maxWidth;
  }

  @Override
  public void start(List<Column> columns) {
    this.columns = columns;
  }

  @Override
  public void row(String[] values) {
    String[] cells = new String[values.length];
    for (int column = 0; column < values.length; column++) {
      cells[column] = values[column] == null ? nullText : TextWidth.oneLine(values[column], maxWidth);
    }
    page.add(cells);
    if (page.size() == PAGE_ROWS) {
      printPage();
    }
  }

  @Override
  public void finish() {
    if (!page.isEmpty() || !printed) {
      printPage();
    }
    out.flush();
  }

  private void printPage() {
    int count = columns.size();
    String[] headers = new String[count];
    int[] widths = new int[count];
    for (int column = 0; column < count; column++) {
      headers[column] = TextWidth.oneLine(columns.get(column).label(), maxWidth);
      widths[column] = TextWidth.of(headers[column]);
      for (String[] row : page) {
        widths[column] = Math.max(widths[column], TextWidth.of(row[column]));
      }
    }
    StringBuilder header = new StringBuilder();
    StringBuilder rule = new StringBuilder();
    for (int column = 0; column < count; column++) {
      header.append(column == 0 ? " " : " | ").append(TextWidth.pad(headers[column], widths[column], false));
      rule.append(column == 0 ? "-" : "-+-").append("-".repeat(widths[column]));
    }
    out.println(header.toString().stripTrailing());
    out.println(rule.append('-'));
    for (String[] row : page) {
      StringBuilder line = new StringBuilder();
      for (int column = 0; column < count; column++) {
        line.append(column == 0 ? " " : " | ")
            .append(TextWidth.pad(row[column], widths[column], columns.get(column).isNumeric()));
      }
      out.println(line.toString().stripTrailing());
    }
    page.clear();
    printed = true;
  }
}
