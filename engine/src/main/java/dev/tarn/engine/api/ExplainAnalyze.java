package dev.tarn.engine.api;

import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.ExecutionPlanner;
import dev.tarn.engine.exec.Operator;
import dev.tarn.engine.exec.profile.ExplainAnalyzeOperator;
import dev.tarn.engine.exec.profile.QueryProfile;
import dev.tarn.engine.exec.scan.TableScanOperator;
import dev.tarn.engine.sql.QueryPlanner;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * {@code EXPLAIN ANALYZE <query>}: plans the query with every operator profiled and returns a result whose first
 * batch runs it (see {@link ExplainAnalyzeOperator}), so that cancellation and timeouts reach it as any query's.
 */
final class ExplainAnalyze {
  private ExplainAnalyze() {}

  static QueryResult run(TarnEngine engine, QueryExecution execution, String sql, String currentDatabase,
      List<Object> parameters) {
    String queryId = execution.queryId();
    BufferAllocator allocator = engine.rootAllocator()
        .newChildAllocator("query-" + queryId, 0, engine.config().queryMemoryLimitBytes());
    Operator root = null;
    try {
      QueryPlanner.PlannedQuery planned = new QueryPlanner(engine.catalog(), engine.statistics(), allocator)
          .plan(sql, currentDatabase, parameters);
      ExecutionContext context = new ExecutionContext(queryId, allocator, engine.fileSystem(),
          engine.config().batchSize(), engine.workerPool(), engine.footerCache());
      QueryProfile profile = new QueryProfile();
      root = new ExecutionPlanner(context, TableScanOperator::new,
          new SystemTableRows(engine.queryLog(), engine.catalog()), profile).plan(planned.plan());
      return new OperatorResult(queryId, new ExplainAnalyzeOperator(root, planned.plan(), profile, context), context,
          execution);
    } catch (RuntimeException e) {
      if (root != null) {
        root.close();
      }
      allocator.close();
      throw e;
    }
  }
}
