package dev.tarn.engine.sql.metadata;

import dev.tarn.engine.sql.rel.TarnTableScan;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.metadata.RelMdSelectivity;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Selectivities from statistics instead of Calcite's fixed guesses (0.15 per equality), which make every join
 * look like a near cross product and lead the join-order search to join small unrelated tables first.
 * <ul>
 *   <li>A predicate on a scan: {@link ScanPredicateSelectivity}, from the columns' ranges and distinct counts.</li>
 *   <li>A join condition: the equi-join keys together keep {@code 1 / max(ndv(left keys), ndv(right keys))} of
 *   the cross product (System R's rule, assuming the side with fewer key values finds all of them on the other
 *   side), so a foreign-key to key join keeps about as many rows as the foreign-key side. A side joined to a
 *   unique key of a table has at most that key's values ({@link TableKeyDomain}). A side whose key count is
 *   unknown counts as unique (its row count), as DuckDB assumes without statistics. Conjuncts over one side are
 *   that side's selectivity; the others are guessed.</li>
 * </ul>
 */
public class TarnRelMdSelectivity extends RelMdSelectivity {

  static final TarnRelMdSelectivity INSTANCE = new TarnRelMdSelectivity();

  public Double getSelectivity(TarnTableScan scan, RelMetadataQuery mq, RexNode predicate) {
    return ScanPredicateSelectivity.of(scan, predicate);
  }

  @Override
  public Double getSelectivity(Join join, RelMetadataQuery mq, RexNode predicate) {
    if (join.isSemiJoin() || predicate == null || predicate.isAlwaysTrue()) {
      return super.getSelectivity(join, mq, predicate);
    }
    RelNode left = join.getLeft();
    RelNode right = join.getRight();
    int leftCount = left.getRowType().getFieldCount();
    ImmutableBitSet.Builder leftKeys = ImmutableBitSet.builder();
    ImmutableBitSet.Builder rightKeys = ImmutableBitSet.builder();
    List<RexNode> others = new ArrayList<>();
    double selectivity = 1;
    for (RexNode conjunct : RelOptUtil.conjunctions(predicate)) {
      int[] keys = equiKeys(conjunct, leftCount);
      ImmutableBitSet used = RelOptUtil.InputFinder.bits(conjunct);
      if (keys != null) {
        leftKeys.set(keys[0]);
        rightKeys.set(keys[1] - leftCount);
      } else if (!used.isEmpty() && used.length() <= leftCount) {
        selectivity *= sideSelectivity(mq, left, conjunct);
      } else if (!used.isEmpty() && used.nextSetBit(0) >= leftCount) {
        selectivity *= sideSelectivity(mq, right, RexUtil.shift(conjunct, -leftCount));
      } else {
        others.add(conjunct);
      }
    }
    ImmutableBitSet leftKey = leftKeys.build();
    ImmutableBitSet rightKey = rightKeys.build();
    if (!leftKey.isEmpty()) {
      double leftValues = keyValues(mq, left, leftKey);
      double rightValues = keyValues(mq, right, rightKey);
      // Joined with a table's unique key, a side's values are taken to be among that key's (a foreign key): its
      // count, often only a bound from value ranges (a sparse foreign key looks unique), is capped accordingly.
      Double rightDomain = TableKeyDomain.ofUniqueKey(mq, right, rightKey);
      Double leftDomain = TableKeyDomain.ofUniqueKey(mq, left, leftKey);
      if (rightDomain != null) {
        leftValues = Math.min(leftValues, rightDomain);
      }
      if (leftDomain != null) {
        rightValues = Math.min(rightValues, leftDomain);
      }
      selectivity /= Math.max(1, Math.max(leftValues, rightValues));
    }
    if (!others.isEmpty()) {
      selectivity *= RelMdUtil.guessSelectivity(RexUtil.composeConjunction(join.getCluster().getRexBuilder(), others));
    }
    return selectivity;
  }

  private static double sideSelectivity(RelMetadataQuery mq, RelNode side, RexNode predicate) {
    Double selectivity = mq.getSelectivity(side, predicate);
    return selectivity == null ? RelMdUtil.guessSelectivity(predicate) : selectivity;
  }

  /** The estimated number of distinct key values on one side, or its row count when unknown. */
  private static double keyValues(RelMetadataQuery mq, RelNode side, ImmutableBitSet key) {
    Double rows = mq.getRowCount(side);
    Double distinct = mq.getDistinctRowCount(side, key, null);
    if (distinct == null) {
      return rows == null ? 1 : rows;
    }
    return rows == null ? distinct : Math.min(distinct, rows);
  }

  /** For {@code a = b} (or IS NOT DISTINCT FROM) between a left and a right column (through casts): [a, b]. */
  private static int[] equiKeys(RexNode conjunct, int leftCount) {
    if (conjunct.getKind() != SqlKind.EQUALS && conjunct.getKind() != SqlKind.IS_NOT_DISTINCT_FROM) {
      return null;
    }
    List<RexNode> operands = ((RexCall) conjunct).getOperands();
    RexNode first = RexUtil.removeCast(operands.get(0));
    RexNode second = RexUtil.removeCast(operands.get(1));
    if (!(first instanceof RexInputRef a) || !(second instanceof RexInputRef b)) {
      return null;
    }
    if (a.getIndex() < leftCount && b.getIndex() >= leftCount) {
      return new int[] {a.getIndex(), b.getIndex()};
    }
    if (b.getIndex() < leftCount && a.getIndex() >= leftCount) {
      return new int[] {b.getIndex(), a.getIndex()};
    }
    return null;
  }
}
