package dev.tarn.engine.testing;

import dev.tarn.engine.api.TarnEngine;
import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.ExecutionPlanner;
import dev.tarn.engine.exec.Operator;
import dev.tarn.engine.exec.QueryStats;
import dev.tarn.engine.exec.ScanStats;
import dev.tarn.engine.exec.scan.TableScanOperator;
import dev.tarn.engine.sql.QueryPlanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;

/** Runs a query the way EmbeddedSession does, but keeps the ExecutionContext so tests can read its stats. */
public final class StatsQueries {

  /** A query's rows and the work its scans did. */
  public record Run(List<List<Object>> rows, QueryStats stats) {}

  /** Every counter of a scan, by name, for tests comparing two runs' work counter by counter. */
  public static final Map<String, Function<ScanStats, AtomicLong>> COUNTERS = Map.ofEntries(
      Map.entry("bytesScanned", s -> s.bytesScanned),
      Map.entry("partitionsScanned", s -> s.partitionsScanned),
      Map.entry("partitionsTotal", s -> s.partitionsTotal),
      Map.entry("filesScanned", s -> s.filesScanned),
      Map.entry("filesTotal", s -> s.filesTotal),
      Map.entry("rowGroupsScanned", s -> s.rowGroupsScanned),
      Map.entry("rowGroupsTotal", s -> s.rowGroupsTotal),
      Map.entry("rowGroupsPrunedByStatistics", s -> s.rowGroupsPrunedByStatistics),
      Map.entry("rowGroupsPrunedByDictionary", s -> s.rowGroupsPrunedByDictionary),
      Map.entry("rowGroupsPrunedByBloomFilter", s -> s.rowGroupsPrunedByBloomFilter),
      Map.entry("prunedByDynamicFilter", s -> s.prunedByDynamicFilter),
      Map.entry("pagesScanned", s -> s.pagesScanned),
      Map.entry("pagesSkipped", s -> s.pagesSkipped),
      Map.entry("rowsScanned", s -> s.rowsScanned),
      Map.entry("rowsFilteredInScan", s -> s.rowsFilteredInScan));

  private StatsQueries() {}

  public static Run run(TarnEngine engine, String sql) {
    try (BufferAllocator allocator = engine.rootAllocator().newChildAllocator("stats-query", 0, Long.MAX_VALUE)) {
      QueryPlanner.PlannedQuery planned = new QueryPlanner(engine.catalog(), engine.statistics(), allocator)
          .plan(sql, TarnEngine.DEFAULT_DATABASE, List.of());
      ExecutionContext context = new ExecutionContext("stats-query", allocator, engine.fileSystem(),
          engine.config().batchSize(), engine.workerPool());
      List<List<Object>> rows = new ArrayList<>();
      try (Operator root = new ExecutionPlanner(context, TableScanOperator::new).plan(planned.plan())) {
        for (Batch next = root.next(); next != null; next = root.next()) {
          try (Batch batch = next) {
            for (int row = 0; row < batch.rowCount(); row++) {
              List<Object> values = new ArrayList<>();
              for (int column = 0; column < batch.columns().size(); column++) {
                values.add(ResultRowsReader.value(batch.columns().get(column), row));
              }
              rows.add(values);
            }
          }
        }
      }
      return new Run(rows, context.stats());
    }
  }
}
