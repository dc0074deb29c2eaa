package dev.tarn.cli;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * The statement the shell is running, so that Ctrl-C (delivered on another thread) can cancel it through
 * {@link Statement#cancel()}. A request is remembered: a driver may not be able to cancel a statement that has not
 * produced its result yet, so the printer cancels again once it has one and stops reading rows.
 */
final class QueryCancellation {

  private volatile Statement running;
  private volatile boolean requested;

  /** Marks {@code statement} as running (and forgets earlier requests). */
  void begin(Statement statement) {
    requested = false;
    running = statement;
  }

  /** The statement has finished. */
  void end() {
    running = null;
  }

  /** Whether Ctrl-C asked to cancel the running statement. */
  boolean requested() {
    return requested;
  }

  /** Cancels the running statement, if any (from any thread); returns whether one was running. */
  boolean cancel() {
    Statement statement = running;
    if (statement == null) {
      return false;
    }
    requested = true;
    cancelQuietly(statement);
    return true;
  }

  /** Cancels {@code statement} again once it has a result, if cancelling was asked for meanwhile. */
  void repeatOn(Statement statement) {
    if (requested) {
      cancelQuietly(statement);
    }
  }

  private static void cancelQuietly(Statement statement) {
    try {
      statement.cancel();
    } catch (SQLException | RuntimeException e) {
      // Already finished or closed: the reader stops on the request flag anyway.
    }
  }
}
