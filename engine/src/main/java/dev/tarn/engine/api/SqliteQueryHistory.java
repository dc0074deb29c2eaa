package dev.tarn.engine.api;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The embedded query history: a SQLite file of its own ({@code <warehouse>/history.db}), so history writes never
 * wait for catalog writes. Records are written by one background thread, many per transaction, so a query never
 * waits for the disk; reads run on the same thread after the pending writes, so they see every added record.
 * Only the newest {@code capacity} records are kept.
 */
public final class SqliteQueryHistory implements QueryHistory {

  private static final System.Logger LOG = System.getLogger(SqliteQueryHistory.class.getName());
  private static final String COLUMNS = "query_id, state, query, started_micros, ended_micros, rows, bytes_scanned,"
      + " partitions_scanned, partitions_total, files_scanned, files_total, row_groups_scanned, row_groups_total,"
      + " pages_skipped, elapsed_nanos, error_code, error_message";

  private final Connection connection;
  private final int capacity;
  private final Queue<QueryRecord> pending = new ConcurrentLinkedQueue<>();
  private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "tarn-query-history");
    thread.setDaemon(true);
    return thread;
  });

  private SqliteQueryHistory(Connection connection, int capacity) {
    this.connection = connection;
    this.capacity = capacity;
  }

  /** Opens (creating if needed) the history in {@code file}, keeping at most {@code capacity} records. */
  public static SqliteQueryHistory open(Path file, int capacity) {
    try {
      Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA journal_mode=WAL");
        statement.execute("PRAGMA synchronous=NORMAL");
        statement.execute("CREATE TABLE IF NOT EXISTS queries (seq INTEGER PRIMARY KEY AUTOINCREMENT, "
            + "query_id TEXT NOT NULL, state TEXT NOT NULL, query TEXT, started_micros INTEGER, ended_micros INTEGER,"
            + " rows INTEGER, bytes_scanned INTEGER, partitions_scanned INTEGER, partitions_total INTEGER,"
            + " files_scanned INTEGER, files_total INTEGER, row_groups_scanned INTEGER, row_groups_total INTEGER,"
            + " pages_skipped INTEGER, elapsed_nanos INTEGER, error_code TEXT, error_message TEXT)");
      }
      connection.setAutoCommit(false);
      return new SqliteQueryHistory(connection, capacity);
    } catch (SQLException e) {
      throw new TarnException(ErrorCode.IO_ERROR, file.toString(), "Cannot open the query history: " + e.getMessage(), e);
    }
  }

  @Override
  public void add(QueryRecord record) {
    pending.add(record);
    try {
      writer.execute(this::flush);
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      // Closed: the record is lost, as a query finishing during shutdown cannot hold the shutdown up.
    }
  }

  @Override
  public List<QueryRecord> newest(int limit) {
    try {
      return writer.submit(() -> {
        flush();
        return read(limit);
      }).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TarnException(ErrorCode.CANCELLED, "system.queries", "Interrupted while reading the query history", e);
    } catch (ExecutionException e) {
      throw new TarnException(ErrorCode.IO_ERROR, "system.queries",
          "Cannot read the query history: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** Writes every pending record in one transaction, then drops what exceeds the capacity. On the writer thread. */
  private void flush() {
    if (pending.isEmpty()) {
      return;
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO queries (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      QueryRecord record;
      while ((record = pending.poll()) != null) {
        bind(insert, record);
        insert.addBatch();
      }
      insert.executeBatch();
      try (PreparedStatement trim = connection.prepareStatement(
          "DELETE FROM queries WHERE seq <= (SELECT MAX(seq) FROM queries) - ?")) {
        trim.setLong(1, capacity);
        trim.executeUpdate();
      }
      connection.commit();
    } catch (SQLException e) {
      // History is diagnostics: losing records must never fail or slow the queries that produced them.
      LOG.log(System.Logger.Level.WARNING, "Cannot write the query history", e);
      try {
        connection.rollback();
      } catch (SQLException ignored) {
        // The connection is broken; the next flush reports again.
      }
    }
  }

  private static void bind(PreparedStatement insert, QueryRecord record) throws SQLException {
    QueryStatistics stats = record.statistics();
    insert.setString(1, record.queryId());
    insert.setString(2, record.state().name());
    insert.setString(3, record.query());
    setMicros(insert, 4, record.started());
    setMicros(insert, 5, record.ended());
    long[] counters = {stats.rows(), stats.bytesScanned(), stats.partitionsScanned(), stats.partitionsTotal(),
        stats.filesScanned(), stats.filesTotal(), stats.rowGroupsScanned(), stats.rowGroupsTotal(),
        stats.pagesSkipped(), stats.elapsedNanos()};
    for (int i = 0; i < counters.length; i++) {
      insert.setLong(6 + i, counters[i]);
    }
    insert.setString(16, record.errorCode());
    insert.setString(17, record.errorMessage());
  }

  private static void setMicros(PreparedStatement statement, int index, Instant instant) throws SQLException {
    if (instant == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000);
    }
  }

  private List<QueryRecord> read(int limit) throws SQLException {
    List<QueryRecord> records = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT " + COLUMNS + " FROM queries ORDER BY seq DESC LIMIT ?")) {
      select.setInt(1, limit);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          QueryStatistics stats = new QueryStatistics(rows.getLong(6), rows.getLong(7), rows.getLong(8),
              rows.getLong(9), rows.getLong(10), rows.getLong(11), rows.getLong(12), rows.getLong(13),
              rows.getLong(14), rows.getLong(15));
          records.add(new QueryRecord(rows.getString(1), QueryState.valueOf(rows.getString(2)), rows.getString(3),
              instant(rows, 4), instant(rows, 5), stats, rows.getString(16), rows.getString(17)));
        }
      }
      connection.commit();
    }
    return records;
  }

  private static Instant instant(ResultSet rows, int index) throws SQLException {
    long micros = rows.getLong(index);
    return rows.wasNull() ? null : Instant.EPOCH.plusNanos(Math.multiplyExact(micros, 1_000L));
  }

  @Override
  public void close() {
    writer.execute(this::flush);
    writer.shutdown();
    try {
      if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.log(System.Logger.Level.WARNING, "The query history did not finish writing within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.log(System.Logger.Level.WARNING, "Cannot close the query history", e);
      }
    }
  }
}
