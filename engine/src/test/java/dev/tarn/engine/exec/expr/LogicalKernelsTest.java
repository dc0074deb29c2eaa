package dev.tarn.engine.exec.expr;

import static dev.tarn.engine.exec.TestData.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.engine.exec.Batch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogicalKernelsTest {
  private static final Boolean[] VALUES = {true, false, null};
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  /** All nine (left, right) pairs of true/false/NULL, as two columns. */
  private Batch pairs() {
    List<Object> left = new ArrayList<>();
    List<Object> right = new ArrayList<>();
    for (Boolean a : VALUES) {
      for (Boolean b : VALUES) {
        left.add(a);
        right.add(b);
      }
    }
    return batch(vector(allocator, "l", BOOLEAN, left), vector(allocator, "r", BOOLEAN, right));
  }

  @Test
  void andOrFollowThreeValuedLogic() {
    try (Batch input = pairs()) {
      assertThat(evaluate(call("and", BOOLEAN, column(0, BOOLEAN), column(1, BOOLEAN)), input, allocator))
          .isEqualTo(Arrays.asList(true, false, null, false, false, false, null, false, null));
      assertThat(evaluate(call("or", BOOLEAN, column(0, BOOLEAN), column(1, BOOLEAN)), input, allocator))
          .isEqualTo(Arrays.asList(true, true, true, true, false, null, true, null, null));
      assertThat(evaluate(call("not", BOOLEAN, column(0, BOOLEAN)), input, allocator))
          .isEqualTo(Arrays.asList(false, false, false, true, true, true, null, null, null));
      assertThat(evaluate(call("and", BOOLEAN, column(0, BOOLEAN), column(1, BOOLEAN), literal(null, NULL)), input,
          allocator)).isEqualTo(Arrays.asList(null, false, null, false, false, false, null, false, null));
      assertThat(evaluate(call("or", BOOLEAN, column(0, BOOLEAN), column(1, BOOLEAN), literal(true, BOOLEAN)), input,
          allocator)).containsOnly(true);
    }
  }

  @Test
  void truthAndNullTestsAreNeverNull() {
    try (Batch input = batch(vector(allocator, BOOLEAN, true, false, null))) {
      var value = column(0, BOOLEAN);
      assertThat(evaluate(call("is_null", BOOLEAN, value), input, allocator)).containsExactly(false, false, true);
      assertThat(evaluate(call("is_not_null", BOOLEAN, value), input, allocator)).containsExactly(true, true, false);
      assertThat(evaluate(call("is_true", BOOLEAN, value), input, allocator)).containsExactly(true, false, false);
      assertThat(evaluate(call("is_false", BOOLEAN, value), input, allocator)).containsExactly(false, true, false);
      assertThat(evaluate(call("is_not_true", BOOLEAN, value), input, allocator)).containsExactly(false, true, true);
      assertThat(evaluate(call("is_not_false", BOOLEAN, value), input, allocator)).containsExactly(true, false, true);
    }
    try (Batch input = batch(vector(allocator, VARCHAR, "a", null, ""))) {
      assertThat(evaluate(call("is_null", BOOLEAN, column(0, VARCHAR)), input, allocator))
          .containsExactly(false, true, false);
      assertThat(evaluate(call("is_null", BOOLEAN, literal(null, NULL)), input, allocator)).containsOnly(true);
    }
  }

  @Test
  void wideBatchesCrossBitmapBytes() {
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      values.add(i % 3 == 0 ? null : i % 3 == 1);
    }
    try (Batch input = batch(vector(allocator, "b", BOOLEAN, values))) {
      List<Object> result = evaluate(call("or", BOOLEAN, column(0, BOOLEAN), literal(false, BOOLEAN)), input, allocator);
      assertThat(result).isEqualTo(values);
    }
  }
}
