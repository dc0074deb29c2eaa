package dev.tarn.engine.sql.translate;

import dev.tarn.engine.TarnException;
import dev.tarn.engine.plan.BuildSide;
import dev.tarn.engine.plan.JoinNode;
import dev.tarn.engine.plan.JoinType;
import dev.tarn.engine.plan.PlanNode;
import dev.tarn.engine.plan.ProjectNode;
import dev.tarn.engine.plan.expr.ColumnRef;
import dev.tarn.engine.plan.expr.Expr;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Join → JoinNode. Each conjunct {@code leftExpression = rightExpression} (or IS NOT DISTINCT FROM, which the
 * decorrelator writes for correlation values) becomes a hash key, both sides cast to
 * their common type; keys that are not plain columns of that type are computed by a projection appended to the
 * input (and dropped again above the join). The other conjuncts form the residual. The smaller input by
 * Calcite's row-count estimate is the build side.
 */
final class JoinTranslation {
  private JoinTranslation() {}

  static PlanNode translate(Join join, PhysicalPlanTranslator translator) {
    JoinType joinType = joinType(join);
    int leftCount = join.getLeft().getRowType().getFieldCount();
    RexToExpr rexToExpr = translator.rexToExpr();
    List<Expr> leftKeyExpressions = new ArrayList<>();
    List<Expr> rightKeyExpressions = new ArrayList<>();
    List<Integer> nullSafeKeys = new ArrayList<>();
    List<RexNode> residualConjuncts = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(join.getCondition())) {
      if (conjunct.isAlwaysTrue()) {
        continue;
      }
      RexNode[] keyPair = equiKeyPair(conjunct, leftCount);
      if (keyPair == null) {
        residualConjuncts.add(conjunct);
        continue;
      }
      if (conjunct.getKind() == SqlKind.IS_NOT_DISTINCT_FROM) {
        nullSafeKeys.add(leftKeyExpressions.size());
      }
      Expr left = rexToExpr.translate(keyPair[0]);
      Expr right = rexToExpr.translate(RexUtil.shift(keyPair[1], -leftCount));
      ArrowType common = Coercions.comparisonType(left.type(), right.type());
      leftKeyExpressions.add(Coercions.castTo(left, common));
      rightKeyExpressions.add(Coercions.castTo(right, common));
    }
    KeyedInput left = KeyedInput.of(translator.translate(join.getLeft()), leftKeyExpressions);
    KeyedInput right = KeyedInput.of(translator.translate(join.getRight()), rightKeyExpressions);

    Expr residual = null;
    RexNode residualRex = RexUtil.composeConjunction(join.getCluster().getRexBuilder(), residualConjuncts, true);
    if (residualRex != null) {
      // Key columns appended to the left input move the right input's columns up.
      int appended = left.appendedCount();
      residual = rexToExpr.translate(appended == 0 ? residualRex : RexUtil.shift(residualRex, leftCount, appended));
    }
    if (joinType == JoinType.INNER && leftKeyExpressions.isEmpty() && residual == null) {
      joinType = JoinType.CROSS;
    }
    JoinNode node = new JoinNode(left.node(), right.node(), joinType, left.keys(), right.keys(), nullSafeKeys, residual,
        buildSide(join));
    if (left.appendedCount() == 0 && right.appendedCount() == 0) {
      return node;
    }
    return dropAppendedKeys(node, join, left, right);
  }

  private static JoinType joinType(Join join) {
    return switch (join.getJoinType()) {
      case INNER -> JoinType.INNER;
      case LEFT -> JoinType.LEFT;
      case RIGHT -> JoinType.RIGHT;
      case FULL -> JoinType.FULL;
      case SEMI -> JoinType.SEMI;
      case ANTI -> JoinType.ANTI;
      default -> throw TarnException.notSupported(join.getJoinType() + " JOIN");
    };
  }

  /** For {@code a = b} (or IS NOT DISTINCT FROM) with one side over the left input only and the other over the right only: [left, right]. */
  private static RexNode[] equiKeyPair(RexNode conjunct, int leftCount) {
    if (conjunct.getKind() != SqlKind.EQUALS && conjunct.getKind() != SqlKind.IS_NOT_DISTINCT_FROM) {
      return null;
    }
    List<RexNode> operands = ((RexCall) conjunct).getOperands();
    Side first = side(operands.get(0), leftCount);
    Side second = side(operands.get(1), leftCount);
    if (first == Side.LEFT && second == Side.RIGHT) {
      return new RexNode[] {operands.get(0), operands.get(1)};
    }
    if (first == Side.RIGHT && second == Side.LEFT) {
      return new RexNode[] {operands.get(1), operands.get(0)};
    }
    return null;
  }

  private enum Side { LEFT, RIGHT, NEITHER }

  private static Side side(RexNode operand, int leftCount) {
    ImmutableBitSet columns = RelOptUtil.InputFinder.bits(operand);
    if (columns.isEmpty() || RexUtil.containsCorrelation(operand)) {
      return Side.NEITHER;
    }
    if (columns.length() <= leftCount) {
      return Side.LEFT;
    }
    return columns.nextSetBit(0) >= leftCount ? Side.RIGHT : Side.NEITHER;
  }

  /** Builds the input Calcite estimates to be smaller; ties build on the right, the usual shape. */
  private static BuildSide buildSide(Join join) {
    RelMetadataQuery metadata = join.getCluster().getMetadataQuery();
    Double leftRows = metadata.getRowCount(join.getLeft());
    Double rightRows = metadata.getRowCount(join.getRight());
    if (leftRows != null && rightRows != null && leftRows < rightRows) {
      return BuildSide.LEFT;
    }
    return BuildSide.RIGHT;
  }

  /** Selects the join's original columns, leaving out the key columns appended to its inputs. */
  private static PlanNode dropAppendedKeys(JoinNode node, Join join, KeyedInput left, KeyedInput right) {
    List<Field> fields = node.outputFields();
    List<Expr> columns = new ArrayList<>();
    int leftWidth = left.node().outputFields().size();
    for (int i = 0; i < leftWidth - left.appendedCount(); i++) {
      columns.add(new ColumnRef(i, fields.get(i).getType()));
    }
    if (!node.joinType().outputsLeftOnly()) {
      int rightWidth = right.node().outputFields().size();
      for (int i = leftWidth; i < leftWidth + rightWidth - right.appendedCount(); i++) {
        columns.add(new ColumnRef(i, fields.get(i).getType()));
      }
    }
    return new ProjectNode(node, columns, join.getRowType().getFieldNames());
  }

  /** A join input with its key column indexes, after appending the keys that are not plain columns. */
  private record KeyedInput(PlanNode node, List<Integer> keys, int appendedCount) {

    static KeyedInput of(PlanNode input, List<Expr> keyExpressions) {
      List<Field> fields = input.outputFields();
      List<Expr> columns = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (int i = 0; i < fields.size(); i++) {
        columns.add(new ColumnRef(i, fields.get(i).getType()));
        names.add(fields.get(i).getName());
      }
      List<Integer> keys = new ArrayList<>();
      for (Expr key : keyExpressions) {
        if (key instanceof ColumnRef column) {
          keys.add(column.index());
        } else {
          keys.add(columns.size());
          names.add("$key" + keys.size());
          columns.add(key);
        }
      }
      int appended = columns.size() - fields.size();
      return new KeyedInput(appended == 0 ? input : new ProjectNode(input, columns, names), keys, appended);
    }
  }
}
