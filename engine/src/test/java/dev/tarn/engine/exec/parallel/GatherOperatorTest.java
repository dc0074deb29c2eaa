package dev.tarn.engine.exec.parallel;

import static dev.tarn.engine.exec.TestData.BIGINT;
import static dev.tarn.engine.exec.TestData.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.catalog.fs.FileSystem;
import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.Operator;
import dev.tarn.engine.exec.TestData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gather exchange over copies running on a real worker pool: every batch arrives once, the first error is
 * thrown as it was, cancellation and early close stop every copy, the bounded queue holds producers back, and no
 * batch leaks (the allocator is closed after each test).
 */
class GatherOperatorTest {
  private static final List<Field> FIELDS = List.of(field("v", BIGINT));

  private final BufferAllocator allocator = new RootAllocator();
  private final WorkerPool pool = WorkerPool.create(4);
  private final ExecutionContext context = new ExecutionContext("gather-test", allocator, (FileSystem) null, 16,
      pool);

  @AfterEach
  void closeAll() {
    pool.close();
    allocator.close();
  }

  @Test
  void returnsEveryBatchOfEveryCopyOnce() {
    List<Source> sources = sources(4, 50, -1);
    Set<Long> values = new HashSet<>();
    int rows = 0;
    try (GatherOperator gather = new GatherOperator(fragment(sources), context)) {
      for (Batch next = gather.next(); next != null; next = gather.next()) {
        try (Batch batch = next) {
          values.add(((BigIntVector) batch.column(0)).get(0));
          rows += batch.rowCount();
        }
      }
      assertThat(gather.next()).isNull();
    }
    assertThat(rows).isEqualTo(200);
    assertThat(values).hasSize(200);
    assertThat(sources).allMatch(Source::isClosed);
    assertThat(sources).allMatch(source -> source.threads.stream().allMatch(name -> name.startsWith("tarn-worker-")));
  }

  @Test
  void theFirstErrorIsThrownAsItWasAndStopsEveryCopy() {
    List<Source> sources = sources(4, Integer.MAX_VALUE, -1);
    TarnException failure = new TarnException(ErrorCode.IO_ERROR, "file-2", "cannot read file-2");
    sources.set(2, new Source(2, Integer.MAX_VALUE, 3, failure));
    try (GatherOperator gather = new GatherOperator(fragment(sources), context)) {
      assertThatThrownBy(() -> {
        for (Batch batch = gather.next(); batch != null; batch = gather.next()) {
          batch.close();
        }
      }).isSameAs(failure);
    }
    assertThat(sources).allMatch(Source::isClosed);
  }

  @Test
  void cancellingTheQueryStopsTheConsumerAndTheCopies() throws Exception {
    List<Source> sources = sources(4, Integer.MAX_VALUE, -1);
    try (GatherOperator gather = new GatherOperator(fragment(sources), context)) {
      gather.next().close();
      Thread canceller = new Thread(context::cancel);
      canceller.start();
      canceller.join();
      assertThatThrownBy(() -> {
        for (Batch batch = gather.next(); batch != null; batch = gather.next()) {
          batch.close();
        }
      }).isInstanceOf(TarnException.class).extracting(e -> ((TarnException) e).code()).isEqualTo(ErrorCode.CANCELLED);
    }
    assertThat(sources).allMatch(Source::isClosed);
  }

  @Test
  void closingEarlyStopsTheCopiesAndFreesQueuedBatches() throws Exception {
    List<Source> sources = sources(4, Integer.MAX_VALUE, -1);
    GatherOperator gather = new GatherOperator(fragment(sources), context);
    gather.next().close();
    Thread.sleep(50); // let the copies fill the queue
    gather.close();
    assertThat(sources).allMatch(Source::isClosed);
    assertThat(allocator.getAllocatedMemory()).isZero();
    assertThat(gather.next()).isNull();
  }

  @Test
  void closingBeforeTheFirstBatchClosesTheCopiesWithoutRunningThem() {
    List<Source> sources = sources(3, 10, -1);
    new GatherOperator(fragment(sources), context).close();
    assertThat(sources).allMatch(Source::isClosed);
    assertThat(sources).allMatch(source -> source.pulled.get() == 0);
  }

  @Test
  void aFullQueueHoldsTheCopiesBack() throws Exception {
    List<Source> sources = sources(4, Integer.MAX_VALUE, -1);
    int capacity = 2;
    try (GatherOperator gather = new GatherOperator(fragment(sources), context, capacity)) {
      gather.next().close();
      Thread.sleep(200);
      long produced = pulled(sources);
      // One taken, the queue full, and at most one batch parked in each copy.
      assertThat(produced).isLessThanOrEqualTo(1 + capacity + sources.size());
      Thread.sleep(100);
      assertThat(pulled(sources)).isEqualTo(produced);
      for (int i = 0; i < 20; i++) {
        gather.next().close();
      }
      assertThat(pulled(sources)).isGreaterThan(produced);
    }
    assertThat(sources).allMatch(Source::isClosed);
  }

  private static long pulled(List<Source> sources) {
    return sources.stream().mapToLong(source -> source.pulled.get()).sum();
  }

  private List<Source> sources(int copies, int batches, int failAt) {
    List<Source> sources = new ArrayList<>();
    for (int copy = 0; copy < copies; copy++) {
      sources.add(new Source(copy, batches, failAt, null));
    }
    return sources;
  }

  private Fragment fragment(List<Source> sources) {
    return new Fragment(new ArrayList<>(sources), List.of());
  }

  /** A copy returning one-row batches {@code copy * 1_000_000 + i}, optionally failing at batch {@code failAt}. */
  private final class Source implements Operator {
    final AtomicInteger pulled = new AtomicInteger();
    final Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final int copy;
    private final int batches;
    private final int failAt;
    private final RuntimeException failure;
    private volatile boolean closed;

    Source(int copy, int batches, int failAt, RuntimeException failure) {
      this.copy = copy;
      this.batches = batches;
      this.failAt = failAt;
      this.failure = failure;
    }

    boolean isClosed() {
      return closed;
    }

    @Override
    public Schema schema() {
      return new Schema(FIELDS);
    }

    @Override
    public Batch next() {
      threads.add(Thread.currentThread().getName());
      context.checkCancelled();
      int index = pulled.get();
      if (index == failAt) {
        throw failure;
      }
      if (closed || index >= batches) {
        return null;
      }
      pulled.incrementAndGet();
      FieldVector vector = TestData.vector(allocator, BIGINT, (long) copy * 1_000_000 + index);
      return new Batch(List.of(vector), 1);
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
