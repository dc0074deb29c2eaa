package dev.tarn.engine.exec.expr;

import static dev.tarn.engine.exec.TestData.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.plan.expr.Expr;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StringKernelsTest {
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private List<Object> apply(String function, Object[] strings, Expr... rest) {
    try (Batch input = batch(vector(allocator, VARCHAR, strings))) {
      Expr[] args = new Expr[rest.length + 1];
      args[0] = column(0, VARCHAR);
      System.arraycopy(rest, 0, args, 1, rest.length);
      return evaluate(call(function, VARCHAR, args), input, allocator);
    }
  }

  @Test
  void substrCountsCodePointsWithTrinoEdges() {
    Object[] strings = {"a€😀bc", "", null};
    assertThat(apply("substr", strings, literal(2L, BIGINT), literal(2L, BIGINT)))
        .isEqualTo(Arrays.asList("€😀", "", null));
    assertThat(apply("substr", strings, literal(-2L, BIGINT))).isEqualTo(Arrays.asList("bc", "", null));
    assertThat(apply("substr", strings, literal(0L, BIGINT))).isEqualTo(Arrays.asList("", "", null));
    assertThat(apply("substr", strings, literal(-9L, BIGINT))).isEqualTo(Arrays.asList("", "", null));
    assertThat(apply("substr", strings, literal(3L, BIGINT), literal(100L, BIGINT)))
        .isEqualTo(Arrays.asList("😀bc", "", null));
    assertThat(apply("substr", strings, literal(2L, BIGINT), literal(null, BIGINT)))
        .isEqualTo(Arrays.asList(null, null, null));
  }

  @Test
  void caseMappingTrimAndReverseAreMultibyteSafe() {
    Object[] strings = {" éa€ ", "ÉÀ😀", null};
    assertThat(apply("upper", strings)).isEqualTo(Arrays.asList(" ÉA€ ", "ÉÀ😀", null));
    assertThat(apply("lower", strings)).isEqualTo(Arrays.asList(" éa€ ", "éà😀", null));
    assertThat(apply("trim", strings)).isEqualTo(Arrays.asList("éa€", "ÉÀ😀", null));
    assertThat(apply("rtrim", strings, literal("€ 😀", VARCHAR))).isEqualTo(Arrays.asList(" éa", "ÉÀ", null));
    assertThat(apply("reverse", strings)).isEqualTo(Arrays.asList(" €aé ", "😀ÀÉ", null));
  }

  @Test
  void searchAndPadding() {
    Object[] strings = {"x€y€z", "€", null};
    try (Batch input = batch(vector(allocator, VARCHAR, strings))) {
      assertThat(evaluate(call("strpos", BIGINT, column(0, VARCHAR), literal("y", VARCHAR)), input, allocator))
          .isEqualTo(Arrays.asList(3L, 0L, null));
      assertThat(evaluate(call("length", BIGINT, column(0, VARCHAR)), input, allocator))
          .isEqualTo(Arrays.asList(5L, 1L, null));
      assertThat(evaluate(call("split_part", VARCHAR, column(0, VARCHAR), literal("€", VARCHAR), literal(3L, BIGINT)),
          input, allocator)).isEqualTo(Arrays.asList("z", null, null));
      assertThat(evaluate(call("lpad", VARCHAR, column(0, VARCHAR), literal(3L, BIGINT), literal("é", VARCHAR)),
          input, allocator)).isEqualTo(Arrays.asList("x€y", "éé€", null));
      assertThat(evaluate(call("replace", VARCHAR, column(0, VARCHAR), literal("€", VARCHAR), literal("--", VARCHAR)),
          input, allocator)).isEqualTo(Arrays.asList("x--y--z", "--", null));
    }
  }
}
