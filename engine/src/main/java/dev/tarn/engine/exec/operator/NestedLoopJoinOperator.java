package dev.tarn.engine.exec.operator;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.Operator;
import dev.tarn.engine.exec.expr.VectorExpression;
import dev.tarn.engine.exec.join.AllPairsCandidates;
import dev.tarn.engine.exec.join.JoinDriver;
import dev.tarn.engine.plan.BuildSide;
import dev.tarn.engine.plan.JoinType;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A join without equi-join keys (CROSS, or a non-equi condition) of any {@link JoinType}: buffers the build side
 * and evaluates the condition on every pair, a batch of pairs at a time.
 */
public final class NestedLoopJoinOperator implements Operator {
  private final JoinDriver driver;

  /** {@code condition} (null for none: a cross product) sees the left columns then the right ones. */
  public NestedLoopJoinOperator(Operator left, Operator right, JoinType joinType, VectorExpression condition,
      BuildSide buildSide, List<Field> outputFields, ExecutionContext context) {
    this.driver = new JoinDriver(left, right, joinType, buildSide, new AllPairsCandidates(), condition,
        outputFields, context);
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
