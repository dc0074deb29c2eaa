package dev.tarn.engine.exec.operator;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.Operator;
import dev.tarn.engine.exec.expr.VectorExpression;
import dev.tarn.engine.exec.join.BuildListener;
import dev.tarn.engine.exec.join.HashCandidates;
import dev.tarn.engine.exec.join.JoinBuild;
import dev.tarn.engine.exec.join.JoinDriver;
import dev.tarn.engine.plan.BuildSide;
import dev.tarn.engine.plan.JoinType;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A hash join of any {@link JoinType}: hashes the build side's key columns, then streams the other side and
 * pairs each row with the build rows of an equal, non-NULL key that also satisfy the residual condition.
 */
public final class HashJoinOperator implements Operator {
  private final JoinDriver driver;

  /**
   * Keys are column indexes of each input, compared pairwise (NULL equal to NULL at the positions in
   * {@code nullSafeKeys}); {@code residual} (or null) sees the left columns then the right ones.
   */
  public HashJoinOperator(Operator left, Operator right, JoinType joinType, List<Integer> leftKeys,
      List<Integer> rightKeys, List<Integer> nullSafeKeys, VectorExpression residual, BuildSide buildSide, List<Field> outputFields,
      ExecutionContext context) {
    this(left, right, joinType, leftKeys, rightKeys, nullSafeKeys, residual, buildSide, outputFields, context, null);
  }

  /** As above; {@code buildListener} (or null) receives the build side, e.g. to publish dynamic filters. */
  public HashJoinOperator(Operator left, Operator right, JoinType joinType, List<Integer> leftKeys,
      List<Integer> rightKeys, List<Integer> nullSafeKeys, VectorExpression residual, BuildSide buildSide,
      List<Field> outputFields, ExecutionContext context, BuildListener buildListener) {
    HashCandidates candidates = buildSide == BuildSide.RIGHT
        ? new HashCandidates(rightKeys, leftKeys, nullSafeKeys)
        : new HashCandidates(leftKeys, rightKeys, nullSafeKeys);
    this.driver = new JoinDriver(left, right, joinType, buildSide, candidates, residual, outputFields, context,
        buildListener);
  }

  private HashJoinOperator(JoinDriver driver) {
    this.driver = driver;
  }

  /**
   * One probe copy of a parallel hash join: probes {@code probe} against {@code build}, shared with the other
   * copies (each holds one of its references), through {@code candidates}, a finder of its own over the build's
   * shared hash table. A join that emits build rows at the end ({@link JoinDriver#emitsBuildRows}) merges each
   * copy's matches into the build, and the last copy to finish its probe side emits them.
   */
  public static HashJoinOperator probing(Operator probe, JoinBuild build, HashCandidates candidates,
      JoinType joinType, BuildSide buildSide, VectorExpression residual, List<Field> outputFields,
      ExecutionContext context) {
    return new HashJoinOperator(new JoinDriver(probe, build, candidates, joinType, buildSide, residual,
        outputFields, context));
  }

  @Override
  public Schema schema() {
    return driver.schema();
  }

  @Override
  public Batch next() {
    return driver.next();
  }

  @Override
  public void close() {
    driver.close();
  }
}
