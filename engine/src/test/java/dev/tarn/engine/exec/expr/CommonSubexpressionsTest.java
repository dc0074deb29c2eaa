package dev.tarn.engine.exec.expr;

import static dev.tarn.engine.exec.TestData.BIGINT;
import static dev.tarn.engine.exec.TestData.BOOLEAN;
import static dev.tarn.engine.exec.TestData.batch;
import static dev.tarn.engine.exec.TestData.call;
import static dev.tarn.engine.exec.TestData.column;
import static dev.tarn.engine.exec.TestData.decimal;
import static dev.tarn.engine.exec.TestData.literal;
import static dev.tarn.engine.exec.TestData.values;
import static dev.tarn.engine.exec.TestData.vector;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.plan.expr.Expr;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Calls repeated across a projection's expressions are shared, with the values of compiling each alone. */
class CommonSubexpressionsTest {
  private static final ArrowType D15_2 = decimal(15, 2);
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @Test
  void q1ProjectionSharesTheDiscountedPrice() {
    Expr one = call("cast", D15_2, literal(1, dev.tarn.engine.exec.TestData.INTEGER));
    Expr discPrice = call("multiply", decimal(31, 4), column(0, D15_2),
        call("subtract", decimal(16, 2), one, column(1, D15_2)));
    Expr charge = call("multiply", decimal(38, 6), discPrice, call("add", decimal(16, 2), one, column(2, D15_2)));
    CommonSubexpressions common = ExpressionCompiler.commonSubexpressions();
    List<VectorExpression> shared = ExpressionCompiler.compileAll(List.of(discPrice, charge), common);
    assertThat(common.isEmpty()).isFalse();
    try (Batch input = batch(
        vector(allocator, D15_2, new BigDecimal("100.00"), null, new BigDecimal("7.25")),
        vector(allocator, D15_2, new BigDecimal("0.05"), new BigDecimal("0.10"), null),
        vector(allocator, D15_2, new BigDecimal("0.08"), new BigDecimal("0.01"), new BigDecimal("0.02")))) {
      assertThat(evaluateAll(shared, common, input))
          .isEqualTo(evaluateAll(List.of(ExpressionCompiler.compile(discPrice), ExpressionCompiler.compile(charge)),
              null, input));
    }
  }

  /** A shared division inside CASE branches runs only on the rows the branches select (a NULL guard takes ELSE). */
  @Test
  void sharedCallsUnderCaseStayGuarded() {
    Expr x = column(0, BIGINT);
    Expr divide = call("divide", BIGINT, literal(10, BIGINT), x);
    Expr guard = call("not_equal", BOOLEAN, x, literal(0, BIGINT));
    List<Expr> expressions = List.of(
        call("case", BIGINT, guard, divide, literal(-1, BIGINT)),
        call("case", BIGINT, guard, call("add", BIGINT, divide, literal(1, BIGINT)), literal(-2, BIGINT)),
        call("add", BIGINT, x, x));
    CommonSubexpressions common = ExpressionCompiler.commonSubexpressions();
    List<VectorExpression> shared = ExpressionCompiler.compileAll(expressions, common);
    try (Batch input = batch(vector(allocator, BIGINT, 5, 0, null, -2))) {
      for (int repeat = 0; repeat < 2; repeat++) {
        assertThat(evaluateAll(shared, common, input)).containsExactly(
            java.util.Arrays.asList(2L, -1L, -1L, -5L),
            java.util.Arrays.asList(3L, -2L, -2L, -4L),
            java.util.Arrays.asList(10L, 0L, null, -4L));
      }
    }
  }

  private List<List<Object>> evaluateAll(List<VectorExpression> expressions, CommonSubexpressions common,
      Batch input) {
    List<List<Object>> results = new ArrayList<>();
    if (common != null) {
      common.begin(input);
    }
    try {
      for (VectorExpression expression : expressions) {
        try (FieldVector result = expression.evaluate(input, allocator)) {
          results.add(values(result));
        }
      }
    } finally {
      if (common != null) {
        common.end();
      }
    }
    return results;
  }
}
