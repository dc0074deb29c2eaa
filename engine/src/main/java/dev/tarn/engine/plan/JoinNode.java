package dev.tarn.engine.plan;

import dev.tarn.engine.plan.expr.Expr;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * Joins two inputs. Rows pair when left column {@code leftKeys[i]} equals right column {@code rightKeys[i]} for
 * every i (NULL keys never match, except for the key positions in {@code nullSafeKeys}, compared with IS NOT
 * DISTINCT FROM as decorrelated subqueries need; key types are equal pairwise) and {@code residual} (over the left columns then
 * the right ones; null means none) is true. With no keys every pair is a candidate (a nested-loop join).
 * Output: left columns ++ right columns (SEMI/ANTI: left columns only), the outer sides' columns nullable.
 */
public record JoinNode(PlanNode left, PlanNode right, JoinType joinType, List<Integer> leftKeys,
    List<Integer> rightKeys, List<Integer> nullSafeKeys, Expr residual, BuildSide buildSide) implements PlanNode {

  public JoinNode {
    leftKeys = List.copyOf(leftKeys);
    rightKeys = List.copyOf(rightKeys);
    nullSafeKeys = List.copyOf(nullSafeKeys);
    if (leftKeys.size() != rightKeys.size()) {
      throw new IllegalArgumentException("left and right keys differ in number");
    }
    List<Field> leftFields = left.outputFields();
    List<Field> rightFields = right.outputFields();
    for (int i = 0; i < leftKeys.size(); i++) {
      // The hash table compares encoded bytes, so both sides of a key must be of one type.
      if (!leftFields.get(leftKeys.get(i)).getType().equals(rightFields.get(rightKeys.get(i)).getType())) {
        throw new IllegalArgumentException("join key " + i + " has different types on its two sides");
      }
    }
    if (joinType == JoinType.CROSS && (!leftKeys.isEmpty() || residual != null)) {
      throw new IllegalArgumentException("a CROSS join has no condition");
    }
  }

  /** A join whose keys never match NULLs. */
  public JoinNode(PlanNode left, PlanNode right, JoinType joinType, List<Integer> leftKeys, List<Integer> rightKeys,
      Expr residual, BuildSide buildSide) {
    this(left, right, joinType, leftKeys, rightKeys, List.of(), residual, buildSide);
  }

  /** True when the join has equi-join keys and runs as a hash join. */
  public boolean isHashJoin() {
    return !leftKeys.isEmpty();
  }

  @Override
  public List<Field> outputFields() {
    List<Field> fields = new ArrayList<>();
    boolean rightRowsMayBeMissing = joinType.keepsUnmatchedRight();
    for (Field field : left.outputFields()) {
      fields.add(rightRowsMayBeMissing ? nullable(field) : field);
    }
    if (!joinType.outputsLeftOnly()) {
      boolean leftRowsMayBeMissing = joinType.keepsUnmatchedLeft();
      for (Field field : right.outputFields()) {
        fields.add(leftRowsMayBeMissing ? nullable(field) : field);
      }
    }
    return fields;
  }

  private static Field nullable(Field field) {
    return field.isNullable() ? field : new Field(field.getName(), FieldType.nullable(field.getType()), null);
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(left, right);
  }

  @Override
  public String describe() {
    StringBuilder out = new StringBuilder(isHashJoin() ? "HashJoin[" : "NestedLoopJoin[").append(joinType);
    if (isHashJoin()) {
      int leftCount = left.outputFields().size();
      List<String> pairs = new ArrayList<>();
      for (int i = 0; i < leftKeys.size(); i++) {
        String operator = nullSafeKeys.contains(i) ? " is not distinct from " : "=";
        pairs.add("$" + leftKeys.get(i) + operator + "$" + (leftCount + rightKeys.get(i)));
      }
      out.append(", keys=").append(pairs);
    }
    if (residual != null) {
      out.append(", residual=").append(residual);
    }
    return out.append(", build=").append(buildSide.name().toLowerCase(java.util.Locale.ROOT)).append(']').toString();
  }

  @Override
  public <R> R accept(PlanVisitor<R> visitor) {
    return visitor.visitJoin(this);
  }
}
