package dev.tarn.engine.exec.operator;

import static dev.tarn.engine.exec.TestData.BIGINT;
import static dev.tarn.engine.exec.TestData.VARCHAR;
import static dev.tarn.engine.exec.TestData.column;
import static dev.tarn.engine.exec.TestData.context;
import static dev.tarn.engine.exec.TestData.field;
import static dev.tarn.engine.exec.TestData.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.FakeOperator;
import dev.tarn.engine.exec.Operator;
import dev.tarn.engine.exec.sort.IntSorter;
import dev.tarn.engine.plan.AggregateNode;
import dev.tarn.engine.plan.AggregateNode.AggregateCall;
import dev.tarn.engine.plan.SortKey;
import dev.tarn.engine.plan.ValuesNode;
import dev.tarn.engine.plan.WindowNode;
import dev.tarn.engine.plan.WindowNode.Bound;
import dev.tarn.engine.plan.WindowNode.Call;
import dev.tarn.engine.plan.WindowNode.Frame;
import dev.tarn.engine.plan.WindowNode.FrameUnit;
import dev.tarn.engine.plan.WindowNode.Group;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The operators that consume their whole input before returning a row (sort, top-N, window, aggregation) stop with
 * CANCELLED when the query is cancelled while their input streams, and leak no batch: the allocator is closed after
 * each test. A long sort stops inside the sort itself.
 */
class CancellationTest {
  private static final List<Field> FIELDS = List.of(field("g", VARCHAR), field("v", BIGINT));
  private static final List<SortKey> BY_V = List.of(new SortKey(1, true, false));

  private final BufferAllocator allocator = new RootAllocator();
  private final ExecutionContext context = context(allocator, 4);

  @AfterEach
  void closeAllocator() {
    allocator.close(); // fails if a cancelled operator leaked a batch
  }

  @Test
  void sortStopsAndFreesItsInput() {
    assertCancelledWhileReading(input -> new SortOperator(input, BY_V, context));
  }

  @Test
  void topNStopsAndFreesItsInput() {
    assertCancelledWhileReading(input -> new TopNOperator(input, BY_V, 0, 3, context));
  }

  @Test
  void windowStopsAndFreesItsInput() {
    Frame frame = new Frame(FrameUnit.RANGE, Bound.UNBOUNDED_PRECEDING, Bound.CURRENT_ROW);
    WindowNode node = new WindowNode(new ValuesNode(FIELDS, List.of()), List.of(new Group(List.of(0), BY_V, frame,
        List.of(new Call("sum", List.of(column(1, BIGINT)), BIGINT, "running")))));
    assertCancelledWhileReading(input -> WindowOperator.chain(input, node, context));
  }

  @Test
  void aggregationStopsAndFreesItsInput() {
    List<AggregateCall> calls = List.of(new AggregateCall("sum", List.of(1), false, BIGINT, "total"));
    List<Field> output = new AggregateNode(new ValuesNode(FIELDS, List.of()), List.of(0), calls).outputFields();
    assertCancelledWhileReading(input -> new HashAggregateOperator(input, List.of(0), calls, output, context));
  }

  @Test
  void aLongSortRunsItsCheckpointAndStopsWhenItThrows() {
    int[] values = new int[200_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = (i * 7919) % values.length;
    }
    AtomicInteger checks = new AtomicInteger();
    AtomicInteger fullSortCompares = new AtomicInteger();
    IntSorter.sort(values.clone(), 0, values.length, (a, b) -> {
      fullSortCompares.incrementAndGet();
      return Integer.compare(a, b);
    }, checks::incrementAndGet);
    assertThat(checks.get()).as("checkpoints in a sort of 200k values").isGreaterThan(10);

    AtomicInteger compares = new AtomicInteger();
    assertThatThrownBy(() -> IntSorter.sort(values, 0, values.length, (a, b) -> {
      compares.incrementAndGet();
      return Integer.compare(a, b);
    }, () -> {
      throw new TarnException(ErrorCode.CANCELLED, "test", "cancelled");
    })).isInstanceOf(TarnException.class);
    assertThat(compares.get()).as("comparisons before the first checkpoint stopped the sort")
        .isLessThan(fullSortCompares.get() / 10);
  }

  /** Builds the operator over an input that cancels the query as it hands out its third batch. */
  private void assertCancelledWhileReading(Function<Operator, Operator> operatorOver) {
    List<List<List<Object>>> batches = new ArrayList<>();
    for (int batch = 0; batch < 6; batch++) {
      batches.add(List.of(row("a", batch * 2L), row("b", batch * 2L + 1)));
    }
    CancellingInput input = new CancellingInput(new FakeOperator(allocator, FIELDS, batches), 3);
    Operator operator = operatorOver.apply(input);
    try {
      assertThatThrownBy(operator::next).isInstanceOf(TarnException.class)
          .extracting(e -> ((TarnException) e).code()).isEqualTo(ErrorCode.CANCELLED);
      assertThat(input.handedOut).as("batches pulled before stopping").isEqualTo(3);
    } finally {
      operator.close();
    }
    assertThat(allocator.getAllocatedMemory()).isZero();
  }

  /** Passes its input's batches through and cancels the query when it hands out batch number {@code at}. */
  private final class CancellingInput implements Operator {
    private final Operator input;
    private final int at;
    int handedOut;

    CancellingInput(Operator input, int at) {
      this.input = input;
      this.at = at;
    }

    @Override
    public Schema schema() {
      return input.schema();
    }

    @Override
    public Batch next() {
      Batch batch = input.next();
      if (batch != null && ++handedOut == at) {
        context.cancel("test");
      }
      return batch;
    }

    @Override
    public void close() {
      input.close();
    }
  }
}
