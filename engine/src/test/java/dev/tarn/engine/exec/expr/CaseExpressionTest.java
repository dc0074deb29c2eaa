package dev.tarn.engine.exec.expr;

import static dev.tarn.engine.exec.TestData.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.engine.exec.Batch;
import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CaseExpressionTest {
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @Test
  void branchesEvaluateOnlyTheirRows() {
    try (Batch input = batch(vector(allocator, INTEGER, 0, 5, null, -2, 10))) {
      var x = column(0, INTEGER);
      // CASE WHEN x = 0 THEN -1 WHEN x > 4 THEN 100 / x ELSE 10 / x END: never divides by zero.
      var expression = call("case", INTEGER,
          call("equal", BOOLEAN, x, literal(0, INTEGER)), literal(-1, INTEGER),
          call("greater_than", BOOLEAN, x, literal(4, INTEGER)), call("divide", INTEGER, literal(100, INTEGER), x),
          call("divide", INTEGER, literal(10, INTEGER), x));
      assertThat(evaluate(expression, input, allocator)).isEqualTo(Arrays.asList(-1L, 20L, null, -5L, 10L));
    }
  }

  @Test
  void nullConditionsAreFalseAndMissingElseIsNull() {
    try (Batch input = batch(vector(allocator, BOOLEAN, true, null, false), vector(allocator, VARCHAR, "a", "b", "c"))) {
      var expression = call("case", VARCHAR, column(0, BOOLEAN), column(1, VARCHAR), literal(null, VARCHAR));
      assertThat(evaluate(expression, input, allocator)).isEqualTo(Arrays.asList("a", null, null));
      var withElse = call("case", VARCHAR, column(0, BOOLEAN), column(1, VARCHAR), literal("other", VARCHAR));
      assertThat(evaluate(withElse, input, allocator)).isEqualTo(Arrays.asList("a", "other", "other"));
    }
  }
}
