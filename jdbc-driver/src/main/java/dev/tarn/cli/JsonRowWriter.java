package dev.tarn.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rows as JSON Lines: one object per row and line, {@code {"label":value,...}} in column order, so output streams
 * and tools such as {@code jq} read it row by row. Numbers and booleans are JSON numbers and booleans (NaN and
 * infinities, which JSON lacks, are strings), NULL is {@code null}, everything else (dates, timestamps, binary as
 * the driver's text) a string.
 */
final class JsonRowWriter implements RowWriter {

  private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  private final PrintWriter out;
  private String[] keys;
  private List<Column> columns;

  JsonRowWriter(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void start(List<Column> columns) {
    this.columns = columns;
    keys = columns.stream().map(column -> quoted(column.label())).toArray(String[]::new);
  }

  @Override
  public void row(String[] values) {
    StringBuilder line = new StringBuilder("{");
    for (int column = 0; column < values.length; column++) {
      if (column > 0) {
        line.append(',');
      }
      line.append(keys[column]).append(':').append(value(values[column], columns.get(column)));
    }
    out.print(line.append("}\n"));
  }

  private static String value(String value, Column column) {
    if (value == null) {
      return "null";
    }
    if (column.isNumeric() && JSON_NUMBER.matcher(value).matches()) {
      return value;
    }
    if (column.isBoolean() && (value.equals("true") || value.equals("false"))) {
      return value;
    }
    return quoted(value);
  }

  /** {@code text} as a JSON string. */
  static String quoted(String text) {
    StringBuilder json = new StringBuilder(text.length() + 2).append('"');
    for (int index = 0; index < text.length(); index++) {
      char character = text.charAt(index);
      switch (character) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        case '\b' -> json.append("\\b");
        case '\f' -> json.append("\\f");
        default -> {
          if (character < 0x20) {
            json.append(String.format("\\u%04x", (int) character));
          } else {
            json.append(character);
          }
        }
      }
    }
    return json.append('"').toString();
  }

  @Override
  public void finish() {
    out.flush();
  }
}
