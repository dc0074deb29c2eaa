package dev.tarn.engine.api;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.ExecutionPlanner;
import dev.tarn.engine.exec.Operator;
import dev.tarn.engine.exec.profile.ProfilePrinter;
import dev.tarn.engine.exec.profile.QueryProfile;
import dev.tarn.engine.exec.scan.TableScanOperator;
import dev.tarn.engine.sql.QueryPlanner;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * {@code EXPLAIN ANALYZE <query>}: runs the query with every operator profiled, drains and discards its rows, and
 * returns the plan with what each operator did, then one summary line for the whole query.
 */
final class ExplainAnalyze {
  private ExplainAnalyze() {}

  static QueryResult run(TarnEngine engine, QueryExecution execution, String sql, String currentDatabase,
      List<Object> parameters) {
    String queryId = execution.queryId();
    List<String> lines = new ArrayList<>();
    try (BufferAllocator allocator = engine.rootAllocator()
        .newChildAllocator("query-" + queryId, 0, engine.config().queryMemoryLimitBytes())) {
      QueryPlanner.PlannedQuery planned = new QueryPlanner(engine.catalog(), engine.statistics(), allocator)
          .plan(sql, currentDatabase, parameters);
      ExecutionContext context = new ExecutionContext(queryId, allocator, engine.fileSystem(),
          engine.config().batchSize(), engine.workerPool(), engine.footerCache());
      execution.attach(context.stats());
      QueryProfile profile = new QueryProfile();
      long rows = 0;
      long start = System.nanoTime();
      try (Operator root = new ExecutionPlanner(context, TableScanOperator::new,
          new SystemTableRows(engine.queryLog(), engine.catalog()), profile).plan(planned.plan())) {
        Batch batch;
        while ((batch = nextBatch(root, context)) != null) {
          rows += batch.rowCount();
          batch.close();
        }
      }
      long elapsed = System.nanoTime() - start;
      lines.addAll(ProfilePrinter.print(planned.plan(), profile));
      lines.add("Query: rows=" + rows + " wall=" + ProfilePrinter.millis(elapsed)
          + " peak memory=" + ProfilePrinter.bytes(allocator.getPeakMemoryAllocation())
          + " bytes scanned=" + ProfilePrinter.bytes(context.stats().bytesScanned()));
    }
    List<List<String>> rows = lines.stream().map(List::of).toList();
    execution.addRows(rows.size());
    execution.succeeded();
    return ResultRows.of(queryId, List.of("Query Plan"), rows, engine.rootAllocator(), execution.statistics());
  }

  private static Batch nextBatch(Operator root, ExecutionContext context) {
    context.checkCancelled();
    return root.next();
  }
}
