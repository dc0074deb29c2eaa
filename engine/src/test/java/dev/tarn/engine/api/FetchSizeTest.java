package dev.tarn.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.engine.exec.Batch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.vector.IntVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A query result's fetch size caps the rows of the batches it hands out (zero-copy slices) and may change. */
class FetchSizeTest {

  /** 10,000 distinct numbers from a cross join of four 10-row VALUES lists. */
  private static final String TEN_THOUSAND = "SELECT a.x * 1000 + b.x * 100 + c.x * 10 + d.x AS n FROM "
      + "(VALUES 0, 1, 2, 3, 4, 5, 6, 7, 8, 9) a(x), (VALUES 0, 1, 2, 3, 4, 5, 6, 7, 8, 9) b(x), "
      + "(VALUES 0, 1, 2, 3, 4, 5, 6, 7, 8, 9) c(x), (VALUES 0, 1, 2, 3, 4, 5, 6, 7, 8, 9) d(x)";

  @TempDir
  Path dir;

  @Test
  void batchesHoldAtMostTheFetchSizeAndEveryRowOnce() {
    try (TarnEngine engine = TarnEngine.open(EngineConfig.defaults(dir.resolve("warehouse")).withThreads(1));
        TarnSession session = engine.openSession(null)) {
      List<Integer> sizes = new ArrayList<>();
      Set<Integer> values = new HashSet<>();
      try (QueryResult result = session.execute(TEN_THOUSAND)) {
        result.setFetchSize(1000);
        for (int taken = 0; taken < 3; taken++) {
          read(result.next(), sizes, values);
        }
        result.setFetchSize(0); // the rest as the engine makes it
        for (Batch batch = result.next(); batch != null; batch = result.next()) {
          read(batch, sizes, values);
        }
        assertThat(result.statistics().rows()).isEqualTo(10_000);
      }
      assertThat(sizes.subList(0, 3)).containsOnly(1000);
      assertThat(sizes.get(3)).as("the rest of the first engine batch, in one piece").isEqualTo(8192 - 3000);
      assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(10_000);
      assertThat(values).hasSize(10_000);
      assertThat(engine.rootAllocator().getAllocatedMemory()).isZero();
    }
  }

  @Test
  void closingInTheMiddleOfASlicedBatchFreesIt() {
    try (TarnEngine engine = TarnEngine.open(EngineConfig.defaults(dir.resolve("warehouse")).withThreads(1));
        TarnSession session = engine.openSession(null)) {
      try (QueryResult result = session.execute(TEN_THOUSAND)) {
        result.setFetchSize(10);
        read(result.next(), new ArrayList<>(), new HashSet<>());
      }
      assertThat(engine.rootAllocator().getChildAllocators()).isEmpty();
      assertThat(engine.rootAllocator().getAllocatedMemory()).isZero();
    }
  }

  private static void read(Batch batch, List<Integer> sizes, Set<Integer> values) {
    try (batch) {
      sizes.add(batch.rowCount());
      IntVector numbers = (IntVector) batch.column(0);
      for (int row = 0; row < batch.rowCount(); row++) {
        values.add(numbers.get(row));
      }
    }
  }
}
