package dev.tarn.engine.api;

import dev.tarn.catalog.ddl.DdlExecutor;
import dev.tarn.catalog.ddl.DdlParser;
import dev.tarn.catalog.ddl.DdlResult;
import dev.tarn.catalog.ddl.DdlStatement;
import dev.tarn.catalog.store.CatalogException;
import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.ExecutionPlanner;
import dev.tarn.engine.exec.Operator;
import dev.tarn.engine.exec.scan.TableScanOperator;
import dev.tarn.engine.plan.PlanPrinter;
import dev.tarn.engine.sql.QueryPlanner;
import dev.tarn.engine.sql.system.SystemTables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/** A session in the engine's own JVM: routes each statement to the DDL executor, EXPLAIN, or the query path. */
final class EmbeddedSession implements TarnSession {

  /** The one column of EXPLAIN and EXPLAIN ANALYZE. */
  static final String EXPLAIN_COLUMN = "Query Plan";
  private static final Pattern EXPLAIN = Pattern.compile("(?is)^\\s*explain\\s+(analyze\\s+)?(.*)$");

  private final TarnEngine engine;
  private final DdlExecutor ddl;
  private String currentDatabase = TarnEngine.DEFAULT_DATABASE;

  EmbeddedSession(TarnEngine engine) {
    this.engine = engine;
    this.ddl = new DdlExecutor(engine.catalog(), engine.fileSystem());
  }

  @Override
  public String currentDatabase() {
    return currentDatabase;
  }

  @Override
  public void setCurrentDatabase(String database) {
    String name = database.toLowerCase(Locale.ROOT);
    if (engine.catalog().getDatabase(name).isEmpty()) {
      throw new TarnException(ErrorCode.NOT_FOUND, name, "Database '" + name + "' does not exist");
    }
    currentDatabase = name;
  }

  @Override
  public QueryResult execute(String sql, List<Object> parameters) {
    String queryId = UUID.randomUUID().toString();
    QueryExecution execution = engine.queryLog().begin(queryId, sql);
    try {
      Matcher explain = EXPLAIN.matcher(sql);
      if (explain.matches()) {
        if (explain.group(1) != null) {
          return ExplainAnalyze.run(engine, execution, explain.group(2), currentDatabase, parameters);
        }
        return explain(execution, explain.group(2), parameters);
      }
      Optional<DdlStatement> statement = DdlParser.parse(sql);
      if (statement.isPresent()) {
        return runDdl(execution, statement.get());
      }
      return runQuery(execution, sql, parameters);
    } catch (CatalogException e) {
      throw execution.fail(CatalogErrors.toTarn(e));
    } catch (RuntimeException e) {
      throw execution.fail(e);
    }
  }

  private QueryResult runDdl(QueryExecution execution, DdlStatement statement) {
    if (statement instanceof DdlStatement.CreateDatabase create
        && SystemTables.isSystemSchema(create.name())) {
      throw new TarnException(ErrorCode.VALIDATION_ERROR, create.name(),
          "Database name '" + create.name() + "' is reserved for Tarn's system tables");
    }
    DdlResult result;
    try {
      result = ddl.execute(statement, currentDatabase);
    } finally {
      engine.statistics().invalidate(); // tables or partitions may have changed, even when a statement failed midway
    }
    if (result.useDatabase() != null) {
      setCurrentDatabase(result.useDatabase());
    }
    execution.addRows(result.rows().size());
    execution.succeeded();
    if (result.columnNames().isEmpty()) {
      return ResultRows.none(execution.queryId(), execution.statistics());
    }
    return ResultRows.of(execution.queryId(), result.columnNames(), result.rows(), engine.rootAllocator(),
        execution.statistics());
  }

  private QueryResult explain(QueryExecution execution, String sql, List<Object> parameters) {
    String queryId = execution.queryId();
    try (BufferAllocator planning = engine.rootAllocator().newChildAllocator("plan-" + queryId, 0, Long.MAX_VALUE)) {
      QueryPlanner.PlannedQuery planned = new QueryPlanner(engine.catalog(), engine.statistics(), planning)
          .plan(sql, currentDatabase, parameters);
      List<List<String>> rows = Arrays.stream(PlanPrinter.print(planned.plan()).split("\n"))
          .map(line -> List.of(line)).toList();
      execution.addRows(rows.size());
      execution.succeeded();
      return ResultRows.of(queryId, List.of(EXPLAIN_COLUMN), rows, engine.rootAllocator(), execution.statistics());
    }
  }

  private QueryResult runQuery(QueryExecution execution, String sql, List<Object> parameters) {
    String queryId = execution.queryId();
    BufferAllocator allocator = engine.rootAllocator()
        .newChildAllocator("query-" + queryId, 0, engine.config().queryMemoryLimitBytes());
    Operator root = null;
    try {
      QueryPlanner.PlannedQuery planned = new QueryPlanner(engine.catalog(), engine.statistics(), allocator)
          .plan(sql, currentDatabase, parameters);
      ExecutionContext context = new ExecutionContext(queryId, allocator, engine.fileSystem(),
          engine.config().batchSize(), engine.workerPool(), engine.footerCache());
      root = new ExecutionPlanner(context, TableScanOperator::new,
          new SystemTableRows(engine.queryLog(), engine.catalog()), null)
          .plan(planned.plan());
      return new OperatorResult(queryId, root, context, execution);
    } catch (RuntimeException e) {
      if (root != null) {
        root.close();
      }
      allocator.close();
      throw e;
    }
  }

  @Override
  public int parameterCount(String sql) {
    Matcher explain = EXPLAIN.matcher(sql);
    String statement = explain.matches() ? explain.group(2) : sql;
    if (DdlParser.parse(statement).isPresent()) {
      return 0;
    }
    return QueryPlanner.parameterCount(statement);
  }

  @Override
  public StatementDescription describe(String sql) {
    try {
      Matcher explain = EXPLAIN.matcher(sql);
      if (explain.matches()) {
        String explained = explain.group(2);
        List<Field> parameters = parameterCount(explained) == 0 ? List.of() : describe(explained).parameters();
        return new StatementDescription(ResultRows.stringSchema(List.of(EXPLAIN_COLUMN)), parameters);
      }
      Optional<DdlStatement> statement = DdlParser.parse(sql);
      if (statement.isPresent()) {
        return new StatementDescription(ResultRows.stringSchema(DdlExecutor.resultColumns(statement.get())), List.of());
      }
      try (BufferAllocator planning = engine.rootAllocator()
          .newChildAllocator("describe-" + UUID.randomUUID(), 0, Long.MAX_VALUE)) {
        QueryPlanner.QueryShape shape = new QueryPlanner(engine.catalog(), engine.statistics(), planning)
            .describe(sql, currentDatabase);
        List<Field> parameters = new ArrayList<>();
        for (ArrowType type : shape.parameterTypes()) {
          parameters.add(Field.nullable("parameter_" + (parameters.size() + 1), type));
        }
        return new StatementDescription(new Schema(shape.outputFields()), parameters);
      }
    } catch (CatalogException e) {
      throw CatalogErrors.toTarn(e);
    }
  }

  @Override
  public void close() {}
}
