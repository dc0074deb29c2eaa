package dev.tarn.engine.exec.join;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.Operator;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The build side of one join in one execution: buffers the build input into {@link BuildRows} and indexes each
 * batch in a {@link CandidateFinder} (a hash table, or just a row count for nested loops), once, on the thread that
 * first asks for {@link #rows()}; then tells the {@link BuildListener} (dynamic filters) it is complete. From then
 * on it is read-only, so the probe copies of a parallel hash join share one (each with its own finder over the same
 * {@link JoinHashTable}). Each user holds a reference and calls {@link #release()} once; the last one frees the rows
 * and closes the build input.
 */
public final class JoinBuild {
  private final Operator input;
  private final CandidateFinder indexer;
  private final BuildListener listener;
  private final ExecutionContext context;
  private int references;
  /** Probe copies that have not yet merged their build-row matches. */
  private int probing;
  private BuildRows rows;
  private RuntimeException failure;
  private boolean released;

  /**
   * @param indexer receives every build batch ({@link CandidateFinder#addBuild})
   * @param listener sees the build batches and hears when they are complete, or null
   * @param references how many users will call {@link #release()}
   */
  public JoinBuild(Operator input, CandidateFinder indexer, BuildListener listener, ExecutionContext context,
      int references) {
    this.input = input;
    this.indexer = indexer;
    this.listener = listener;
    this.context = context;
    this.references = references;
    this.probing = references;
  }

  /**
   * One probe copy is done: merges its build-row matches ({@code matched}, a bit per build row id, or null for
   * none) and returns whether it was the last, which then emits the build rows the join keeps.
   */
  public synchronized boolean probeFinished(long[] matched) {
    if (matched != null) {
      rows.mergeMatched(matched);
    }
    return --probing == 0;
  }

  /** The schema of the build rows. */
  public Schema schema() {
    return input.schema();
  }

  /** The complete build rows, building them on this thread if no one has yet; read-only once returned. */
  public synchronized BuildRows rows() {
    if (failure != null) {
      throw failure;
    }
    if (rows == null) {
      rows = new BuildRows();
      try {
        pullInput();
      } catch (RuntimeException e) {
        failure = e;
        throw e;
      }
      rows.seal();
    }
    return rows;
  }

  private void pullInput() {
    while (true) {
      // Checked before pulling, so a cancellation never strands a batch this method has not taken yet.
      context.checkCancelled();
      Batch batch = input.next();
      if (batch == null) {
        break;
      }
      if (batch.rowCount() == 0) {
        batch.close();
        continue;
      }
      int firstId = rows.rowCount();
      rows.add(batch);
      indexer.addBuild(batch, firstId);
      if (listener != null) {
        listener.accept(batch);
      }
    }
    // Published before any probe side's first pull, so its scan can prune with it from the start.
    if (listener != null) {
      listener.complete();
    }
  }

  /** Drops one user's reference; the last one frees the build rows and closes the build input. */
  public synchronized void release() {
    if (released || --references > 0) {
      return;
    }
    released = true;
    try {
      if (rows != null) {
        rows.close();
      }
    } finally {
      input.close();
    }
  }
}
