package dev.tarn.engine.exec.expr;

import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/** A vectorized function implementation for fixed argument and result types, resolved once per call site. */
@FunctionalInterface
public interface Kernel {

  /** Computes {@code rowCount} results from evaluated arguments (not closed here) into a new vector. */
  FieldVector apply(List<FieldVector> arguments, int rowCount, BufferAllocator allocator);
}
