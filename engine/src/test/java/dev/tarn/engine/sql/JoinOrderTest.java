package dev.tarn.engine.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.engine.api.TarnEngine;
import dev.tarn.engine.plan.BuildSide;
import dev.tarn.engine.plan.JoinNode;
import dev.tarn.engine.plan.PlanNode;
import dev.tarn.engine.plan.TableScanNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelColumnOrigin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The join order chosen for TPC-H Q5 over a lake of TPC-H's shape: every join pairs its inputs on a table's key
 * (no cross product, nor customer with supplier on their nation alone before lineitem arrives), the fact table
 * lineitem meets the rest on one of its foreign keys, and that join streams lineitem rather than hashing it.
 */
class JoinOrderTest {

  static final String Q5 = """
      select n_name, sum(l_extendedprice * (1 - l_discount)) as revenue
      from customer, orders, lineitem, supplier, nation, region
      where c_custkey = o_custkey
        and l_orderkey = o_orderkey
        and l_suppkey = s_suppkey
        and c_nationkey = s_nationkey
        and s_nationkey = n_nationkey
        and n_regionkey = r_regionkey
        and r_name = 'ASIA'
        and o_orderdate >= date '1994-01-01'
        and o_orderdate < date '1995-01-01'
      group by n_name
      order by revenue desc""";

  /** The primary keys of the tables Q5 reads. */
  static final Set<String> TABLE_KEYS = Set.of("r_regionkey", "n_nationkey", "s_suppkey", "c_custkey", "o_orderkey");

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

  /**
   * Every join matches a foreign key with the key of a table (the keys of TPC-H's schema), so no join multiplies
   * rows: not a cross product, and not the many-to-many join of customer with supplier on their nation alone.
   */
  @Test
  void q5JoinsEachPairOfInputsOnATableKey() {
    List<Join> joins = joins(optimized(Q5));
    assertThat(joins).hasSize(5);
    for (Join join : joins) {
      JoinInfo info = join.analyzeCondition();
      List<String> keyColumns = new ArrayList<>();
      for (int i = 0; i < info.leftKeys.size(); i++) {
        keyColumns.add(originColumn(join.getLeft(), info.leftKeys.get(i)));
        keyColumns.add(originColumn(join.getRight(), info.rightKeys.get(i)));
      }
      assertThat(keyColumns).as("keys of %s", RelOptUtil.toString(join)).containsAnyElementsOf(TABLE_KEYS);
    }
  }

  @Test
  void q5JoinsLineitemOnOneOfItsForeignKeys() {
    Join first = null;
    for (Join join : joins(optimized(Q5))) {
      if (tables(join.getLeft()).equals(Set.of("lineitem")) || tables(join.getRight()).equals(Set.of("lineitem"))) {
        first = join;
      }
    }
    assertThat(first).as("a join of lineitem itself with the rest").isNotNull();
    boolean lineitemLeft = tables(first.getLeft()).equals(Set.of("lineitem"));
    RelNode lineitem = lineitemLeft ? first.getLeft() : first.getRight();
    JoinInfo info = first.analyzeCondition();
    List<String> lineitemKeys = new ArrayList<>();
    for (int key : lineitemLeft ? info.leftKeys : info.rightKeys) {
      lineitemKeys.add(originColumn(lineitem, key));
    }
    assertThat(lineitemKeys).isNotEmpty().allMatch(key -> key.equals("l_orderkey") || key.equals("l_suppkey"));
  }

  @Test
  void q5StreamsLineitemThroughItsJoinInsteadOfHashingIt() {
    PlanNode plan;
    try (BufferAllocator allocator = engine.rootAllocator().newChildAllocator("join-order", 0, Long.MAX_VALUE)) {
      plan = new QueryPlanner(engine.catalog(), engine.statistics(), allocator)
          .plan(Q5, TarnEngine.DEFAULT_DATABASE, List.of()).plan();
    }
    List<JoinNode> joins = new ArrayList<>();
    collect(plan, JoinNode.class, joins);
    assertThat(joins).hasSize(5);
    JoinNode lineitemJoin = null;
    for (JoinNode join : joins) {
      if (scannedTables(join.left()).equals(Set.of("lineitem")) || scannedTables(join.right()).equals(Set.of("lineitem"))) {
        lineitemJoin = join;
      }
    }
    assertThat(lineitemJoin).as("a join of the lineitem scan with the rest").isNotNull();
    PlanNode build = lineitemJoin.buildSide() == BuildSide.LEFT ? lineitemJoin.left() : lineitemJoin.right();
    assertThat(scannedTables(build)).as(lineitemJoin.describe()).doesNotContain("lineitem");
  }

  private static RelNode optimized(String sql) {
    try (BufferAllocator allocator = engine.rootAllocator().newChildAllocator("join-order", 0, Long.MAX_VALUE)) {
      return new QueryPlanner(engine.catalog(), engine.statistics(), allocator)
          .optimizedPlan(sql, TarnEngine.DEFAULT_DATABASE);
    }
  }

  private static List<Join> joins(RelNode rel) {
    List<Join> joins = new ArrayList<>();
    if (rel instanceof Join join) {
      joins.add(join);
    }
    for (RelNode input : rel.getInputs()) {
      joins.addAll(joins(input));
    }
    return joins;
  }

  /** The names of the tables scanned under {@code rel}. */
  private static Set<String> tables(RelNode rel) {
    Set<String> tables = new TreeSet<>();
    if (rel instanceof TableScan scan) {
      List<String> name = scan.getTable().getQualifiedName();
      tables.add(name.get(name.size() - 1));
    }
    for (RelNode input : rel.getInputs()) {
      tables.addAll(tables(input));
    }
    return tables;
  }

  /** The table column that output column {@code column} of {@code rel} comes from. */
  private static String originColumn(RelNode rel, int column) {
    Set<RelColumnOrigin> origins = rel.getCluster().getMetadataQuery().getColumnOrigins(rel, column);
    assertThat(origins).hasSize(1);
    RelColumnOrigin origin = origins.iterator().next();
    return origin.getOriginTable().getRowType().getFieldNames().get(origin.getOriginColumnOrdinal());
  }

  /** The unqualified names of the tables scanned under {@code node}. */
  private static Set<String> scannedTables(PlanNode node) {
    List<TableScanNode> scans = new ArrayList<>();
    collect(node, TableScanNode.class, scans);
    Set<String> tables = new TreeSet<>();
    scans.forEach(scan -> tables.add(scan.table().substring(scan.table().lastIndexOf('.') + 1)));
    return tables;
  }

  private static <T extends PlanNode> void collect(PlanNode node, Class<T> type, List<T> found) {
    if (type.isInstance(node)) {
      found.add(type.cast(node));
    }
    for (PlanNode input : node.inputs()) {
      collect(input, type, found);
    }
  }
}
