package dev.tarn.engine.exec.join;

import static dev.tarn.engine.exec.TestData.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.engine.exec.aggregate.RandomKeys;
import dev.tarn.engine.exec.vector.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link JoinHashTable} (on its fast fixed-width table, or the encoded one for strings) against a nested loop on
 * random batches: each probe row's chain of build rows must be exactly the build rows with equal keys, in build
 * order, where NULL equals nothing except NULL in a null-safe position.
 */
class JoinHashTableTest {
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  static List<Arguments> cases() {
    return List.of(
        Arguments.of(List.of(BIGINT), List.of(BIGINT), List.of()),
        Arguments.of(List.of(BIGINT), List.of(BIGINT), List.of(0)),
        Arguments.of(List.of(INTEGER), List.of(BIGINT), List.of()),
        Arguments.of(List.of(DATE), List.of(DATE), List.of()),
        Arguments.of(List.of(decimal(15, 2)), List.of(decimal(38, 2)), List.of()),
        Arguments.of(List.of(decimal(15, 2)), List.of(BIGINT), List.of()),
        Arguments.of(List.of(BIGINT, INTEGER), List.of(BIGINT, INTEGER), List.of()),
        Arguments.of(List.of(BIGINT, INTEGER), List.of(BIGINT, BIGINT), List.of(1)),
        Arguments.of(List.of(INTEGER, BOOLEAN, SMALLINT), List.of(INTEGER, BOOLEAN, SMALLINT), List.of(0, 2)),
        Arguments.of(List.of(VARCHAR), List.of(VARCHAR), List.of(0)),
        Arguments.of(List.of(VARCHAR), List.of(VARCHAR), List.of()));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void chainsHoldExactlyTheBuildRowsWithEqualKeys(List<ArrowType> buildTypes, List<ArrowType> probeTypes,
      List<Integer> nullSafe) {
    Random random = new Random(Objects.hash(buildTypes, probeTypes, nullSafe));
    List<Field> buildFields = fields(buildTypes);
    List<Field> probeFields = fields(probeTypes);
    JoinHashTable table = new JoinHashTable(nullSafe);
    List<List<Object>> buildKeys = new ArrayList<>();
    for (int b = 0; b < 6; b++) {
      List<FieldVector> batch = batch(random, buildFields, random.nextInt(1500), b % 2 == 0);
      try {
        table.insert(batch, batch.get(0).getValueCount(), buildKeys.size());
        buildKeys.addAll(rows(batch));
      } finally {
        batch.forEach(FieldVector::close);
      }
    }
    JoinHashTable.ProbeScratch scratch = new JoinHashTable.ProbeScratch();
    for (int b = 0; b < 6; b++) {
      List<FieldVector> batch = batch(random, probeFields, random.nextInt(1500), b % 2 == 1);
      if (b == 5) {
        makeWide(batch);
      }
      try {
        int rowCount = batch.get(0).getValueCount();
        int[] heads = new int[rowCount + 3];
        table.probe(batch, rowCount, heads, scratch);
        List<List<Object>> probeKeys = rows(batch);
        for (int row = 0; row < rowCount; row++) {
          List<Integer> chain = new ArrayList<>();
          for (int id = heads[row]; id >= 0; id = table.next(id)) {
            chain.add(id);
          }
          assertThat(chain).as("probe row %s", probeKeys.get(row))
              .isEqualTo(expectedMatches(buildKeys, probeKeys.get(row), nullSafe));
        }
      } finally {
        batch.forEach(FieldVector::close);
      }
    }
  }

  private static List<Field> fields(List<ArrowType> types) {
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      fields.add(field("k" + i, types.get(i)));
    }
    return fields;
  }

  /** Random keys from a small domain (so probes hit), as strings for VARCHAR columns. */
  private List<FieldVector> batch(Random random, List<Field> fields, int rows, boolean withNulls) {
    if (!(fields.get(0).getType() instanceof ArrowType.Utf8)) {
      return RandomKeys.batch(random, fields, rows, withNulls ? 0.15 : 0, false, false, allocator);
    }
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      // Short and long strings, so lengths beyond one 8-byte word are hashed and compared too.
      String key = random.nextInt(3) == 0 ? "a much longer key #" + random.nextInt(100) : "k" + random.nextInt(300);
      values.add(withNulls && random.nextInt(7) == 0 ? null : key);
    }
    return new ArrayList<>(List.of(Vectors.fromValues(fields.get(0), values, allocator)));
  }

  /** Gives a wide decimal probe column some values beyond the long range (low 8 bytes equal to a build key's). */
  private static void makeWide(List<FieldVector> batch) {
    if (batch.get(0) instanceof DecimalVector wide && wide.getPrecision() > 18) {
      for (int row = 0; row < wide.getValueCount(); row += 3) {
        wide.getDataBuffer().setLong(row * 16L + 8, 12345L);
      }
    }
  }

  private static List<List<Object>> rows(List<FieldVector> batch) {
    List<List<Object>> rows = new ArrayList<>();
    for (int row = 0; row < batch.get(0).getValueCount(); row++) {
      List<Object> key = new ArrayList<>();
      for (FieldVector column : batch) {
        key.add(normalize(Vectors.value(column, row)));
      }
      rows.add(key);
    }
    return rows;
  }

  private static List<Integer> expectedMatches(List<List<Object>> build, List<Object> probe, List<Integer> nullSafe) {
    List<Integer> matches = new ArrayList<>();
    for (int id = 0; id < build.size(); id++) {
      boolean equal = true;
      for (int c = 0; c < probe.size() && equal; c++) {
        Object b = build.get(id).get(c);
        Object p = probe.get(c);
        equal = b == null || p == null ? b == null && p == null && nullSafe.contains(c) : sameValue(b, p);
      }
      if (equal) {
        matches.add(id);
      }
    }
    return matches;
  }

  /** Key equality as the engine defines it: integer-like values by value, decimals by unscaled value. */
  private static boolean sameValue(Object b, Object p) {
    if (b instanceof java.math.BigDecimal bd && p instanceof java.math.BigDecimal pd) {
      return bd.unscaledValue().equals(pd.unscaledValue());
    }
    if (b instanceof java.math.BigDecimal || p instanceof java.math.BigDecimal) {
      return false;
    }
    return b.equals(p);
  }
}
