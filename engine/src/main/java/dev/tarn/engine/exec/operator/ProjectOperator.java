package dev.tarn.engine.exec.operator;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.Operator;
import dev.tarn.engine.exec.expr.CommonSubexpressions;
import dev.tarn.engine.exec.expr.ExpressionCompiler;
import dev.tarn.engine.exec.expr.VectorExpression;
import dev.tarn.engine.plan.expr.Expr;
import dev.tarn.engine.exec.vector.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/** Computes one output column per expression; column references share the input's buffers (zero-copy). */
public final class ProjectOperator implements Operator {
  private final Operator input;
  private final List<VectorExpression> expressions;
  private final List<Field> fields;
  private final ExecutionContext context;
  private final CommonSubexpressions common;

  /** {@code fields} names and types the outputs, one per expression. */
  public ProjectOperator(Operator input, List<VectorExpression> expressions, List<Field> fields,
      ExecutionContext context) {
    this(input, expressions, fields, context, null);
  }

  private ProjectOperator(Operator input, List<VectorExpression> expressions, List<Field> fields,
      ExecutionContext context, CommonSubexpressions common) {
    this.input = input;
    this.expressions = List.copyOf(expressions);
    this.fields = List.copyOf(fields);
    this.context = context;
    this.common = common == null || common.isEmpty() ? null : common;
  }

  /**
   * A projection of {@code expressions} compiled together, so that a call occurring more than once among them
   * (TPC-H Q1's {@code price * (1 - discount)}, inside and outside {@code * (1 + tax)}) is computed once per batch.
   * Compiles now (failing before any input is built); the result makes one operator, over the input given.
   */
  public static Function<Operator, ProjectOperator> compiling(List<Expr> expressions, List<Field> fields,
      ExecutionContext context) {
    CommonSubexpressions common = ExpressionCompiler.commonSubexpressions();
    List<VectorExpression> compiled = ExpressionCompiler.compileAll(expressions, common);
    return input -> new ProjectOperator(input, compiled, fields, context, common);
  }

  @Override
  public Schema schema() {
    return new Schema(fields);
  }

  @Override
  public Batch next() {
    context.checkCancelled();
    Batch batch = input.next();
    if (batch == null) {
      return null;
    }
    List<FieldVector> columns = new ArrayList<>(expressions.size());
    if (common != null) {
      common.begin(batch);
    }
    try (batch) {
      for (int i = 0; i < expressions.size(); i++) {
        FieldVector value = expressions.get(i).evaluate(batch, context.allocator());
        columns.add(Vectors.rename(value, fields.get(i), context.allocator()));
      }
      return new Batch(columns, batch.rowCount());
    } catch (RuntimeException e) {
      columns.forEach(FieldVector::close);
      throw e;
    } finally {
      if (common != null) {
        common.end();
      }
    }
  }

  @Override
  public void close() {
    input.close();
  }
}
