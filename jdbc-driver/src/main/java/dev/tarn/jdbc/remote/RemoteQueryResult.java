package dev.tarn.jdbc.remote;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.api.QueryFailedException;
import dev.tarn.engine.api.QueryResult;
import dev.tarn.engine.api.QueryStatistics;
import dev.tarn.engine.exec.Batch;
import dev.tarn.server.protocol.ExecutionMetadata;
import dev.tarn.server.protocol.FlightErrors;
import dev.tarn.server.protocol.ProtocolJson;
import dev.tarn.server.protocol.TarnProtocol;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.flight.CancelFlightInfoRequest;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.TransferPair;

/**
 * A server's result as an engine {@link QueryResult}: the Flight stream's batches become engine {@link Batch}es by
 * transferring their vectors into this result's allocator (no copy, no rows), so the JDBC result sets read them
 * exactly as they read an embedded query's. Statistics come from the server (live while the query runs, final
 * once it ended); cancel asks the server to cancel the query and stops the stream.
 */
final class RemoteQueryResult implements QueryResult {

  private final FlightChannel channel;
  private final FlightInfo info;
  private final ExecutionMetadata metadata;
  private final BufferAllocator allocator;
  private volatile FlightStream stream;
  private volatile boolean cancelled;
  private volatile boolean ended;
  private volatile QueryStatistics lastStatistics = QueryStatistics.EMPTY;
  private volatile QueryStatistics finalStatistics;
  private boolean closed;

  RemoteQueryResult(FlightChannel channel, FlightInfo info, ExecutionMetadata metadata) {
    this.channel = channel;
    this.info = info;
    this.metadata = metadata;
    this.allocator = channel.allocator().newChildAllocator("query-" + metadata.queryId(), 0, Long.MAX_VALUE);
    this.ended = info.getEndpoints().isEmpty();
  }

  @Override
  public String queryId() {
    return metadata.queryId();
  }

  @Override
  public Schema schema() {
    return info.getSchema();
  }

  @Override
  public boolean hasResultSet() {
    return !info.getSchema().getFields().isEmpty();
  }

  @Override
  public long updateCount() {
    return metadata.updateCount();
  }

  /**
   * Batches: the server runs the query as the stream is read, so the stream is opened at the first call (a result
   * closed before it is read is closed on the server without running, as embedded).
   */
  @Override
  public Batch next() {
    if (ended || closed) {
      return null;
    }
    if (cancelled) {
      ended = true;
      throw cancelledFailure(null);
    }
    try {
      if (stream == null) {
        stream = channel.sql().getStream(info.getEndpoints().get(0).getTicket(), channel.callOptions());
      }
      if (!stream.next()) {
        ended = true;
        return null;
      }
    } catch (FlightRuntimeException e) {
      ended = true;
      throw failure(e);
    }
    if (cancelled) {
      ended = true;
      throw cancelledFailure(null);
    }
    VectorSchemaRoot root = stream.getRoot();
    List<FieldVector> vectors = new ArrayList<>(root.getFieldVectors().size());
    for (FieldVector vector : root.getFieldVectors()) {
      TransferPair transfer = vector.getTransferPair(allocator);
      transfer.transfer();
      vectors.add((FieldVector) transfer.getTo());
    }
    return new Batch(vectors, root.getRowCount());
  }

  private QueryFailedException failure(FlightRuntimeException error) {
    TarnException tarn = FlightErrors.toTarn(error);
    if (cancelled || tarn.code() == ErrorCode.CANCELLED) {
      return cancelledFailure(error);
    }
    if (tarn instanceof QueryFailedException failed) {
      finalStatistics = failed.statistics();
      return failed;
    }
    return new QueryFailedException(queryId(), statistics(), tarn);
  }

  private QueryFailedException cancelledFailure(Throwable cause) {
    TarnException cancel = new TarnException(ErrorCode.CANCELLED, queryId(), "Query " + queryId()
        + " was cancelled", cause);
    return new QueryFailedException(queryId(), statistics(), cancel);
  }

  /**
   * The server's figures for this query: live while it runs, final once it ended (then asked once and kept).
   * Never fails: if the server cannot be asked, the last figures known.
   */
  @Override
  public QueryStatistics statistics() {
    QueryStatistics known = finalStatistics;
    if (known != null) {
      return known;
    }
    boolean finished = ended || closed;
    try {
      QueryStatistics current = ProtocolJson.read(channel.action(TarnProtocol.ACTION_STATISTICS,
          queryId().getBytes(StandardCharsets.UTF_8)), QueryStatistics.class);
      lastStatistics = current;
      if (finished) {
        finalStatistics = current;
      }
      return current;
    } catch (RuntimeException unreachable) {
      return lastStatistics;
    }
  }

  @Override
  public void cancel() {
    cancelled = true;
    if (info.getEndpoints().isEmpty()) {
      return;
    }
    try {
      channel.sql().cancelFlightInfo(new CancelFlightInfoRequest(info), channel.callOptions());
    } catch (FlightRuntimeException finishedOrGone) {
      // The stream's own cancellation below still stops the server's work for this query.
    }
    FlightStream open = stream;
    if (open != null) {
      open.cancel("Query " + queryId() + " was cancelled", null);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (stream != null) {
        stream.close();
      } else if (!ended && !cancelled) {
        channel.action(TarnProtocol.ACTION_CLOSE_RESULT, queryId().getBytes(StandardCharsets.UTF_8));
      }
    } catch (Exception serverSideFailure) {
      // Closing discards the rest of the result, so how the server's side ended does not matter here.
    } finally {
      allocator.close();
    }
  }
}
