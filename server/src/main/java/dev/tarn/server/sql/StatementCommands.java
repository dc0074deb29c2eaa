package dev.tarn.server.sql;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.api.QueryResult;
import dev.tarn.engine.api.StatementDescription;
import dev.tarn.server.protocol.ExecutionMetadata;
import dev.tarn.server.protocol.ParameterValues;
import dev.tarn.server.session.ClientSession;
import dev.tarn.server.session.OpenResults;
import dev.tarn.server.session.PreparedQueries;
import dev.tarn.server.session.PreparedQuery;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.flight.FlightProducer.StreamListener;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.PutResult;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionCreatePreparedStatementResult;
import org.apache.arrow.flight.sql.impl.FlightSql.DoPutPreparedStatementResult;
import org.apache.arrow.flight.sql.impl.FlightSql.DoPutUpdateResult;
import org.apache.arrow.flight.sql.impl.FlightSql.TicketStatementQuery;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Flight SQL statements on a client's session. A query executes when its FlightInfo is asked for (so errors come
 * back from that call, and the query id travels in the ticket and the info's metadata); the result waits in the
 * session until the client fetches the ticket. Statements without a result set run to completion right away and
 * answer a FlightInfo with no endpoints (or an update count). Prepared statements are described, not run, when
 * prepared: that is how Arrow's JDBC driver tells queries from updates. Results and prepared statements belong to
 * the caller's identity, not to one session, so clients without cookies work too.
 */
final class StatementCommands {

  private final BufferAllocator allocator;
  private final ResultStreamer streamer;
  private final OpenResults results;
  private final PreparedQueries prepared;

  StatementCommands(BufferAllocator allocator, OpenResults results, PreparedQueries prepared) {
    this.allocator = allocator;
    this.streamer = new ResultStreamer(allocator);
    this.results = results;
    this.prepared = prepared;
  }

  /** The prepared statement {@code handle} of the caller. */
  PreparedQuery prepared(ClientSession session, String handle) {
    return prepared.get(session.identity(), handle);
  }

  void closePrepared(ClientSession session, String handle) {
    prepared.close(session.identity(), handle);
  }

  /** Cancels the caller's query {@code queryId}; false if it has no open result (finished, or never ran). */
  boolean cancel(ClientSession session, String queryId) {
    return results.cancel(session.identity(), queryId);
  }

  /** Runs a statement; a result set waits in the session under the ticket of the returned info. */
  FlightInfo execute(ClientSession session, String sql, List<Object> parameters, FlightDescriptor descriptor) {
    QueryResult result = session.execute(sql, parameters);
    String queryId = result.queryId();
    if (!result.hasResultSet()) {
      long updated = result.updateCount();
      Schema schema = result.schema();
      try {
        result.close();
      } finally {
        results.remember(session.identity(), queryId, result.statistics());
      }
      ExecutionMetadata metadata = new ExecutionMetadata(queryId, updated, session.currentDatabase());
      return FlightInfo.builder(schema, descriptor, List.of()).setAppMetadata(metadata.toJson()).build();
    }
    results.keep(session.identity(), result);
    ExecutionMetadata metadata = new ExecutionMetadata(queryId, -1, session.currentDatabase());
    return FlightInfo.builder(result.schema(), descriptor, List.of(new FlightEndpoint(ticket(queryId))))
        .setAppMetadata(metadata.toJson()).build();
  }

  /** The ticket of a waiting result: a Flight SQL statement ticket whose handle is the query id. */
  static Ticket ticket(String queryId) {
    TicketStatementQuery ticket = TicketStatementQuery.newBuilder()
        .setStatementHandle(ByteString.copyFromUtf8(queryId)).build();
    return new Ticket(Any.pack(ticket).toByteArray());
  }

  /** The query id in a ticket made by {@link #ticket}. */
  static String queryId(TicketStatementQuery ticket) {
    return ticket.getStatementHandle().toStringUtf8();
  }

  /** Streams the waiting result of {@code queryId}, then closes it. */
  void stream(ClientSession session, String queryId, ServerStreamListener listener) {
    QueryResult result = results.startStreaming(session.identity(), queryId);
    try {
      streamer.stream(result, listener);
    } finally {
      results.release(queryId);
    }
  }

  /** Runs a prepared statement and streams its rows directly (a client that fetches the prepared command). */
  void streamPrepared(ClientSession session, PreparedQuery prepared, ServerStreamListener listener) {
    try (QueryResult result = session.execute(prepared.sql(), prepared.queryParameters())) {
      try {
        streamer.stream(result, listener);
      } finally {
        results.remember(session.identity(), result.queryId(), result.statistics());
      }
    }
  }

  /** Prepares a statement and answers its handle and schemas, without running it. */
  void prepare(ClientSession session, String sql, StreamListener<Result> listener) {
    StatementDescription description = session.describe(sql);
    String handle = prepared.add(session.identity(), sql, description);
    ActionCreatePreparedStatementResult result = ActionCreatePreparedStatementResult.newBuilder()
        .setPreparedStatementHandle(ByteString.copyFromUtf8(handle))
        .setDatasetSchema(ByteString.copyFrom(description.resultSchema().serializeAsMessage()))
        .setParameterSchema(ByteString.copyFrom(new Schema(description.parameters()).serializeAsMessage()))
        .build();
    listener.onNext(new Result(Any.pack(result).toByteArray()));
    listener.onCompleted();
  }

  /** Binds the parameter rows a client sent for a prepared query. */
  void bind(PreparedQuery prepared, String handle, FlightStream parameters, StreamListener<PutResult> ack) {
    prepared.bind(rows(parameters));
    acknowledge(ack, DoPutPreparedStatementResult.newBuilder()
        .setPreparedStatementHandle(ByteString.copyFromUtf8(handle)).build());
  }

  /** Runs an update once per parameter row sent (or bound before) and answers the rows affected. */
  void updatePrepared(ClientSession session, PreparedQuery prepared, FlightStream parameters,
      StreamListener<PutResult> ack) {
    List<List<Object>> rows = rows(parameters);
    long total = 0;
    for (List<Object> row : rows.isEmpty() ? prepared.parameterRows() : rows) {
      total += update(session, prepared.sql(), row);
    }
    acknowledge(ack, DoPutUpdateResult.newBuilder().setRecordCount(total).build());
  }

  /** Runs an update without parameters and answers the rows affected. */
  void update(ClientSession session, String sql, StreamListener<PutResult> ack) {
    acknowledge(ack, DoPutUpdateResult.newBuilder().setRecordCount(update(session, sql, List.of())).build());
  }

  private long update(ClientSession session, String sql, List<Object> parameters) {
    try (QueryResult result = session.execute(sql, parameters)) {
      results.remember(session.identity(), result.queryId(), result.statistics());
      if (result.hasResultSet()) {
        throw new TarnException(ErrorCode.INVALID_ARGUMENT, result.queryId(),
            "The statement returns rows: run it as a query, not as an update");
      }
      return Math.max(result.updateCount(), 0);
    }
  }

  private static List<List<Object>> rows(FlightStream stream) {
    List<List<Object>> rows = new ArrayList<>();
    while (stream.next()) {
      VectorSchemaRoot root = stream.getRoot();
      for (int row = 0; row < root.getRowCount(); row++) {
        rows.add(ParameterValues.read(root, row));
      }
    }
    return rows;
  }

  private void acknowledge(StreamListener<PutResult> ack, Message message) {
    byte[] bytes = message.toByteArray();
    try (ArrowBuf buffer = allocator.buffer(bytes.length)) {
      buffer.writeBytes(bytes);
      ack.onNext(PutResult.metadata(buffer));
    }
    ack.onCompleted();
  }
}
