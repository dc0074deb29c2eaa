package dev.tarn.engine.exec.operator;

import dev.tarn.engine.exec.Batch;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Field;

/** Produces the contents of the engine's own tables when a query reads them; implemented by the engine's API layer. */
@FunctionalInterface
public interface SystemTableSource {

  /** A source that knows no tables. */
  SystemTableSource NONE = (table, fields, allocator) -> {
    throw dev.tarn.engine.TarnException.notSupported("system table " + table + " in this context");
  };

  /**
   * A snapshot of {@code table} (a qualified name) as one batch of vectors of {@code fields}, allocated from
   * {@code allocator}; the caller owns and closes it.
   */
  Batch read(String table, List<Field> fields, BufferAllocator allocator);
}
