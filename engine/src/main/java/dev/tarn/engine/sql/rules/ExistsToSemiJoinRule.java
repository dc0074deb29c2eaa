package dev.tarn.engine.sql.rules;

import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * A filter conjunct {@code [NOT] EXISTS (SELECT ... FROM r WHERE c)} whose correlation with the outer row is only in
 * {@code c} becomes a SEMI (ANTI) join of the filter's input with {@code r} on {@code c}, the outer references turned
 * into left columns. Calcite's own removal rewrites EXISTS as a correlate that the decorrelator turns into a join
 * with the distinct outer keys (a value generator), which recomputes the outer query once per EXISTS; TPC-H Q21 read
 * lineitem almost eight times that way. A semi join reads each relation once and, with a non-equi part such as
 * {@code l2.suppkey <> l1.suppkey}, keeps it as the hash join's residual.
 *
 * <p>The filter's other conjuncts go below the joins (they read only the filter's input, which is all a SEMI or
 * ANTI join outputs), so the joins of the FROM clause form first and the semi joins probe their result. Subqueries
 * of any other shape (aggregates, correlation below the top filter, under OR) are left to Calcite's removal.
 *
 * <p>NULLs: EXISTS is true when some row makes {@code c} true, so an unknown {@code c} is no match in both forms,
 * which is what a join condition means; NOT EXISTS keeps outer rows without a match, as ANTI does.
 */
public final class ExistsToSemiJoinRule extends RelOptRule {

  public static final ExistsToSemiJoinRule INSTANCE = new ExistsToSemiJoinRule();

  private ExistsToSemiJoinRule() {
    super(operand(LogicalFilter.class, any()), "ExistsToSemiJoinRule");
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Filter filter = call.rel(0);
    RelNode input = filter.getInput();
    RexBuilder rexBuilder = filter.getCluster().getRexBuilder();
    List<RexNode> plain = new ArrayList<>();
    List<RexNode> kept = new ArrayList<>();
    List<SemiJoinTerm> terms = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
      SemiJoinTerm term = SemiJoinTerm.of(conjunct, filter.getVariablesSet(), input);
      if (term != null) {
        terms.add(term);
      } else if (RexUtil.SubQueryFinder.find(conjunct) != null) {
        kept.add(conjunct);
      } else {
        plain.add(conjunct);
      }
    }
    if (terms.isEmpty()) {
      return;
    }
    RelNode result = plain.isEmpty() ? input
        : LogicalFilter.create(input, RexUtil.composeConjunction(rexBuilder, plain));
    int leftCount = input.getRowType().getFieldCount();
    for (SemiJoinTerm term : terms) {
      // Conjuncts over the relation alone filter it before the join (for ANTI as well: a row failing them can
      // never be the match that drops an outer row).
      List<RexNode> local = new ArrayList<>();
      List<RexNode> correlated = new ArrayList<>();
      for (RexNode conjunct : RelOptUtil.conjunctions(term.condition())) {
        (RexUtil.containsCorrelation(conjunct) ? correlated : local).add(conjunct);
      }
      RelNode relation = local.isEmpty() ? term.relation()
          : LogicalFilter.create(term.relation(), RexUtil.composeConjunction(rexBuilder, local));
      RexNode condition = term.joinCondition(RexUtil.composeConjunction(rexBuilder, correlated), rexBuilder,
          leftCount);
      result = LogicalJoin.create(result, relation, List.of(), condition, Set.of(),
          term.negated() ? JoinRelType.ANTI : JoinRelType.SEMI);
    }
    if (!kept.isEmpty()) {
      result = LogicalFilter.create(result, RexUtil.composeConjunction(rexBuilder, kept),
          ImmutableSet.copyOf(filter.getVariablesSet()));
    }
    call.transformTo(result);
  }

  /** One rewritable EXISTS conjunct: the relation, its condition over (relation, outer row), and NOT or not. */
  private record SemiJoinTerm(RelNode relation, RexNode condition, boolean negated) {

    /** The term for {@code conjunct}, or null when it is not [NOT] EXISTS of a shape this rule handles. */
    static SemiJoinTerm of(RexNode conjunct, Set<CorrelationId> variables, RelNode outer) {
      boolean negated = conjunct.getKind() == SqlKind.NOT;
      RexNode operand = negated ? ((RexCall) conjunct).getOperands().get(0) : conjunct;
      if (!(operand instanceof RexSubQuery subQuery) || subQuery.getKind() != SqlKind.EXISTS) {
        return null;
      }
      RelNode rel = subQuery.rel;
      // EXISTS ignores the select list, so projections on top only need to be free of correlation.
      while (rel instanceof Project project) {
        if (!RelOptUtil.getVariablesUsed(project).isEmpty() || RexUtil.SubQueryFinder.find(project.getProjects()) != null) {
          return null;
        }
        rel = project.getInput();
      }
      if (!(rel instanceof Filter inner) || RexUtil.SubQueryFinder.find(inner.getCondition()) != null) {
        return null;
      }
      RelNode relation = inner.getInput();
      if (!RelOptUtil.getVariablesUsed(relation).isEmpty() || !inner.getVariablesSet().isEmpty()) {
        return null;
      }
      Set<CorrelationId> used = RelOptUtil.getVariablesUsed(inner);
      if (used.size() != 1 || !variables.containsAll(used)) {
        return null;
      }
      CorrelationId correlation = used.iterator().next();
      if (!correlatesOnlyWithRowOf(inner.getCondition(), correlation, outer)) {
        return null;
      }
      return new SemiJoinTerm(relation, inner.getCondition(), negated);
    }

    /** Every correlation reference is a field of {@code correlation} whose row is {@code outer}'s. */
    private static boolean correlatesOnlyWithRowOf(RexNode condition, CorrelationId correlation, RelNode outer) {
      boolean[] ok = {true};
      condition.accept(new RexShuttle() {
        @Override
        public RexNode visitCorrelVariable(RexCorrelVariable variable) {
          // Reached only when the variable is used whole, not through a field access.
          ok[0] = false;
          return variable;
        }

        @Override
        public RexNode visitFieldAccess(RexFieldAccess access) {
          if (access.getReferenceExpr() instanceof RexCorrelVariable variable) {
            ok[0] &= variable.id.equals(correlation)
                && variable.getType().getFieldCount() == outer.getRowType().getFieldCount()
                && access.getField().getIndex() < outer.getRowType().getFieldCount();
            return access;
          }
          return super.visitFieldAccess(access);
        }
      });
      return ok[0];
    }

    /** {@code correlated} over (outer row, relation row): relation columns move right, outer fields become left ones. */
    RexNode joinCondition(RexNode correlated, RexBuilder rexBuilder, int leftCount) {
      return correlated.accept(new RexShuttle() {
        @Override
        public RexNode visitInputRef(RexInputRef ref) {
          return rexBuilder.makeInputRef(ref.getType(), ref.getIndex() + leftCount);
        }

        @Override
        public RexNode visitFieldAccess(RexFieldAccess access) {
          if (access.getReferenceExpr() instanceof RexCorrelVariable) {
            return rexBuilder.makeInputRef(access.getType(), access.getField().getIndex());
          }
          return super.visitFieldAccess(access);
        }
      });
    }
  }
}
