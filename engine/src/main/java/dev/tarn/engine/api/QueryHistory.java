package dev.tarn.engine.api;

import java.util.List;

/** Where finished query records are kept, newest first, bounded in size. Thread-safe. */
public interface QueryHistory extends AutoCloseable {

  /** Stores a finished record; may return before it is durable, but {@link #newest} sees it at once. */
  void add(QueryRecord record);

  /** At most {@code limit} records, newest first. */
  List<QueryRecord> newest(int limit);

  /** Writes what is pending and releases the store. */
  @Override
  void close();
}
