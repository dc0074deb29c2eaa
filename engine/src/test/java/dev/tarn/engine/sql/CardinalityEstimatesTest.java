package dev.tarn.engine.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tarn.engine.api.TarnEngine;
import dev.tarn.engine.testing.StatsQueries;
import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Row-count estimates from footer statistics (sql/metadata) against the true counts of a TPC-H-shaped lake:
 * filters from column ranges and distinct counts, joins from key distinct counts.
 */
class CardinalityEstimatesTest {

  @TempDir
  static Path temp;
  private static TarnEngine engine;

  @BeforeAll
  static void createLake() throws Exception {
    engine = MiniTpchLake.open(temp);
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  @Test
  void aDateRangeKeepsThePartOfTheColumnRangeItCovers() {
    assertEstimateNearCount(Filter.class, "orders WHERE o_orderdate >= DATE '1994-01-01'"
        + " AND o_orderdate < DATE '1995-01-01'", 0.15);
  }

  @Test
  void equalityOnAUniqueColumnKeepsOneRow() {
    assertThat(estimate(Filter.class, "SELECT * FROM customer WHERE c_custkey = 42")).isCloseTo(1, within(0.01));
  }

  @Test
  void equalityOnALowCardinalityColumnKeepsOneValuesShare() {
    assertEstimateNearCount(Filter.class, "customer WHERE c_nationkey = 3", 0.35);
  }

  @Test
  void aValueOutsideTheColumnRangeKeepsAlmostNothing() {
    assertThat(estimate(Filter.class, "SELECT * FROM customer WHERE c_custkey > 1000000")).isLessThanOrEqualTo(1);
  }

  @Test
  void partitionKeysHaveTheirValuesCounted() {
    assertEstimateNearCount(Filter.class, "orders WHERE order_year = 1994", 0.15);
  }

  @Test
  void aForeignKeyJoinKeepsTheForeignKeySide() {
    assertEstimateNearCount(Join.class, "lineitem JOIN supplier ON l_suppkey = s_suppkey", 0.05);
  }

  /** The order key's footer bound says lineitem's keys are all distinct; orders' unique key caps that. */
  @Test
  void aSparseForeignKeyIsCappedByTheKeyItReferences() {
    assertEstimateNearCount(Join.class, "lineitem JOIN orders ON l_orderkey = o_orderkey", 0.05);
    assertEstimateNearCount(Join.class, "lineitem JOIN orders ON l_orderkey = o_orderkey"
        + " WHERE o_orderdate >= DATE '1994-01-01' AND o_orderdate < DATE '1995-01-01'", 0.2);
  }

  @Test
  void aManyToManyJoinMultipliesBySharedValues() {
    assertEstimateNearCount(Join.class, "customer JOIN supplier ON c_nationkey = s_nationkey", 0.35);
  }

  @Test
  void groupingByALowCardinalityColumnGivesItsDistinctCount() {
    assertThat(estimate(Aggregate.class, "SELECT c_nationkey, count(*) FROM customer GROUP BY c_nationkey"))
        .isCloseTo(25, within(0.5));
  }

  /** Asserts that the estimate of the top {@code type} node of {@code SELECT * FROM from} is within {@code error}. */
  private static void assertEstimateNearCount(Class<? extends RelNode> type, String from, double error) {
    double estimate = estimate(type, "SELECT * FROM " + from);
    long count = (Long) StatsQueries.run(engine, "SELECT count(*) FROM " + from).rows().get(0).get(0);
    assertThat(estimate).as("estimate for %s (count %d)", from, count)
        .isBetween(count * (1 - error), count * (1 + error));
  }

  private static double estimate(Class<? extends RelNode> type, String sql) {
    RelNode plan;
    try (BufferAllocator allocator = engine.rootAllocator().newChildAllocator("estimates", 0, Long.MAX_VALUE)) {
      plan = new QueryPlanner(engine.catalog(), engine.statistics(), allocator)
          .optimizedPlan(sql, TarnEngine.DEFAULT_DATABASE);
    }
    RelNode node = first(plan, type);
    assertThat(node).as("a %s in the plan of %s", type.getSimpleName(), sql).isNotNull();
    return node.getCluster().getMetadataQuery().getRowCount(node);
  }

  private static RelNode first(RelNode rel, Class<? extends RelNode> type) {
    if (type.isInstance(rel)) {
      return rel;
    }
    for (RelNode input : rel.getInputs()) {
      RelNode found = first(input, type);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
