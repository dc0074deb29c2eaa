package dev.tarn.engine.exec.expr;

import static dev.tarn.engine.exec.TestData.BIGINT;
import static dev.tarn.engine.exec.TestData.BOOLEAN;
import static dev.tarn.engine.exec.TestData.DOUBLE;
import static dev.tarn.engine.exec.TestData.INTEGER;
import static dev.tarn.engine.exec.TestData.VARCHAR;
import static dev.tarn.engine.exec.TestData.batch;
import static dev.tarn.engine.exec.TestData.call;
import static dev.tarn.engine.exec.TestData.column;
import static dev.tarn.engine.exec.TestData.decimal;
import static dev.tarn.engine.exec.TestData.literal;
import static dev.tarn.engine.exec.TestData.values;
import static dev.tarn.engine.exec.TestData.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.plan.expr.Expr;
import java.math.BigDecimal;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Constant folding in {@link ExpressionCompiler}: same values as evaluating unfolded, and failures left to run time. */
class ConstantFoldingTest {
  private static final ArrowType D15_2 = decimal(15, 2);
  private static final ArrowType D16_2 = decimal(16, 2);
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private static Expr one() {
    return call("cast", D15_2, literal(1, INTEGER));
  }

  @Test
  void constantCallsFoldToLiterals() {
    Expr oneMinusDiscount = call("subtract", D16_2, one(), literal(new BigDecimal("0.05"), D15_2));
    assertThat(ExpressionCompiler.compile(oneMinusDiscount)).isInstanceOf(LiteralExpression.class);
    assertThat(((LiteralExpression) ExpressionCompiler.compile(oneMinusDiscount)).literal().value())
        .isEqualTo(new BigDecimal("0.95"));
    // Only the constant subtree folds.
    VectorExpression partly = ExpressionCompiler.compile(call("multiply", decimal(31, 4), column(0, D15_2),
        oneMinusDiscount));
    assertThat(partly).isInstanceOf(CallExpression.class);
    assertThat(partly.toString()).isEqualTo("multiply[$0, 0.95]");
  }

  /** Each expression evaluated folded and unfolded over a few rows (with a NULL) gives the same values. */
  @Test
  void foldingGivesTheSameValuesAsNotFolding() {
    Expr price = column(0, D15_2);
    List<Expr> expressions = List.of(
        call("multiply", decimal(31, 4), price, call("subtract", D16_2, one(), literal(new BigDecimal("0.07"), D15_2))),
        call("add", D16_2, one(), literal(null, D15_2)),
        call("less_than", BOOLEAN, price, call("multiply", decimal(30, 4), one(), literal(new BigDecimal("2.50"), D15_2))),
        call("greater_than_or_equal", BOOLEAN, call("cast", BIGINT, literal(7, INTEGER)), column(1, BIGINT)),
        call("equal", BOOLEAN, column(2, VARCHAR), call("upper", VARCHAR, literal("abc", VARCHAR))),
        call("concat", VARCHAR, column(2, VARCHAR), call("concat", VARCHAR, literal("x", VARCHAR),
            literal("y", VARCHAR))),
        call("add", DOUBLE, call("cast", DOUBLE, literal(3, INTEGER)), call("cast", DOUBLE, column(1, BIGINT))),
        call("negate", BIGINT, call("add", BIGINT, literal(2, BIGINT), column(1, BIGINT))),
        call("case", BIGINT, call("is_null", BOOLEAN, literal(null, BIGINT)), literal(1, BIGINT), column(1, BIGINT)),
        call("and", BOOLEAN, call("equal", BOOLEAN, literal(1, BIGINT), literal(1, BIGINT)),
            call("less_than", BOOLEAN, column(1, BIGINT), literal(5, BIGINT))));
    for (Expr expression : expressions) {
      try (Batch input = input()) {
        assertThat(evaluate(ExpressionCompiler.compile(expression), input))
            .as("%s", expression).isEqualTo(evaluate(ExpressionCompiler.compile(expression, false), input));
      }
    }
  }

  /** 1 / 0 in a branch no row takes must not fail the query, though every argument of the division is constant. */
  @Test
  void failingConstantInAnUntakenBranchDoesNotFail() {
    Expr divide = call("divide", BIGINT, literal(1, BIGINT), literal(0, BIGINT));
    Expr guarded = call("case", BIGINT, call("greater_than", BOOLEAN, column(1, BIGINT), literal(100, BIGINT)), divide,
        column(1, BIGINT));
    Expr constantCase = call("case", BIGINT, literal(false, BOOLEAN), divide, literal(5, BIGINT));
    try (Batch input = input()) {
      assertThat(evaluate(ExpressionCompiler.compile(guarded), input)).containsExactly(1L, null, 3L);
      assertThat(evaluate(ExpressionCompiler.compile(constantCase), input)).containsExactly(5L, 5L, 5L);
      // Reached by a row, the unfolded division fails at run time as before.
      assertThatThrownBy(() -> evaluate(ExpressionCompiler.compile(divide), input))
          .isInstanceOfSatisfying(TarnException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DIVISION_BY_ZERO));
    }
  }

  private Batch input() {
    return batch(vector(allocator, D15_2, new BigDecimal("1.00"), null, new BigDecimal("3.50")),
        vector(allocator, BIGINT, 1, null, 3), vector(allocator, VARCHAR, "ABC", "abc", null));
  }

  private List<Object> evaluate(VectorExpression expression, Batch input) {
    try (FieldVector result = expression.evaluate(input, allocator)) {
      return values(result);
    }
  }
}
