package dev.tarn.jdbc;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.api.QueryResult;
import dev.tarn.engine.exec.Batch;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.apache.arrow.vector.types.pojo.Schema;

/** A hand-written QueryResult over prepared batches (or an update count) that records how it was used. */
public final class FakeQueryResult implements QueryResult {

  private final Schema schema;
  private final Deque<Supplier<Batch>> batches;
  private final long updateCount;
  volatile boolean cancelled;
  int closeCount;
  int batchesHandedOut;
  private dev.tarn.engine.api.QueryStatistics statistics = dev.tarn.engine.api.QueryStatistics.EMPTY;

  private FakeQueryResult(Schema schema, List<Supplier<Batch>> batches, long updateCount) {
    this.schema = schema;
    this.batches = new ArrayDeque<>(batches);
    this.updateCount = updateCount;
  }

  /** Rows: the batches are built lazily, when the consumer asks for them. */
  public static FakeQueryResult rows(Schema schema, List<Supplier<Batch>> batches) {
    return new FakeQueryResult(schema, batches, -1);
  }

  /** The same result reporting {@code figures} as its statistics. */
  public FakeQueryResult withStatistics(dev.tarn.engine.api.QueryStatistics figures) {
    this.statistics = figures;
    return this;
  }

  @Override public dev.tarn.engine.api.QueryStatistics statistics() { return statistics; }

  public static FakeQueryResult updateCount(long count) {
    return new FakeQueryResult(new Schema(List.of()), List.of(), count);
  }

  @Override public String queryId() { return "fake-query"; }
  @Override public Schema schema() { return schema; }
  @Override public boolean hasResultSet() { return updateCount < 0; }
  @Override public long updateCount() { return updateCount; }
  @Override public void cancel() { cancelled = true; }

  @Override
  public Batch next() {
    if (cancelled) {
      throw new TarnException(ErrorCode.CANCELLED, null, "Query was cancelled");
    }
    Supplier<Batch> next = batches.poll();
    if (next == null) {
      return null;
    }
    batchesHandedOut++;
    return next.get();
  }

  @Override
  public void close() {
    closeCount++;
  }

  public boolean isClosed() {
    return closeCount > 0;
  }
}
