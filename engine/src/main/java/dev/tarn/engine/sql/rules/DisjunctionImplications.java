package dev.tarn.engine.sql.rules;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Adds to each filter the single-column predicates its ORs imply: from {@code (n1 = 'FRANCE' AND n2 = 'GERMANY')
 * OR (n1 = 'GERMANY' AND n2 = 'FRANCE')} it derives {@code n1 = 'FRANCE' OR n1 = 'GERMANY'} and the same for
 * {@code n2}. The OR stays; the derived predicates are pushed down with the others and prune scans and shrink join
 * inputs (TPC-H Q7's nations, Q19's brands, containers, sizes and quantities), as PostgreSQL and DuckDB do.
 *
 * <p>Sound under three-valued logic: a row passes a filter only when the OR is TRUE, so some disjunct is TRUE, so
 * are all its conjuncts, so is the derived OR. One pass over the plan (not a rule), so a later rewrite of the
 * derived predicate into another form cannot make it be derived again.
 */
public final class DisjunctionImplications {

  private DisjunctionImplications() {}

  /** {@code root} with every filter's implied single-column predicates added. */
  public static RelNode derive(RelNode root) {
    return root.accept(new RelHomogeneousShuttle() {
      @Override
      public RelNode visit(RelNode other) {
        RelNode visited = super.visit(other);
        if (visited instanceof Filter filter) {
          RexNode condition = withImplications(filter.getCluster().getRexBuilder(), filter.getCondition());
          if (condition != filter.getCondition()) {
            return filter.copy(filter.getTraitSet(), filter.getInput(), condition);
          }
        }
        return visited;
      }
    });
  }

  static RexNode withImplications(RexBuilder rexBuilder, RexNode condition) {
    List<RexNode> conjuncts = RelOptUtil.conjunctions(condition);
    List<RexNode> implied = new ArrayList<>();
    for (RexNode conjunct : conjuncts) {
      if (conjunct.getKind() != SqlKind.OR || !RexUtil.isDeterministic(conjunct)) {
        continue;
      }
      List<RexNode> disjuncts = RelOptUtil.disjunctions(conjunct);
      for (int column : singleColumns(disjuncts.get(0))) {
        RexNode derived = implied(rexBuilder, disjuncts, column);
        if (derived != null && !derived.equals(conjunct) && !conjuncts.contains(derived)
            && !implied.contains(derived)) {
          implied.add(derived);
        }
      }
    }
    if (implied.isEmpty()) {
      return condition;
    }
    List<RexNode> all = new ArrayList<>(conjuncts);
    all.addAll(implied);
    return RexUtil.composeConjunction(rexBuilder, all);
  }

  /** The columns that some conjunct of {@code disjunct} reads alone. */
  private static ImmutableBitSet singleColumns(RexNode disjunct) {
    ImmutableBitSet.Builder columns = ImmutableBitSet.builder();
    for (RexNode conjunct : RelOptUtil.conjunctions(disjunct)) {
      ImmutableBitSet read = RelOptUtil.InputFinder.bits(conjunct);
      if (read.cardinality() == 1) {
        columns.set(read.nth(0));
      }
    }
    return columns.build();
  }

  /** The OR, over the disjuncts, of each one's conjuncts on {@code column} alone; null if one has none. */
  private static RexNode implied(RexBuilder rexBuilder, List<RexNode> disjuncts, int column) {
    List<RexNode> perDisjunct = new ArrayList<>();
    ImmutableBitSet only = ImmutableBitSet.of(column);
    for (RexNode disjunct : disjuncts) {
      List<RexNode> onColumn = new ArrayList<>();
      for (RexNode conjunct : RelOptUtil.conjunctions(disjunct)) {
        if (RelOptUtil.InputFinder.bits(conjunct).equals(only)) {
          onColumn.add(conjunct);
        }
      }
      if (onColumn.isEmpty()) {
        return null;
      }
      perDisjunct.add(RexUtil.composeConjunction(rexBuilder, onColumn));
    }
    return RexUtil.composeDisjunction(rexBuilder, perDisjunct);
  }
}
