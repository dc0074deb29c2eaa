package dev.tarn.bench;

import dev.tarn.engine.api.QueryResult;
import dev.tarn.engine.api.TarnEngine;
import dev.tarn.engine.api.TarnSession;
import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.ExecutionPlanner;
import dev.tarn.engine.exec.Operator;
import dev.tarn.engine.exec.QueryStats;
import dev.tarn.engine.exec.scan.TableScanOperator;
import dev.tarn.engine.plan.PlanNode;
import dev.tarn.engine.sql.QueryPlanner;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Plans and runs queries exactly as the embedded session does (QueryPlanner → ExecutionPlanner with the table
 * scan), keeping the ExecutionContext so the caller can read the query's bytes scanned and pruning counters. Used
 * until the JDBC driver exposes per-query statistics through {@code unwrap}.
 */
final class EngineQueries {

  /** A finished query: its row count and the work its scans did. */
  record Run(long rows, QueryStats stats) {}

  private EngineQueries() {}

  /** Tarn's physical plan for {@code sql} in {@code database}. */
  static PlanNode plan(TarnEngine engine, String database, String sql) {
    try (BufferAllocator allocator = engine.rootAllocator().newChildAllocator("bench-plan", 0, Long.MAX_VALUE)) {
      return new QueryPlanner(engine.catalog(), engine.statistics(), allocator)
          .plan(sql, database, List.of()).plan();
    }
  }

  /** Runs {@code sql} in the default database; see {@link #run(TarnEngine, String, String)}. */
  static Run run(TarnEngine engine, String sql) {
    return run(engine, TarnEngine.DEFAULT_DATABASE, sql);
  }

  /** Runs {@code sql}, reading every batch, and returns its row count and stats. */
  static Run run(TarnEngine engine, String database, String sql) {
    try (BufferAllocator allocator = engine.rootAllocator().newChildAllocator("bench-query", 0,
        engine.config().queryMemoryLimitBytes())) {
      PlanNode plan = new QueryPlanner(engine.catalog(), engine.statistics(), allocator)
          .plan(sql, database, List.of()).plan();
      ExecutionContext context = new ExecutionContext("bench-query", allocator, engine.fileSystem(),
          engine.config().batchSize());
      long rows = 0;
      try (Operator root = new ExecutionPlanner(context, TableScanOperator::new).plan(plan)) {
        for (Batch batch = root.next(); batch != null; batch = root.next()) {
          rows += batch.rowCount();
          batch.close();
        }
      }
      return new Run(rows, context.stats());
    }
  }

  /** Runs statements (DDL) through a session, discarding any rows. */
  static void execute(TarnEngine engine, String... statements) {
    try (TarnSession session = engine.openSession(null)) {
      for (String statement : statements) {
        try (QueryResult result = session.execute(statement)) {
          for (Batch batch = result.next(); batch != null; batch = result.next()) {
            batch.close();
          }
        }
      }
    }
  }
}
