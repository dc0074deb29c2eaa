package dev.tarn.engine.sql;

import dev.tarn.catalog.model.Database;
import dev.tarn.catalog.store.CatalogStore;
import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.plan.PlanNode;
import dev.tarn.engine.plan.ProjectNode;
import dev.tarn.engine.plan.expr.ColumnRef;
import dev.tarn.engine.plan.expr.Expr;
import dev.tarn.engine.sql.functions.AggregateFunctions;
import dev.tarn.engine.sql.functions.NonReducingExecutor;
import dev.tarn.engine.sql.functions.TarnOperatorTable;
import dev.tarn.engine.sql.partition.PartitionPruner;
import dev.tarn.engine.sql.stats.TableStatistics;
import dev.tarn.engine.sql.translate.PhysicalPlanTranslator;
import dev.tarn.engine.sql.translate.RexToExpr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.plan.Context;
import org.apache.calcite.plan.Contexts;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.tools.FrameworkConfig;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.Planner;
import org.apache.calcite.tools.RelConversionException;
import org.apache.calcite.tools.ValidationException;

/**
 * SQL text → Tarn physical plan: Calcite parses (Athena's lexical rules: unquoted names folded to lower case,
 * double-quoted identifiers), validates against the catalog, converts to relational algebra and optimizes with a
 * fixed rule program; then {@link PhysicalPlanTranslator} produces Tarn's plan. Calcite never executes anything.
 */
public final class QueryPlanner {

  /** Parser settings shared by every statement (also used to count parameter markers). */
  public static final SqlParser.Config PARSER_CONFIG = SqlParser.config()
      .withParserFactory(SqlBabelParserImpl.FACTORY)
      .withUnquotedCasing(Casing.TO_LOWER)
      .withQuotedCasing(Casing.UNCHANGED)
      .withQuoting(Quoting.DOUBLE_QUOTE)
      .withCaseSensitive(false)
      .withConformance(SqlConformanceEnum.LENIENT);

  /**
   * Calcite's planner takes some validator settings from a connection config rather than from the validator
   * config: NULLs sort last in both directions (Trino, Athena and DuckDB do so) and names are case-insensitive.
   */
  private static final Context CONNECTION_CONTEXT = Contexts.of(new CalciteConnectionConfigImpl(connectionProperties()));

  /** The type of markers whose context gives them none. */
  private static final SqlDataTypeSpec VARCHAR_SPEC =
      new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, SqlParserPos.ZERO), SqlParserPos.ZERO);

  private final CatalogStore store;
  private final TableStatistics statistics;
  private final BufferAllocator allocator;

  private static Properties connectionProperties() {
    Properties properties = new Properties();
    properties.setProperty(CalciteConnectionProperty.DEFAULT_NULL_COLLATION.camelName(), NullCollation.LAST.name());
    properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
    properties.setProperty(CalciteConnectionProperty.CONFORMANCE.camelName(), SqlConformanceEnum.LENIENT.name());
    return properties;
  }

  /** @param allocator memory for planning-time evaluation (partition pruning) */
  public QueryPlanner(CatalogStore store, TableStatistics statistics, BufferAllocator allocator) {
    this.store = store;
    this.statistics = statistics;
    this.allocator = allocator;
  }

  /** A planned query: Tarn's plan, plus Calcite's optimized plan for diagnostics. */
  public record PlannedQuery(PlanNode plan, String logicalPlan) {}

  /** A query's result columns and the types of its {@code ?} markers, found without running it. */
  public record QueryShape(List<Field> outputFields, List<ArrowType> parameterTypes) {}

  /** Plans one query in {@code currentDatabase} with {@code ?} markers bound to {@code parameters}. */
  public PlannedQuery plan(String sql, String currentDatabase, List<Object> parameters) {
    return plan(sql, currentDatabase, parsed -> ParameterBinder.bind(parsed, parameters));
  }

  /**
   * Describes a query whose markers are unbound: each marker takes the type its context gives it ({@code x = ?}
   * takes x's type), VARCHAR where the SQL gives none (then all markers are VARCHAR, since Calcite fails the whole
   * validation); the result columns are those of the plan with every marker bound to a NULL of its type.
   */
  public QueryShape describe(String sql, String currentDatabase) {
    int markers = parameterCount(sql);
    List<RelDataType> types = markers == 0 ? List.of() : markerTypes(sql, currentDatabase, markers);
    List<SqlDataTypeSpec> specs = new ArrayList<>();
    List<ArrowType> parameterTypes = new ArrayList<>();
    for (RelDataType type : types) {
      ArrowType arrow = type == null ? null : arrowTypeOrNull(type);
      specs.add(arrow == null ? VARCHAR_SPEC : SqlTypeUtil.convertTypeToSpec(type));
      parameterTypes.add(arrow == null ? ArrowType.Utf8.INSTANCE : arrow);
    }
    PlannedQuery planned = plan(sql, currentDatabase, parsed -> ParameterBinder.bindNulls(parsed, specs));
    return new QueryShape(planned.plan().outputFields(), parameterTypes);
  }

  /** The number of {@code ?} markers in a query; fails with SYNTAX_ERROR if it does not parse. */
  public static int parameterCount(String sql) {
    try {
      return ParameterBinder.count(SqlParser.create(sql, PARSER_CONFIG).parseStmt());
    } catch (SqlParseException e) {
      throw new TarnException(ErrorCode.SYNTAX_ERROR, null, firstLine(e.getMessage()), e);
    }
  }

  /** The validator's type for each marker (null where it has none), or all null if it cannot validate unbound markers. */
  private List<RelDataType> markerTypes(String sql, String currentDatabase, int markers) {
    try {
      return withPlanner(currentDatabase, planner -> {
        RelRoot root = planner.rel(planner.validate(planner.parse(sql)));
        return DynamicParameterTypes.of(root.rel, markers);
      });
    } catch (TarnException untyped) {
      // "Illegal use of dynamic parameter" (SELECT ?) or a real error, which planning with VARCHAR markers reports.
      return Arrays.asList(new RelDataType[markers]);
    }
  }

  private static ArrowType arrowTypeOrNull(RelDataType type) {
    try {
      ArrowType arrow = TypeMapping.toArrowType(type);
      return arrow instanceof ArrowType.Null ? null : arrow;
    } catch (TarnException unsupported) {
      return null;
    }
  }

  private PlannedQuery plan(String sql, String currentDatabase, UnaryOperator<SqlNode> binder) {
    return withPlanner(currentDatabase, planner -> {
      RelRoot root = toRel(planner, sql, binder);
      RelNode logical = OptimizerProgram.optimize(root.project());
      RexToExpr rexToExpr = new RexToExpr(logical.getCluster().getRexBuilder());
      PhysicalPlanTranslator translator = new PhysicalPlanTranslator(rexToExpr, new PartitionPruner(store, allocator));
      PlanNode plan = renameOutputs(translator.translate(logical), root.validatedRowType.getFieldNames());
      return new PlannedQuery(plan, org.apache.calcite.plan.RelOptUtil.toString(logical));
    });
  }

  /** Calcite's optimized plan of a query, as translation receives it; for tests of the optimizer's choices. */
  RelNode optimizedPlan(String sql, String currentDatabase) {
    return withPlanner(currentDatabase, planner -> OptimizerProgram.optimize(
        toRel(planner, sql, parsed -> ParameterBinder.bind(parsed, List.of())).project()));
  }

  private static RelRoot toRel(Planner planner, String sql, UnaryOperator<SqlNode> binder)
      throws SqlParseException, ValidationException, RelConversionException {
    SqlNode parsed = planner.parse(sql);
    SqlNode bound = binder.apply(JdbcEscapes.normalize(parsed));
    SqlNode validated = planner.validate(bound);
    return planner.rel(validated);
  }

  /** One use of a fresh Calcite planner, with its failures mapped to Tarn's error codes. */
  private interface PlannerStep<T> {
    T apply(Planner planner) throws SqlParseException, ValidationException, RelConversionException;
  }

  private <T> T withPlanner(String currentDatabase, PlannerStep<T> step) {
    Planner planner = Frameworks.getPlanner(frameworkConfig(currentDatabase));
    try {
      return step.apply(planner);
    } catch (SqlParseException e) {
      throw new TarnException(ErrorCode.SYNTAX_ERROR, null, firstLine(e.getMessage()), e);
    } catch (ValidationException e) {
      throw validationError(e);
    } catch (RelConversionException e) {
      throw new TarnException(ErrorCode.VALIDATION_ERROR, null, firstLine(e.getMessage()), e);
    } finally {
      planner.close();
    }
  }

  /**
   * The query's output names are the validator's (aliases as written, lower-cased when unquoted); columns SQL
   * left unnamed are called {@code _col<i>}, as Athena and Trino call them.
   */
  private static PlanNode renameOutputs(PlanNode plan, List<String> validatedNames) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < validatedNames.size(); i++) {
      names.add(validatedNames.get(i).startsWith("EXPR$") ? "_col" + i : validatedNames.get(i));
    }
    List<Field> fields = plan.outputFields();
    boolean same = true;
    for (int i = 0; i < fields.size(); i++) {
      same &= fields.get(i).getName().equals(names.get(i));
    }
    if (same) {
      return plan;
    }
    if (plan instanceof ProjectNode project) {
      return new ProjectNode(project.input(), project.expressions(), names);
    }
    List<Expr> columns = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      columns.add(new ColumnRef(i, fields.get(i).getType()));
    }
    return new ProjectNode(plan, columns, names);
  }

  private FrameworkConfig frameworkConfig(String currentDatabase) {
    SchemaPlus root = Frameworks.createRootSchema(false);
    SchemaPlus defaultSchema = null;
    // The engine's own tables; DDL refuses a catalog database of the same name, which this would hide.
    for (String schema : dev.tarn.engine.sql.system.SystemTables.schemas()) {
      root.add(schema, new dev.tarn.engine.sql.system.SystemSchema(schema));
    }
    for (Database database : store.listDatabases()) {
      if (dev.tarn.engine.sql.system.SystemTables.isSystemSchema(database.name())) {
        continue;
      }
      SchemaPlus schema = root.add(database.name(), new DatabaseSchema(store, statistics, database.name()));
      if (database.name().equals(currentDatabase)) {
        defaultSchema = schema;
      }
    }
    return Frameworks.newConfigBuilder()
        .context(CONNECTION_CONTEXT)
        .parserConfig(PARSER_CONFIG)
        .defaultSchema(defaultSchema == null ? root : defaultSchema)
        .typeSystem(TarnTypeSystem.INSTANCE)
        // Athena's scalar functions, then Calcite's standard operators, then Athena's aggregates.
        .operatorTable(SqlOperatorTables.chain(TarnOperatorTable.instance(), AggregateFunctions.OPERATOR_TABLE))
        // Calcite never evaluates expressions itself, not even constants: Tarn's kernels do, with Trino semantics.
        .executor(NonReducingExecutor.INSTANCE)
        .sqlValidatorConfig(SqlValidator.Config.DEFAULT
            .withConformance(SqlConformanceEnum.LENIENT)
            .withDefaultNullCollation(NullCollation.LAST)
            .withIdentifierExpansion(true))
        .sqlToRelConverterConfig(SqlToRelConverter.config().withExpand(false).withTrimUnusedFields(false))
        .build();
  }

  private static TarnException validationError(ValidationException e) {
    Throwable cause = e.getCause();
    String message = cause instanceof CalciteContextException context
        ? context.getMessage() : firstLine(e.getMessage());
    ErrorCode code = message != null && (message.contains("not found") || message.contains("Object '"))
        ? ErrorCode.NOT_FOUND : ErrorCode.VALIDATION_ERROR;
    return new TarnException(code, null, message, e);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
