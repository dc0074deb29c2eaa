package dev.tarn.engine.exec;

import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A vectorized physical operator in a pull pipeline: the consumer calls {@link #next()} until it returns null.
 * Operators do no work before the first {@code next()}. An operator owns its inputs and closes them.
 */
public interface Operator extends AutoCloseable {

  /** The schema of every batch this operator returns. */
  Schema schema();

  /** The next batch (owned by the caller, possibly empty), or null once the operator is exhausted. */
  Batch next();

  /** Releases every resource, including its inputs; safe to call at any time, more than once. */
  @Override
  void close();
}
