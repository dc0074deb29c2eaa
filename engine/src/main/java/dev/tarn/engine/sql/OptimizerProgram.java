package dev.tarn.engine.sql;

import dev.tarn.engine.sql.metadata.TarnMetadata;
import dev.tarn.engine.sql.rules.DataPredicateIntoScanRule;
import dev.tarn.engine.sql.rules.ExistsToSemiJoinRule;
import dev.tarn.engine.sql.rules.PartitionPredicateIntoScanRule;
import dev.tarn.engine.sql.rules.DisjunctionImplications;
import dev.tarn.engine.sql.rules.PullCommonFactorsRule;
import dev.tarn.engine.sql.rules.TarnFieldTrimmer;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.tools.RelBuilder;

/**
 * The fixed sequence of rewrites between Calcite's relational algebra and Tarn's physical plan. Each phase is a
 * Hep program of a few rules, so the outcome is deterministic and planning stays cheap:
 * <ol>
 *   <li>[NOT] EXISTS conjuncts correlated only by their filter become SEMI (ANTI) joins; other subqueries become
 *   correlates, which the decorrelator turns into joins and aggregates;</li>
 *   <li>set operations become UNION ALL plus aggregates, and window functions move out of projections;</li>
 *   <li>filters move down, into join conditions and onto scans (partition predicates);</li>
 *   <li>inner joins are reordered by estimated size ({@link TarnMetadata}: row counts, distinct counts and
 *   selectivities from footer statistics);</li>
 *   <li>unused columns are trimmed, down into the scans.</li>
 * </ol>
 */
final class OptimizerProgram {

  private static final HepProgram EXISTS_TO_JOINS = program(List.of(ExistsToSemiJoinRule.INSTANCE));

  private static final HepProgram SUBQUERY_REMOVAL = program(List.of(
      CoreRules.FILTER_SUB_QUERY_TO_CORRELATE,
      CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE,
      CoreRules.JOIN_SUB_QUERY_TO_CORRELATE));

  private static final HepProgram REWRITES = program(List.of(
      CoreRules.UNION_TO_DISTINCT,
      CoreRules.INTERSECT_TO_DISTINCT,
      CoreRules.MINUS_TO_DISTINCT,
      CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW));

  private static final HepProgram PUSH_DOWN = program(List.of(
      PullCommonFactorsRule.INSTANCE,
      CoreRules.FILTER_INTO_JOIN,
      CoreRules.JOIN_CONDITION_PUSH,
      CoreRules.FILTER_PROJECT_TRANSPOSE,
      CoreRules.FILTER_SET_OP_TRANSPOSE,
      CoreRules.FILTER_MERGE,
      CoreRules.FILTER_AGGREGATE_TRANSPOSE,
      CoreRules.PROJECT_MERGE,
      CoreRules.PROJECT_REMOVE,
      PartitionPredicateIntoScanRule.INSTANCE,
      DataPredicateIntoScanRule.INSTANCE));

  private static final HepProgram JOIN_ORDER = new HepProgramBuilder()
      .addMatchOrder(HepMatchOrder.BOTTOM_UP)
      .addRuleInstance(CoreRules.JOIN_TO_MULTI_JOIN)
      .addRuleInstance(CoreRules.MULTI_JOIN_OPTIMIZE)
      .build();

  private static final HepProgram CLEAN_UP = program(List.of(CoreRules.PROJECT_MERGE, CoreRules.PROJECT_REMOVE));

  private OptimizerProgram() {}

  static RelNode optimize(RelNode rel) {
    TarnMetadata.install(rel.getCluster());
    RelBuilder relBuilder = RelFactories.LOGICAL_BUILDER.create(rel.getCluster(), null);
    RelNode result = run(EXISTS_TO_JOINS, rel);
    result = run(SUBQUERY_REMOVAL, result);
    result = RelDecorrelator.decorrelateQuery(result, relBuilder);
    result = run(REWRITES, result);
    result = DisjunctionImplications.derive(result);
    result = run(PUSH_DOWN, result);
    result = run(JOIN_ORDER, result);
    result = run(PUSH_DOWN, result);
    result = new TarnFieldTrimmer(relBuilder).trim(result);
    return run(CLEAN_UP, result);
  }

  private static HepProgram program(List<RelOptRule> rules) {
    return new HepProgramBuilder().addRuleCollection(rules).build();
  }

  private static RelNode run(HepProgram program, RelNode rel) {
    HepPlanner planner = new HepPlanner(program);
    planner.setRoot(rel);
    return planner.findBestExp();
  }
}
