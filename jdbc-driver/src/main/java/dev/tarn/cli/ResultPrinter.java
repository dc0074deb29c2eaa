package dev.tarn.cli;

import dev.tarn.jdbc.TarnExecutionInfo;
import dev.tarn.jdbc.TarnQueryError;
import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs statements and prints their outcomes for people: result rows in the settings' {@link OutputFormat} (to the
 * {@link OutputTarget}'s rows writer), then on the console a summary such as
 * {@code (3 rows, 0.123 s, data scanned: 1.2 MB, partitions 12/84, row groups 30/210)} (with {@code .timing off}
 * just {@code (3 rows)}, and nothing for CSV/TSV/JSON), {@code OK} for statements without rows, and errors as one
 * line {@code Error: CODE: message [query id: <id>]}. While a statement runs it draws the {@link ProgressLine} (on
 * terminals that can) and honours Ctrl-C through {@link QueryCancellation}: a cancelled statement prints
 * {@code Query <id> cancelled}. Shared by the shell, {@code tarn sql} and {@code tarn demo}.
 */
public final class ResultPrinter {

  /** The SQLSTATE of a cancelled statement (JDBC drivers report query cancellation with it). */
  private static final String CANCELLED_STATE = "57014";

  private final OutputTarget target;
  private final ShellSettings settings;
  private final ProgressLine progressLine;
  private final QueryCancellation cancellation;

  /** A printer of aligned tables with timing to {@code out}, without progress line or cancellation. */
  public ResultPrinter(PrintWriter out) {
    this(new OutputTarget(out), new ShellSettings(), null, new QueryCancellation());
  }

  ResultPrinter(OutputTarget target, ShellSettings settings, ProgressLine progressLine,
      QueryCancellation cancellation) {
    this.target = target;
    this.settings = settings;
    this.progressLine = progressLine;
    this.cancellation = cancellation;
  }

  /** Runs one statement and prints its outcome; returns false (after printing the error) if it failed. */
  public boolean execute(Statement statement, String sql) {
    long start = System.nanoTime();
    PrintWriter console = target.console();
    cancellation.begin(statement);
    ProgressLine.Run progress = progressLine != null && settings.progress
        ? progressLine.start(() -> executionInfo(statement)) : null;
    try {
      if (statement.execute(sql)) {
        cancellation.repeatOn(statement);
        try (ResultSet rows = statement.getResultSet()) {
          Printed printed = printRows(rows, progress);
          stop(progress);
          if (printed.cancelled()) {
            printCancelled(statement, null);
            return false;
          }
          String summary = summary(statement, printed, start);
          if (!summary.isEmpty()) {
            console.println(summary);
          }
        }
      } else {
        stop(progress);
        long updated = statement.getLargeUpdateCount();
        String time = settings.timing ? " (" + seconds(start) + ")" : "";
        console.println(updated > 0 ? "OK, " + updated + " rows affected" + time : "OK" + time);
      }
      console.flush();
      return true;
    } catch (SQLException e) {
      stop(progress);
      if (cancellation.requested() || CANCELLED_STATE.equals(e.getSQLState())) {
        printCancelled(statement, e);
      } else {
        printError(e);
      }
      return false;
    } finally {
      stop(progress);
      cancellation.end();
      target.statementDone();
    }
  }

  /** What was printed of a result: rows, whether more were left unread (.maxrows), whether Ctrl-C stopped it. */
  private record Printed(long rows, boolean more, boolean cancelled) {}

  private Printed printRows(ResultSet rows, ProgressLine.Run progress) throws SQLException {
    List<RowWriter.Column> columns = columns(rows.getMetaData());
    RowWriter writer = settings.format.writer(target.rows(), settings);
    long count = 0;
    boolean more = false;
    boolean cancelled = false;
    boolean started = false;
    while (rows.next()) {
      if (!started) {
        stop(progress); // the result has arrived: nothing of the progress line may stay above it
        writer.start(columns);
        started = true;
      }
      if (cancellation.requested()) {
        cancellation.repeatOn(rows.getStatement());
        cancelled = true;
        break;
      }
      if (settings.maxRows > 0 && count == settings.maxRows) {
        more = true;
        break;
      }
      String[] values = new String[columns.size()];
      for (int column = 0; column < values.length; column++) {
        values[column] = rows.getString(column + 1);
      }
      writer.row(values);
      count++;
    }
    if (!started) {
      stop(progress);
      writer.start(columns);
    }
    writer.finish();
    return new Printed(count, more, cancelled);
  }

  /** Prints in-memory rows (metadata listings of the dot-commands) in the current format, with a row count. */
  void printRows(List<RowWriter.Column> columns, List<String[]> rows) {
    RowWriter writer = settings.format.writer(target.rows(), settings);
    writer.start(columns);
    rows.forEach(writer::row);
    writer.finish();
    if (settings.format.forPeople()) {
      target.console().println("(" + rowCount(rows.size()) + ")");
    }
    target.console().flush();
    target.statementDone();
  }

  private static List<RowWriter.Column> columns(ResultSetMetaData metadata) throws SQLException {
    List<RowWriter.Column> columns = new ArrayList<>();
    for (int column = 1; column <= metadata.getColumnCount(); column++) {
      columns.add(new RowWriter.Column(metadata.getColumnLabel(column), metadata.getColumnType(column)));
    }
    return columns;
  }

  /** The console line under a result; empty for formats meant for programs unless something must be said. */
  private String summary(Statement statement, Printed printed, long start) throws SQLException {
    String rows = printed.more() ? "first " + rowCount(printed.rows()) : rowCount(printed.rows());
    String more = printed.more() ? "; more not shown, see .maxrows" : "";
    if (settings.timing) {
      return "(" + rows + ", " + seconds(start) + dataScanned(statement) + more + ")";
    }
    return settings.format.forPeople() || printed.more() ? "(" + rows + more + ")" : "";
  }

  private static String rowCount(long rows) {
    return rows + (rows == 1 ? " row" : " rows");
  }

  private static void stop(ProgressLine.Run progress) {
    if (progress != null) {
      progress.stop();
    }
  }

  /** The statement's live figures, or null for drivers other than Tarn's. */
  private static TarnExecutionInfo executionInfo(Statement statement) {
    try {
      return statement.isWrapperFor(TarnExecutionInfo.class) ? statement.unwrap(TarnExecutionInfo.class) : null;
    } catch (SQLException e) {
      return null;
    }
  }

  /** {@code Query <id> cancelled}, the id from the error or the statement (none if the driver gave none). */
  private void printCancelled(Statement statement, SQLException error) {
    String queryId = error instanceof TarnQueryError failed ? failed.queryId() : null;
    if (queryId == null) {
      TarnExecutionInfo info = executionInfo(statement);
      queryId = info == null ? null : info.queryId();
    }
    target.console().println(queryId == null ? "Query cancelled" : "Query " + queryId + " cancelled");
    target.console().flush();
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
    PrintWriter console = target.console();
    console.println("Error: " + line);
    console.flush();
  }

  /** Prints every row of {@code rows} in the current format; returns the count. */
  public long printTable(ResultSet rows) throws SQLException {
    return printRows(rows, null).rows();
  }

  /** Seconds since {@code startNanos}, as {@code 0.123 s}. */
  static String seconds(long startNanos) {
    return String.format(Locale.ROOT, "%.3f s", (System.nanoTime() - startNanos) / 1e9);
  }
}
