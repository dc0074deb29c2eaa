package dev.tarn.engine.exec.expr;

import static dev.tarn.engine.exec.TestData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.Batch;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CastKernelsTest {
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private List<Object> cast(ArrowType from, ArrowType to, Object... values) {
    try (Batch input = batch(vector(allocator, from, values))) {
      return evaluate(call("cast", to, column(0, from)), input, allocator);
    }
  }

  private void assertFails(ErrorCode code, ArrowType from, ArrowType to, Object value) {
    assertThatThrownBy(() -> cast(from, to, value))
        .isInstanceOfSatisfying(TarnException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  @Test
  void numericToNumeric() {
    assertThat(cast(BIGINT, INTEGER, 5L, null, -7L)).isEqualTo(Arrays.asList(5L, null, -7L));
    assertFails(ErrorCode.NUMERIC_OVERFLOW, BIGINT, INTEGER, 3_000_000_000L);
    assertFails(ErrorCode.NUMERIC_OVERFLOW, INTEGER, TINYINT, 128);
    assertThat(cast(INTEGER, DOUBLE, 3, null)).isEqualTo(Arrays.asList(3.0, null));
    assertThat(cast(DOUBLE, INTEGER, 2.5, -2.5, 2.4999, -0.5)).containsExactly(3L, -3L, 2L, -1L);
    assertFails(ErrorCode.NUMERIC_OVERFLOW, DOUBLE, INTEGER, 1e10);
    assertFails(ErrorCode.INVALID_CAST, DOUBLE, BIGINT, Double.NaN);
    assertThat(cast(DOUBLE, REAL, 0.1)).containsExactly((double) 0.1f);
    assertThat(cast(decimal(5, 2), INTEGER, new BigDecimal("2.50"), new BigDecimal("-2.49"), null))
        .isEqualTo(Arrays.asList(3L, -2L, null));
    assertThat(cast(decimal(5, 2), decimal(4, 1), new BigDecimal("1.25"), new BigDecimal("-1.25")))
        .containsExactly(new BigDecimal("1.3"), new BigDecimal("-1.3"));
    assertFails(ErrorCode.NUMERIC_OVERFLOW, decimal(5, 2), decimal(3, 2), new BigDecimal("10.00"));
    assertThat(cast(INTEGER, decimal(5, 2), 123)).containsExactly(new BigDecimal("123.00"));
    assertFails(ErrorCode.NUMERIC_OVERFLOW, INTEGER, decimal(4, 2), 123);
    assertThat(cast(DOUBLE, decimal(10, 2), 1.005, 0.1)).containsExactly(new BigDecimal("1.01"), new BigDecimal("0.10"));
    assertThat(cast(decimal(10, 3), DOUBLE, new BigDecimal("1.125"))).containsExactly(1.125);
    assertThat(cast(decimal(38, 3), DOUBLE, new BigDecimal("1.125"))).containsExactly(1.125);
    assertThat(cast(decimal(38, 0), BIGINT, new BigDecimal("42"))).containsExactly(42L);
    assertThat(cast(BIGINT, decimal(38, 2), 42L)).containsExactly(new BigDecimal("42.00"));
  }

  @Test
  void booleansAndIntegers() {
    assertThat(cast(BOOLEAN, INTEGER, true, false, null)).isEqualTo(Arrays.asList(1L, 0L, null));
    assertThat(cast(INTEGER, BOOLEAN, 0, 7, -1)).containsExactly(false, true, true);
    assertThat(cast(BOOLEAN, DOUBLE, true)).containsExactly(1.0);
  }

  @Test
  void toVarchar() {
    assertThat(cast(INTEGER, VARCHAR, -12, null)).isEqualTo(Arrays.asList("-12", null));
    assertThat(cast(BOOLEAN, VARCHAR, true, false)).containsExactly("true", "false");
    assertThat(cast(decimal(5, 2), VARCHAR, new BigDecimal("1.50"), new BigDecimal("-0.05")))
        .containsExactly("1.50", "-0.05");
    assertThat(cast(DOUBLE, VARCHAR, 1.0, 1e10)).containsExactly("1.0", "1.0E10");
    assertThat(cast(REAL, VARCHAR, 0.1f)).containsExactly("0.1");
    assertThat(cast(DATE, VARCHAR, LocalDate.of(2024, 2, 29))).containsExactly("2024-02-29");
    assertThat(cast(TIMESTAMP, VARCHAR, LocalDateTime.of(2024, 2, 29, 13, 5, 9),
        LocalDateTime.of(2024, 2, 29, 13, 5, 9, 120_000_000), LocalDateTime.of(1969, 12, 31, 23, 59, 59, 123_456_000)))
        .containsExactly("2024-02-29 13:05:09.000", "2024-02-29 13:05:09.120", "1969-12-31 23:59:59.123456");
  }

  @Test
  void fromVarchar() {
    assertThat(cast(VARCHAR, INTEGER, " 42 ", "-7", null)).isEqualTo(Arrays.asList(42L, -7L, null));
    assertThat(cast(VARCHAR, DOUBLE, "1.5", " -2e3")).containsExactly(1.5, -2000.0);
    assertThat(cast(VARCHAR, decimal(5, 2), "1.005", "-3")).containsExactly(new BigDecimal("1.01"), new BigDecimal("-3.00"));
    assertThat(cast(VARCHAR, BOOLEAN, "TRUE", "f", "1")).containsExactly(true, false, true);
    assertThat(cast(VARCHAR, DATE, "2024-02-29")).containsExactly(LocalDate.of(2024, 2, 29));
    assertThat(cast(VARCHAR, TIMESTAMP, "2024-02-29 13:05:09.123456", "2024-02-29", "2024-02-29 13:05"))
        .containsExactly(LocalDateTime.of(2024, 2, 29, 13, 5, 9, 123_456_000), LocalDateTime.of(2024, 2, 29, 0, 0),
            LocalDateTime.of(2024, 2, 29, 13, 5));
    assertFails(ErrorCode.INVALID_CAST, VARCHAR, INTEGER, "abc");
    assertFails(ErrorCode.INVALID_CAST, VARCHAR, INTEGER, "3000000000");
    assertFails(ErrorCode.INVALID_CAST, VARCHAR, DOUBLE, "1.5d");
    assertFails(ErrorCode.INVALID_CAST, VARCHAR, decimal(3, 1), "100.0");
    assertFails(ErrorCode.INVALID_CAST, VARCHAR, BOOLEAN, "yes");
    assertFails(ErrorCode.INVALID_CAST, VARCHAR, DATE, "2024-02-30");
    assertFails(ErrorCode.INVALID_CAST, VARCHAR, TIMESTAMP, "noon");
    assertThatThrownBy(() -> cast(VARCHAR, INTEGER, "x1")).hasMessageContaining("'x1'").hasMessageContaining("integer");
  }

  @Test
  void datesAndTimestamps() {
    assertThat(cast(DATE, TIMESTAMP, LocalDate.of(1969, 12, 31))).containsExactly(LocalDateTime.of(1969, 12, 31, 0, 0));
    assertThat(cast(TIMESTAMP, DATE, LocalDateTime.of(1969, 12, 31, 23, 0), null))
        .isEqualTo(Arrays.asList(LocalDate.of(1969, 12, 31), null));
    assertThatThrownBy(() -> ExpressionCompiler.compile(call("cast", INTEGER, literal(LocalDate.of(2020, 1, 1), DATE))))
        .isInstanceOfSatisfying(TarnException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_SUPPORTED));
  }
}
