package dev.tarn.engine.exec.join;

import dev.tarn.engine.exec.Batch;

/** Sees every build-side batch of a join, then hears once that the build side is complete (dynamic filters). */
public interface BuildListener {
  /** Called for each non-empty build batch, which the listener must not keep or close. */
  void accept(Batch batch);

  /** Called once after the last build batch, before the first probe batch is pulled. */
  void complete();
}
