package dev.tarn.engine.api;

import dev.tarn.catalog.store.CatalogStore;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.operator.SystemTableSource;
import dev.tarn.engine.sql.system.SystemTables;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The contents of the system tables, from the engine's state ({@code system.queries}: times are UTC, as Athena
 * reports them) and from the catalog ({@code information_schema}, see {@link InformationSchema}).
 */
final class SystemTableRows implements SystemTableSource {

  private final QueryLog queryLog;
  private final CatalogStore catalog;

  SystemTableRows(QueryLog queryLog, CatalogStore catalog) {
    this.queryLog = queryLog;
    this.catalog = catalog;
  }

  @Override
  public Batch read(String table, List<Field> fields, BufferAllocator allocator) {
    SystemTables.Definition definition = SystemTables.find(table)
        .orElseThrow(() -> TarnException.notSupported("system table " + table));
    if (definition.schema().equals(SystemTables.INFORMATION_SCHEMA)) {
      return new InformationSchema(catalog).read(definition.name(), fields, allocator);
    }
    return queries(fields, allocator);
  }

  /** {@code system.queries}, in the column order of {@link SystemTables}. */
  private Batch queries(List<Field> fields, BufferAllocator allocator) {
    List<QueryRecord> records = queryLog.records();
    try (SystemTableBuilder table = new SystemTableBuilder(fields, records.size(), allocator)) {
      for (int row = 0; row < records.size(); row++) {
        QueryRecord record = records.get(row);
        QueryStatistics stats = record.statistics();
        int column = 0;
        table.set(column++, row, record.queryId());
        table.set(column++, row, record.state().name());
        table.set(column++, row, record.query());
        table.set(column++, row, utc(record.started()));
        table.set(column++, row, utc(record.ended()));
        table.set(column++, row, stats.rows());
        table.set(column++, row, stats.bytesScanned());
        table.set(column++, row, stats.partitionsScanned());
        table.set(column++, row, stats.partitionsTotal());
        table.set(column++, row, stats.filesScanned());
        table.set(column++, row, stats.filesTotal());
        table.set(column++, row, stats.rowGroupsScanned());
        table.set(column++, row, stats.rowGroupsTotal());
        table.set(column++, row, stats.pagesSkipped());
        table.set(column++, row, stats.elapsedNanos() / 1_000_000);
        table.set(column++, row, record.errorCode());
        table.set(column, row, record.errorMessage());
      }
      return table.build(records.size());
    }
  }

  private static LocalDateTime utc(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
