package dev.tarn.engine.api;

import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.operator.SystemTableSource;
import dev.tarn.engine.sql.system.SystemTables;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The rows of the system tables, from the engine's state; times are UTC, as Athena reports them. */
final class SystemTableRows implements SystemTableSource {

  private final QueryLog queryLog;

  SystemTableRows(QueryLog queryLog) {
    this.queryLog = queryLog;
  }

  @Override
  public List<List<Object>> rows(String table) {
    if (!table.equals(SystemTables.SCHEMA + "." + SystemTables.QUERIES)) {
      throw TarnException.notSupported("system table " + table);
    }
    List<List<Object>> rows = new ArrayList<>();
    for (QueryRecord record : queryLog.records()) {
      rows.add(queryRow(record));
    }
    return rows;
  }

  /** One row of {@code system.queries}, in the column order of {@link SystemTables}. */
  private static List<Object> queryRow(QueryRecord record) {
    QueryStatistics stats = record.statistics();
    List<Object> row = new ArrayList<>(17);
    row.add(record.queryId());
    row.add(record.state().name());
    row.add(record.query());
    row.add(utc(record.started()));
    row.add(utc(record.ended()));
    row.add(stats.rows());
    row.add(stats.bytesScanned());
    row.add(stats.partitionsScanned());
    row.add(stats.partitionsTotal());
    row.add(stats.filesScanned());
    row.add(stats.filesTotal());
    row.add(stats.rowGroupsScanned());
    row.add(stats.rowGroupsTotal());
    row.add(stats.pagesSkipped());
    row.add(stats.elapsedNanos() / 1_000_000);
    row.add(record.errorCode());
    row.add(record.errorMessage());
    return row;
  }

  private static LocalDateTime utc(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
