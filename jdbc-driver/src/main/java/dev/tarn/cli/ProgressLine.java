package dev.tarn.cli;

import dev.tarn.jdbc.TarnExecutionInfo;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Supplier;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;

/**
 * A live progress line under a running statement, as DuckDB's and Trino's shells draw one: after
 * {@link #DELAY_MILLIS} it shows the elapsed time, rows read, bytes scanned and splits done of total (with a bar),
 * redrawn in place a few times a second with a carriage return and erase-to-end-of-line, and erased when the result
 * arrives, so nothing of it stays on the screen. Figures come from the driver's {@link TarnExecutionInfo}, polled on
 * a thread of its own because a statement spends its time either in {@code execute} or in the first
 * {@code ResultSet.next()}.
 */
final class ProgressLine {

  static final long DELAY_MILLIS = 500;
  static final long REDRAW_MILLIS = 200;
  private static final int BAR_WIDTH = 20;

  private final Terminal terminal;

  private ProgressLine(Terminal terminal) {
    this.terminal = terminal;
  }

  /** A progress line on {@code terminal}, or null if it cannot redraw a line (a dumb terminal, a pipe). */
  static ProgressLine on(Terminal terminal) {
    if (Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())
        || terminal.getStringCapability(Capability.clr_eol) == null) {
      return null;
    }
    return new ProgressLine(terminal);
  }

  /**
   * Starts drawing the progress of one statement, whose figures {@code info} gives (null, or no query id yet while
   * the statement is planned: the time alone).
   */
  Run start(Supplier<TarnExecutionInfo> info) {
    Run run = new Run(info);
    Thread thread = new Thread(run, "tarn-progress");
    thread.setDaemon(true);
    thread.start();
    return run;
  }

  /** The progress of one statement; {@link #stop()} erases it. */
  final class Run implements Runnable {
    private final Supplier<TarnExecutionInfo> info;
    private final long startNanos = System.nanoTime();
    private boolean stopped;
    private boolean drawn;

    private Run(Supplier<TarnExecutionInfo> info) {
      this.info = info;
    }

    @Override
    public synchronized void run() {
      try {
        wait(DELAY_MILLIS);
        while (!stopped) {
          draw();
          wait(REDRAW_MILLIS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private void draw() {
      long elapsedMillis = (System.nanoTime() - startNanos) / 1_000_000;
      TarnExecutionInfo figures;
      try {
        figures = info.get();
      } catch (RuntimeException e) {
        figures = null; // a driver that cannot tell yet: show the time alone
      }
      String text = render(figures, elapsedMillis, terminal.getWidth());
      PrintWriter writer = terminal.writer();
      writer.print('\r');
      writer.print(text);
      terminal.puts(Capability.clr_eol);
      writer.flush();
      drawn = true;
    }

    /** Stops drawing and erases the line; the cursor is where the line began. Idempotent. */
    synchronized void stop() {
      if (stopped) {
        return;
      }
      stopped = true;
      notifyAll();
      if (drawn) {
        terminal.writer().print('\r');
        terminal.puts(Capability.clr_eol);
        terminal.writer().flush();
      }
    }
  }

  /**
   * The line for {@code info} after {@code elapsedMillis}, cut to {@code width - 1} columns so it never wraps:
   * {@code Running 3.2 s, 1,234,567 rows read, 120.3 MB scanned, splits 12/48 [=====>              ] 25%}.
   */
  static String render(TarnExecutionInfo info, long elapsedMillis, int width) {
    StringBuilder line = new StringBuilder("Running ")
        .append(String.format(Locale.ROOT, "%.1f s", elapsedMillis / 1000.0));
    if (info != null && info.queryId() != null) {
      long rows = Math.max(info.rowsScanned(), info.rows());
      line.append(String.format(Locale.ROOT, ", %,d rows read, ", rows))
          .append(ResultPrinter.bytes(info.bytesScanned())).append(" scanned");
      long total = info.splitsTotal();
      if (total > 0) {
        long done = Math.min(info.splitsCompleted(), total);
        int filled = (int) (BAR_WIDTH * done / total);
        line.append(", splits ").append(done).append('/').append(total).append(" [")
            .append("=".repeat(filled)).append(filled < BAR_WIDTH ? ">" : "")
            .append(" ".repeat(Math.max(0, BAR_WIDTH - filled - 1))).append("] ")
            .append(100 * done / total).append('%');
      }
    }
    int columns = width <= 1 ? 79 : width - 1;
    return line.length() <= columns ? line.toString() : line.substring(0, columns);
  }
}
