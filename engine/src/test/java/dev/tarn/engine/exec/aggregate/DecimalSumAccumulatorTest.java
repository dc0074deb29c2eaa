package dev.tarn.engine.exec.aggregate;

import static dev.tarn.engine.exec.TestData.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decimal SUM and AVG, whose results take exact long arithmetic when they can, against BigDecimal arithmetic. */
class DecimalSumAccumulatorTest {
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @ParameterizedTest
  @CsvSource({"false, 2, 2", "true, 2, 6", "true, 0, 4", "false, 3, 3", "true, 2, 2", "false, 0, 2",
      "true, 2, 20"})
  void resultsEqualBigDecimalArithmetic(boolean average, int scale, int resultScale) {
    Random random = new Random(scale * 31 + resultScale + (average ? 7 : 0));
    int groups = 500;
    BigInteger[] totals = new BigInteger[groups];
    long[] counts = new long[groups];
    DecimalSumAccumulator accumulator = new DecimalSumAccumulator(average);
    for (int b = 0; b < 4; b++) {
      int rows = 3000;
      List<Object> values = new ArrayList<>();
      int[] groupIds = new int[rows];
      for (int i = 0; i < rows; i++) {
        groupIds[i] = random.nextInt(groups);
        // Mostly small values, some negative, a few near the long range so that some totals spill.
        long unscaled = switch (random.nextInt(10)) {
          case 0 -> random.nextBoolean() ? Long.MAX_VALUE / 3 : -Long.MAX_VALUE / 3;
          case 1 -> -random.nextInt(1000);
          default -> random.nextInt(100_000);
        };
        boolean isNull = random.nextInt(20) == 0;
        values.add(isNull ? null : new BigDecimal(BigInteger.valueOf(unscaled), scale));
        if (!isNull) {
          int g = groupIds[i];
          totals[g] = (totals[g] == null ? BigInteger.ZERO : totals[g]).add(BigInteger.valueOf(unscaled));
          counts[g]++;
        }
      }
      try (FieldVector column = vector(allocator, "x", decimal(38, scale), values)) {
        accumulator.add(column, groupIds, rows, groups);
      }
    }
    try (DecimalVector result = (DecimalVector) accumulator.result(field("r", decimal(38, resultScale)), groups,
        allocator)) {
      for (int g = 0; g < groups; g++) {
        if (counts[g] == 0) {
          assertThat(result.isNull(g)).isTrue();
          continue;
        }
        BigDecimal total = new BigDecimal(totals[g], scale);
        BigDecimal expected = average
            ? total.divide(BigDecimal.valueOf(counts[g]), resultScale, RoundingMode.HALF_UP)
            : total.setScale(resultScale, RoundingMode.HALF_UP);
        assertThat(result.getObject(g)).as("group %d", g).isEqualTo(expected);
      }
    }
  }
}
