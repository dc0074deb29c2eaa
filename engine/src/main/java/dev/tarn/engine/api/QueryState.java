package dev.tarn.engine.api;

/** The states of a query execution, as Athena names them (GetQueryExecution's {@code Status.State}). */
public enum QueryState {
  /** Accepted but not started; Tarn runs statements at once, so it passes through this state immediately. */
  QUEUED,
  /** Planning or producing rows. */
  RUNNING,
  /** Finished: every row was delivered, or the client closed the result early (rows counts what it got). */
  SUCCEEDED,
  /** Ended with an error (see the record's error code and message). */
  FAILED,
  /** Stopped by {@code cancel()}. */
  CANCELLED;

  /** Whether the execution is over. */
  public boolean isFinal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }
}
