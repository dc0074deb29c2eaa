package dev.tarn.engine.sql;

import static dev.tarn.engine.exec.TestData.context;
import static dev.tarn.engine.exec.TestData.drain;
import static dev.tarn.engine.exec.TestData.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.engine.exec.ExecutionPlanner;
import dev.tarn.engine.plan.PlanNode;
import dev.tarn.engine.sql.functions.AggregateFunctions;
import dev.tarn.engine.sql.translate.PhysicalPlanTranslator;
import dev.tarn.engine.sql.translate.RexToExpr;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.Planner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * COUNT_IF, APPROX_DISTINCT, BOOL_AND and BOOL_OR from SQL to rows, with {@link AggregateFunctions} chained after
 * the standard operator table as QueryPlanner is to chain it (planned over VALUES, so no catalog is needed).
 */
class AggregateFunctionsTest {
  private static final String DATA = "(VALUES (1, true, 'a'), (1, false, 'b'), (1, NULL, 'a'), (2, true, NULL),"
      + " (2, true, 'c'), (3, NULL, NULL)) t(g, b, s)";
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private List<List<Object>> run(String sql) throws Exception {
    Planner planner = Frameworks.getPlanner(Frameworks.newConfigBuilder()
        .parserConfig(QueryPlanner.PARSER_CONFIG)
        .defaultSchema(Frameworks.createRootSchema(false))
        .typeSystem(TarnTypeSystem.INSTANCE)
        .operatorTable(SqlOperatorTables.chain(SqlStdOperatorTable.instance(), AggregateFunctions.OPERATOR_TABLE))
        .sqlValidatorConfig(SqlValidator.Config.DEFAULT.withConformance(SqlConformanceEnum.LENIENT)
            .withDefaultNullCollation(NullCollation.LAST).withIdentifierExpansion(true))
        .sqlToRelConverterConfig(SqlToRelConverter.config().withExpand(false).withTrimUnusedFields(false))
        .build());
    try {
      RelNode logical = OptimizerProgram.optimize(planner.rel(planner.validate(planner.parse(sql))).project());
      PlanNode plan = new PhysicalPlanTranslator(new RexToExpr(logical.getCluster().getRexBuilder()), null)
          .translate(logical);
      return drain(new ExecutionPlanner(context(allocator, 2), null).plan(plan));
    } finally {
      planner.close();
    }
  }

  @Test
  void countIfCountsTrueRowsPerGroup() throws Exception {
    assertThat(run("SELECT g, count_if(b), COUNT_IF(b AND s = 'a') FROM " + DATA + " GROUP BY g ORDER BY g"))
        .containsExactly(row(1L, 1L, 1L), row(2L, 2L, 0L), row(3L, 0L, 0L));
  }

  @Test
  void approxDistinctCountsDistinctNonNullValues() throws Exception {
    assertThat(run("SELECT g, approx_distinct(s), approx_distinct(b) FROM " + DATA + " GROUP BY g ORDER BY g"))
        .containsExactly(row(1L, 2L, 2L), row(2L, 1L, 1L), row(3L, 0L, 0L));
    assertThat(run("SELECT approx_distinct(s) FROM " + DATA + " WHERE g > 5")).containsExactly(row(0L));
  }

  @Test
  void boolAndAndBoolOrIgnoreNulls() throws Exception {
    assertThat(run("SELECT g, bool_and(b), bool_or(b), every(b) FROM " + DATA + " GROUP BY g ORDER BY g"))
        .containsExactly(row(1L, false, true, false), row(2L, true, true, true), row(3L, null, null, null));
  }

  @Test
  void aggregatesCombineWithGroupingSets() throws Exception {
    assertThat(run("SELECT g, count_if(b), grouping(g) FROM " + DATA
        + " GROUP BY ROLLUP (g) ORDER BY grouping(g), g"))
        .containsExactly(row(1L, 1L, 0L), row(2L, 2L, 0L), row(3L, 0L, 0L), row(null, 3L, 1L));
  }
}
