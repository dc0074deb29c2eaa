package dev.tarn.cli;

import dev.tarn.jdbc.TarnExecutionInfo;
import dev.tarn.jdbc.TarnQueryError;
import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints statement outcomes for people: result sets as aligned tables (headers, numbers right-aligned, NULL
 * shown as {@code NULL}) followed by {@code (N rows, 0.123 s)}, update counts as {@code OK}, and errors as one
 * line {@code Error: CODE: message [query id: <id>]}. Shared by the shell, {@code tarn sql} and {@code tarn demo}.
 */
public final class ResultPrinter {

  /** Rows are aligned in pages of this many, so that a huge result streams instead of filling memory. */
  static final int PAGE_ROWS = 1000;
  /** Wider values are cut, so that one long comment does not push every other column off the screen. */
  static final int MAX_WIDTH = 80;

  private final PrintWriter out;

  public ResultPrinter(PrintWriter out) {
    this.out = out;
  }

  /** Runs one statement and prints its outcome; returns false (after printing the error) if it failed. */
  public boolean execute(Statement statement, String sql) {
    long start = System.nanoTime();
    try {
      if (statement.execute(sql)) {
        try (ResultSet rows = statement.getResultSet()) {
          long count = printTable(rows);
          out.println("(" + count + (count == 1 ? " row, " : " rows, ") + seconds(start) + dataScanned(statement) + ")");
        }
      } else {
        long updated = statement.getLargeUpdateCount();
        out.println(updated > 0 ? "OK, " + updated + " rows affected (" + seconds(start) + ")"
            : "OK (" + seconds(start) + ")");
      }
      out.flush();
      return true;
    } catch (SQLException e) {
      printError(e);
      return false;
    }
  }

  /**
   * What the statement read, as the Athena console's "Data scanned", with the pruning that explains it:
   * {@code , data scanned: 1.2 MB, partitions 12/84, row groups 30/210}; empty for drivers other than Tarn's.
   */
  static String dataScanned(Statement statement) throws SQLException {
    if (!statement.isWrapperFor(TarnExecutionInfo.class)) {
      return "";
    }
    TarnExecutionInfo info = statement.unwrap(TarnExecutionInfo.class);
    StringBuilder text = new StringBuilder(", data scanned: ").append(bytes(info.bytesScanned()));
    if (info.partitionsTotal() > 0) {
      text.append(", partitions ").append(info.partitionsScanned()).append('/').append(info.partitionsTotal());
    }
    if (info.rowGroupsTotal() > 0) {
      text.append(", row groups ").append(info.rowGroupsScanned()).append('/').append(info.rowGroupsTotal());
    }
    return text.toString();
  }

  /** A byte count in B, KB, MB, GB or TB (powers of 1024, one decimal), e.g. {@code 1.2 MB}. */
  static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double value = bytes / 1024.0;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  /**
   * Prints an error as one line; a failed execution's line ends with {@code [query id: <id>]}, the id to look for
   * in {@code system.queries}.
   */
  public void printError(Throwable error) {
    String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    String line = message.lines().findFirst().orElse(message);
    if (error instanceof TarnQueryError failed && failed.queryId() != null && !line.contains(failed.queryId())) {
      // A message of several lines has the id on its last one.
      line += " [query id: " + failed.queryId() + "]";
    }
    out.println("Error: " + line);
    out.flush();
  }

  /** Prints every row of {@code rows} as aligned tables of up to {@link #PAGE_ROWS} rows; returns the count. */
  public long printTable(ResultSet rows) throws SQLException {
    ResultSetMetaData metadata = rows.getMetaData();
    int columns = metadata.getColumnCount();
    String[] headers = new String[columns];
    boolean[] rightAligned = new boolean[columns];
    for (int column = 1; column <= columns; column++) {
      headers[column - 1] = metadata.getColumnLabel(column);
      rightAligned[column - 1] = isNumeric(metadata.getColumnType(column));
    }
    long count = 0;
    List<String[]> page = new ArrayList<>();
    boolean more = rows.next();
    if (!more) {
      printPage(headers, rightAligned, page);
    }
    while (more) {
      String[] values = new String[columns];
      for (int column = 1; column <= columns; column++) {
        String value = rows.getString(column);
        values[column - 1] = value == null ? "NULL" : clip(value);
      }
      page.add(values);
      count++;
      more = rows.next();
      if (page.size() == PAGE_ROWS || !more) {
        printPage(headers, rightAligned, page);
        page.clear();
      }
    }
    return count;
  }

  private void printPage(String[] headers, boolean[] rightAligned, List<String[]> page) {
    int[] widths = new int[headers.length];
    for (int column = 0; column < headers.length; column++) {
      widths[column] = headers[column].length();
      for (String[] row : page) {
        widths[column] = Math.max(widths[column], row[column].length());
      }
    }
    StringBuilder header = new StringBuilder();
    StringBuilder rule = new StringBuilder();
    for (int column = 0; column < headers.length; column++) {
      header.append(column == 0 ? " " : " | ").append(pad(headers[column], widths[column], false));
      rule.append(column == 0 ? "-" : "-+-").append("-".repeat(widths[column]));
    }
    out.println(header.toString().stripTrailing());
    out.println(rule.append('-'));
    for (String[] row : page) {
      StringBuilder line = new StringBuilder();
      for (int column = 0; column < row.length; column++) {
        line.append(column == 0 ? " " : " | ").append(pad(row[column], widths[column], rightAligned[column]));
      }
      out.println(line.toString().stripTrailing());
    }
  }

  private static String pad(String value, int width, boolean right) {
    String padding = " ".repeat(width - value.length());
    return right ? padding + value : value + padding;
  }

  private static String clip(String value) {
    String oneLine = value.indexOf('\n') >= 0 ? value.replace('\n', ' ') : value;
    return oneLine.length() <= MAX_WIDTH ? oneLine : oneLine.substring(0, MAX_WIDTH - 3) + "...";
  }

  private static boolean isNumeric(int jdbcType) {
    return switch (jdbcType) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL, Types.FLOAT, Types.DOUBLE,
          Types.DECIMAL, Types.NUMERIC -> true;
      default -> false;
    };
  }

  /** Seconds since {@code startNanos}, as {@code 0.123 s}. */
  static String seconds(long startNanos) {
    return String.format(Locale.ROOT, "%.3f s", (System.nanoTime() - startNanos) / 1e9);
  }
}
