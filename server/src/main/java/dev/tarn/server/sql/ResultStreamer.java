package dev.tarn.server.sql;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.api.QueryResult;
import dev.tarn.engine.exec.Batch;
import dev.tarn.server.protocol.FlightErrors;
import org.apache.arrow.flight.BackpressureStrategy;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Streams an engine result to a Flight client batch by batch: each batch's vectors are transferred (not copied)
 * into the stream's root and sent, so rows never exist on the server. Waits while the client is not ready (gRPC
 * flow control). A client that closes its stream early (a result set closed before its end) stops the stream: if
 * the engine is computing at that moment, the execution is cancelled so that it stops at once; otherwise it is
 * simply closed, and succeeds with the rows delivered, as an embedded result closed early does. Cancelling the
 * query itself is {@code CancelFlightInfo}.
 */
final class ResultStreamer {

  private static final long READY_POLL_MILLIS = 1000;

  private final BufferAllocator allocator;

  /** @param allocator owns the buffers on their way out, until gRPC has written them */
  ResultStreamer(BufferAllocator allocator) {
    this.allocator = allocator;
  }

  /** Whether the engine is inside {@code next()} and whether the client went away, shared with the cancel handler. */
  private static final class StreamState {
    volatile boolean computing;
    volatile boolean clientGone;
  }

  /** Sends all of {@code result}; the caller closes it. */
  void stream(QueryResult result, ServerStreamListener listener) {
    StreamState state = new StreamState();
    listener.setOnCancelHandler(() -> {
      state.clientGone = true;
      if (state.computing) {
        result.cancel();
      }
    });
    BackpressureStrategy backpressure = new BackpressureStrategy.CallbackBackpressureStrategy();
    backpressure.register(listener);
    try (VectorSchemaRoot root = VectorSchemaRoot.create(result.schema(), allocator)) {
      listener.start(root);
      while (true) {
        Batch batch = next(result, state);
        if (batch == null) {
          break;
        }
        try (Batch sent = batch) {
          if (!awaitReady(backpressure, listener)) {
            return;
          }
          moveInto(sent, root);
          listener.putNext();
        } finally {
          root.clear();
        }
      }
      if (!state.clientGone) {
        listener.completed();
      }
    } catch (RuntimeException e) {
      if (!state.clientGone && !listener.isCancelled()) {
        listener.error(FlightErrors.toFlight(e));
      }
    }
  }

  /** The next batch, or null at the end or once the client went away. */
  private static Batch next(QueryResult result, StreamState state) {
    state.computing = true;
    try {
      return state.clientGone ? null : result.next();
    } finally {
      state.computing = false;
    }
  }

  /** Whether the client can take the next batch; false once it cancelled. */
  private static boolean awaitReady(BackpressureStrategy backpressure, ServerStreamListener listener) {
    while (true) {
      BackpressureStrategy.WaitResult result = backpressure.waitForListener(READY_POLL_MILLIS);
      if (result == BackpressureStrategy.WaitResult.READY) {
        return true;
      }
      if (result == BackpressureStrategy.WaitResult.CANCELLED || listener.isCancelled()) {
        return false;
      }
    }
  }

  private static void moveInto(Batch batch, VectorSchemaRoot root) {
    if (batch.columnCount() != root.getFieldVectors().size()) {
      throw new TarnException(ErrorCode.INTERNAL_ERROR, null, "A batch of " + batch.columnCount()
          + " columns in a result of " + root.getFieldVectors().size());
    }
    for (int index = 0; index < batch.columnCount(); index++) {
      FieldVector source = batch.column(index);
      FieldVector target = root.getVector(index);
      if (source.getClass() != target.getClass()) {
        throw new TarnException(ErrorCode.INTERNAL_ERROR, target.getName(), "Column " + target.getName()
            + " is " + source.getClass().getSimpleName() + " in a batch but " + target.getClass().getSimpleName()
            + " in the result's schema");
      }
      source.makeTransferPair(target).transfer();
    }
    root.setRowCount(batch.rowCount());
  }
}
