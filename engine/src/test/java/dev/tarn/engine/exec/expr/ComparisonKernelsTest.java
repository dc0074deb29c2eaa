package dev.tarn.engine.exec.expr;

import static dev.tarn.engine.exec.TestData.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.engine.exec.Batch;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ComparisonKernelsTest {
  private static final List<String> FUNCTIONS = List.of("equal", "not_equal", "less_than", "less_than_or_equal",
      "greater_than", "greater_than_or_equal");
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  /** Results of the six comparisons for one pair, in FUNCTIONS order. */
  private List<Object> compareAll(ArrowType leftType, Object left, ArrowType rightType, Object right) {
    try (Batch input = batch(vector(allocator, leftType, left), vector(allocator, rightType, right))) {
      return FUNCTIONS.stream()
          .map(f -> evaluate(call(f, BOOLEAN, column(0, leftType), column(1, rightType)), input, allocator).get(0))
          .toList();
    }
  }

  private static List<Object> less() {
    return List.of(false, true, true, true, false, false);
  }

  private static List<Object> same() {
    return List.of(true, false, false, true, false, true);
  }

  @Test
  void everyTypeOrdersCorrectly() {
    assertThat(compareAll(INTEGER, -5, INTEGER, 3)).isEqualTo(less());
    assertThat(compareAll(BIGINT, Long.MIN_VALUE, BIGINT, Long.MAX_VALUE)).isEqualTo(less());
    assertThat(compareAll(TINYINT, 4, TINYINT, 4)).isEqualTo(same());
    assertThat(compareAll(DOUBLE, -0.0, DOUBLE, 0.0)).isEqualTo(same());
    assertThat(compareAll(REAL, 1.5f, REAL, 2.5f)).isEqualTo(less());
    assertThat(compareAll(BOOLEAN, false, BOOLEAN, true)).isEqualTo(less());
    assertThat(compareAll(DATE, LocalDate.of(2020, 1, 1), DATE, LocalDate.of(2020, 1, 2))).isEqualTo(less());
    assertThat(compareAll(VARCHAR, "abc", VARCHAR, "abd")).isEqualTo(less());
    assertThat(compareAll(VARCHAR, "ab", VARCHAR, "abc")).isEqualTo(less());
    assertThat(compareAll(VARCHAR, "", VARCHAR, "")).isEqualTo(same());
    // Code point order: U+FFFD sorts before U+1F600 although its UTF-16 form is larger.
    assertThat(compareAll(VARCHAR, "\uFFFD", VARCHAR, "😀")).isEqualTo(less());
    assertThat(compareAll(VARCHAR, "z", VARCHAR, "é")).isEqualTo(less());
  }

  @Test
  void decimalsCompareAcrossScalesAndWidths() {
    assertThat(compareAll(decimal(5, 2), new BigDecimal("1.50"), decimal(3, 1), new BigDecimal("1.5")))
        .isEqualTo(same());
    assertThat(compareAll(decimal(5, 2), new BigDecimal("-1.51"), decimal(3, 1), new BigDecimal("-1.5")))
        .isEqualTo(less());
    assertThat(compareAll(decimal(38, 2), new BigDecimal("-1" + "0".repeat(30) + ".00"), decimal(38, 2),
        new BigDecimal("5.00"))).isEqualTo(less());
    assertThat(compareAll(decimal(38, 2), new BigDecimal("1.00"), decimal(38, 10), new BigDecimal("1.0000000001")))
        .isEqualTo(less());
  }

  @Test
  void nullOnEitherSideGivesNullAndNanComparesFalse() {
    assertThat(compareAll(INTEGER, null, INTEGER, 1)).containsOnlyNulls();
    assertThat(compareAll(VARCHAR, "a", VARCHAR, null)).containsOnlyNulls();
    assertThat(compareAll(DOUBLE, Double.NaN, DOUBLE, Double.NaN))
        .isEqualTo(List.of(false, true, false, false, false, false));
  }
}
