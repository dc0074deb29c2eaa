package dev.tarn.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * Rows as delimited text with a header line, lines ended by LF. CSV quotes as RFC 4180 does: a field is quoted when it holds a comma, a
 * double quote (doubled inside) or a line break, and an empty string is written {@code ""} so that it differs from
 * NULL (empty by default). TSV writes a tab, line break, carriage return and backslash inside a value as
 * {@code \t}, {@code \n}, {@code \r} and {@code \\}, so every row stays one line.
 */
final class DelimitedRowWriter implements RowWriter {

  enum Style { CSV, TSV }

  private final PrintWriter out;
  private final Style style;
  private final String nullText;

  DelimitedRowWriter(PrintWriter out, Style style, String nullText) {
    this.out = out;
    this.style = style;
    this.nullText = nullText;
  }

  @Override
  public void start(List<Column> columns) {
    String[] labels = columns.stream().map(Column::label).toArray(String[]::new);
    writeLine(labels, false);
  }

  @Override
  public void row(String[] values) {
    writeLine(values, true);
  }

  private void writeLine(String[] values, boolean nullable) {
    StringBuilder line = new StringBuilder();
    for (int column = 0; column < values.length; column++) {
      if (column > 0) {
        line.append(style == Style.CSV ? ',' : '\t');
      }
      String value = values[column];
      if (value == null && nullable) {
        line.append(nullText);
      } else {
        line.append(style == Style.CSV ? csvField(value) : tsvField(value));
      }
    }
    out.print(line.append('\n'));
  }

  static String csvField(String value) {
    if (value.isEmpty()) {
      return "\"\"";
    }
    boolean quote = false;
    for (int index = 0; index < value.length() && !quote; index++) {
      char character = value.charAt(index);
      quote = character == ',' || character == '"' || character == '\n' || character == '\r';
    }
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }

  static String tsvField(String value) {
    StringBuilder field = new StringBuilder(value.length());
    for (int index = 0; index < value.length(); index++) {
      char character = value.charAt(index);
      switch (character) {
        case '\\' -> field.append("\\\\");
        case '\t' -> field.append("\\t");
        case '\n' -> field.append("\\n");
        case '\r' -> field.append("\\r");
        default -> field.append(character);
      }
    }
    return field.toString();
  }

  @Override
  public void finish() {
    out.flush();
  }
}
