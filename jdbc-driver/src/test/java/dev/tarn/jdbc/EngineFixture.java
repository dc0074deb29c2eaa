package dev.tarn.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.engine.api.EngineConfig;
import dev.tarn.engine.api.TarnEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real embedded engine over a small generated lake, shared by the tests of one class: {@code numbers} holds
 * {@value #ROWS} rows (k BIGINT 0.., v DOUBLE, s VARCHAR) in four Parquet files, written by DuckDB. Connections
 * are the driver's own {@link TarnConnection}s on sessions of this engine. After each test every connection it
 * handed out is closed and the engine's root allocator must hold no bytes and no child allocators; after the
 * class the engine is closed, which fails if a query leaked. Register with {@code @RegisterExtension static}.
 */
final class EngineFixture implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

  static final int ROWS = 100_000;
  private static final int FILES = 4;

  private final int threads;
  private final List<Connection> connections = new ArrayList<>();
  private Path directory;
  private TarnEngine engine;

  /** An engine with {@code threads} worker threads (1: every query on its caller's thread). */
  EngineFixture(int threads) {
    this.threads = threads;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    directory = Files.createTempDirectory("tarn-jdbc-fixture");
    Path numbers = directory.resolve("data/numbers");
    Files.createDirectories(numbers);
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      int perFile = ROWS / FILES;
      for (int file = 0; file < FILES; file++) {
        statement.execute("COPY (SELECT i AS k, i / 4.0 AS v, 'row ' || i AS s FROM range(" + file * perFile + ", "
            + (file + 1) * perFile + ") t(i)) TO '" + numbers.resolve("part-" + file + ".parquet")
            + "' (FORMAT PARQUET)");
      }
    }
    engine = TarnEngine.open(EngineConfig.defaults(directory.resolve("warehouse")).withThreads(threads));
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE EXTERNAL TABLE numbers (k BIGINT, v DOUBLE, s STRING) STORED AS PARQUET"
          + " LOCATION 'file://" + numbers + "/'");
    }
  }

  /** The engine, for its allocator and query log. */
  TarnEngine engine() {
    return engine;
  }

  /** A new connection on its own session of the engine; closed after the test if the test does not. */
  Connection connect() {
    TarnConnection connection = new TarnConnection("jdbc:tarn:" + engine.warehouse(), engine.openSession(null),
        engine::catalog, () -> { });
    connections.add(connection);
    return connection;
  }

  /** Bytes the engine's root allocator holds now: every open query's memory. */
  long allocatedBytes() {
    return engine.rootAllocator().getAllocatedMemory();
  }

  @Override
  public void afterEach(ExtensionContext context) throws SQLException {
    for (Connection connection : connections) {
      connection.close();
    }
    connections.clear();
    assertThat(engine.rootAllocator().getChildAllocators()).as("query allocators left open").isEmpty();
    assertThat(allocatedBytes()).as("bytes left allocated").isZero();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    try {
      if (engine != null) {
        engine.close(); // fails if any query leaked memory
      }
    } finally {
      try (Stream<Path> files = Files.walk(directory)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }
}
