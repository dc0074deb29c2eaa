package dev.tarn.engine.api;

import dev.tarn.catalog.store.CatalogStore;
import java.nio.file.Path;

/**
 * One open warehouse: its catalog store, its root allocator and its planner caches. Thread-safe; open one per
 * warehouse per JVM and share it between sessions (the JDBC driver does). Closing it closes the store and
 * checks that every query released its memory.
 */
public final class TarnEngine implements AutoCloseable {

  private final EngineConfig config;

  private TarnEngine(EngineConfig config) {
    this.config = config;
  }

  /** Opens (creating if needed) the warehouse in {@code config.warehouse()}, with a {@code default} database. */
  public static TarnEngine open(EngineConfig config) {
    throw new UnsupportedOperationException("integration pending");
  }

  public EngineConfig config() {
    return config;
  }

  public Path warehouse() {
    return config.warehouse();
  }

  /** The catalog of this warehouse. */
  public CatalogStore catalog() {
    throw new UnsupportedOperationException("integration pending");
  }

  /** A new session whose current database is {@code database} (null: {@code default}). */
  public TarnSession openSession(String database) {
    throw new UnsupportedOperationException("integration pending");
  }

  @Override
  public void close() {
  }
}
