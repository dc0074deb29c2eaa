package dev.tarn.engine.exec.expr;

import static dev.tarn.engine.exec.TestData.BIGINT;
import static dev.tarn.engine.exec.TestData.BOOLEAN;
import static dev.tarn.engine.exec.TestData.INTEGER;
import static dev.tarn.engine.exec.TestData.SMALLINT;
import static dev.tarn.engine.exec.TestData.VARCHAR;
import static dev.tarn.engine.exec.TestData.batch;
import static dev.tarn.engine.exec.TestData.column;
import static dev.tarn.engine.exec.TestData.decimal;
import static dev.tarn.engine.exec.TestData.evaluate;
import static dev.tarn.engine.exec.TestData.literal;
import static dev.tarn.engine.exec.TestData.vector;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.plan.expr.Call;
import dev.tarn.engine.plan.expr.Expr;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** IN over values read in place (integers of each width, short decimals) and strings (short and long lists). */
class InFastPathTest {
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @Test
  void matchesJavaMembership() {
    Random random = new Random(9);
    ArrowType[] types = {SMALLINT, INTEGER, BIGINT, decimal(9, 2), VARCHAR};
    for (int round = 0; round < 200; round++) {
      ArrowType type = types[round % types.length];
      int listSize = 1 + random.nextInt(random.nextBoolean() ? 4 : 20);
      List<Object> list = new ArrayList<>();
      for (int i = 0; i < listSize; i++) {
        list.add(random.nextInt(10) == 0 ? null : value(random, type));
      }
      int rows = 1 + random.nextInt(40);
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < rows; i++) {
        values.add(random.nextInt(8) == 0 ? null : value(random, type));
      }
      List<Expr> args = new ArrayList<>(List.of(column(0, type)));
      list.forEach(element -> args.add(literal(element, type)));
      List<Object> expected = new ArrayList<>();
      for (Object value : values) {
        expected.add(value == null ? null : list.contains(value) ? Boolean.TRUE : list.contains(null) ? null : false);
      }
      try (Batch input = batch(vector(allocator, "v", type, values))) {
        assertThat(evaluate(new Call("in", args, BOOLEAN), input, allocator)).as("%s IN %s", type, list)
            .isEqualTo(expected);
      }
    }
  }

  private static Object value(Random random, ArrowType type) {
    int n = random.nextInt(30) - 15;
    if (type.equals(VARCHAR)) {
      return "s" + "x".repeat(Math.abs(n) % 4) + n;
    }
    if (type instanceof ArrowType.Decimal) {
      return BigDecimal.valueOf(n * 1001L, 2);
    }
    return (long) n;
  }
}
