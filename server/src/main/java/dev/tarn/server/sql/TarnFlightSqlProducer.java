package dev.tarn.server.sql;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.tarn.engine.api.TarnEngine;
import dev.tarn.server.protocol.FlightErrors;
import dev.tarn.server.protocol.StatementRequest;
import dev.tarn.server.session.ClientSession;
import dev.tarn.server.session.ClientSessions;
import dev.tarn.server.session.OpenResults;
import dev.tarn.server.session.PreparedQueries;
import dev.tarn.server.session.PreparedQuery;
import dev.tarn.server.session.SessionCookieMiddleware;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.arrow.flight.Action;
import org.apache.arrow.flight.ActionType;
import org.apache.arrow.flight.CancelFlightInfoRequest;
import org.apache.arrow.flight.CancelStatus;
import org.apache.arrow.flight.CloseSessionRequest;
import org.apache.arrow.flight.CloseSessionResult;
import org.apache.arrow.flight.Criteria;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.GetSessionOptionsRequest;
import org.apache.arrow.flight.GetSessionOptionsResult;
import org.apache.arrow.flight.PutResult;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.SchemaResult;
import org.apache.arrow.flight.SetSessionOptionsRequest;
import org.apache.arrow.flight.SetSessionOptionsResult;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.flight.sql.FlightSqlProducer;
import org.apache.arrow.flight.sql.FlightSqlUtils;
import org.apache.arrow.flight.sql.SqlInfoBuilder;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionClosePreparedStatementRequest;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionCreatePreparedStatementRequest;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetCatalogs;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetCrossReference;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetDbSchemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetExportedKeys;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetImportedKeys;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetPrimaryKeys;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetSqlInfo;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetTableTypes;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetTables;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetXdbcTypeInfo;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandPreparedStatementQuery;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandPreparedStatementUpdate;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementQuery;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementUpdate;
import org.apache.arrow.flight.sql.impl.FlightSql.TicketStatementQuery;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Arrow Flight SQL over one engine. Each client connection has its own {@link ClientSession} (found by its
 * session cookie), so its current database and prepared statements are its own; many clients run concurrently,
 * each call on its own thread. Statements: {@link StatementCommands}; catalog commands: {@link MetadataStreams};
 * Tarn's own actions: {@link TarnActions}. Every failure reaches the client through {@link FlightErrors}.
 */
public final class TarnFlightSqlProducer implements FlightSqlProducer {

  private final ClientSessions sessions;
  private final OpenResults results;
  private final BufferAllocator allocator;
  private final StatementCommands statements;
  private final MetadataStreams metadata;
  private final TarnActions actions;
  private final SqlInfoBuilder sqlInfo;

  /**
   * @param results the executed results waiting to be fetched; closed with the producer
   * @param version the server version GetSqlInfo and the session action report
   */
  public TarnFlightSqlProducer(TarnEngine engine, ClientSessions sessions, OpenResults results,
      PreparedQueries prepared, String version) {
    this.sessions = sessions;
    this.results = results;
    this.allocator = engine.rootAllocator().newChildAllocator("flight-server", 0, Long.MAX_VALUE);
    this.statements = new StatementCommands(allocator, results, prepared);
    this.metadata = new MetadataStreams(engine.catalog(), allocator);
    this.actions = new TarnActions(engine.catalog(), results, version);
    this.sqlInfo = SqlInfos.build(version, SqlInfos.arrowVersion());
  }

  private ClientSessions.Call enter(CallContext context) {
    SessionCookieMiddleware cookie = context.getMiddleware(SessionCookieMiddleware.KEY);
    return sessions.enter(cookie.sessionKey(), context.peerIdentity());
  }

  /** Runs {@code action} in the caller's session; failures become Flight errors. */
  private <T> T inSession(CallContext context, Function<ClientSession, T> action) {
    try (ClientSessions.Call call = enter(context)) {
      return action.apply(call.session());
    } catch (RuntimeException e) {
      throw FlightErrors.toFlight(e);
    }
  }

  /** Runs {@code action} in the caller's session; failures go to {@code onError}. */
  private void inSession(CallContext context, Consumer<ClientSession> action, Consumer<Throwable> onError) {
    try (ClientSessions.Call call = enter(context)) {
      action.accept(call.session());
    } catch (RuntimeException e) {
      onError.accept(FlightErrors.toFlight(e));
    }
  }

  // Statements

  /** Tarn's own statement command (a statement with parameter values) first, then Flight SQL's commands. */
  @Override
  public FlightInfo getFlightInfo(CallContext context, FlightDescriptor descriptor) {
    StatementRequest request = descriptor.isCommand() ? StatementRequest.fromCommand(descriptor.getCommand()) : null;
    if (request == null) {
      return FlightSqlProducer.super.getFlightInfo(context, descriptor);
    }
    return inSession(context, session -> statements.execute(session, request.sql(), request.values(), descriptor));
  }

  @Override
  public FlightInfo getFlightInfoStatement(CommandStatementQuery command, CallContext context,
      FlightDescriptor descriptor) {
    return inSession(context, session -> statements.execute(session, command.getQuery(), List.of(), descriptor));
  }

  @Override
  public FlightInfo getFlightInfoPreparedStatement(CommandPreparedStatementQuery command, CallContext context,
      FlightDescriptor descriptor) {
    return inSession(context, session -> {
      PreparedQuery prepared = statements.prepared(session, command.getPreparedStatementHandle().toStringUtf8());
      return statements.execute(session, prepared.sql(), prepared.queryParameters(), descriptor);
    });
  }

  @Override
  public SchemaResult getSchemaStatement(CommandStatementQuery command, CallContext context,
      FlightDescriptor descriptor) {
    return inSession(context, session -> new SchemaResult(session.describe(command.getQuery()).resultSchema()));
  }

  @Override
  public SchemaResult getSchemaPreparedStatement(CommandPreparedStatementQuery command, CallContext context,
      FlightDescriptor descriptor) {
    return inSession(context, session -> new SchemaResult(statements.prepared(session,
        command.getPreparedStatementHandle().toStringUtf8()).description().resultSchema()));
  }

  @Override
  public void getStreamStatement(TicketStatementQuery ticket, CallContext context, ServerStreamListener listener) {
    inSession(context, session -> statements.stream(session, StatementCommands.queryId(ticket), listener),
        listener::error);
  }

  @Override
  public void getStreamPreparedStatement(CommandPreparedStatementQuery command, CallContext context,
      ServerStreamListener listener) {
    inSession(context, session -> statements.streamPrepared(session,
        statements.prepared(session, command.getPreparedStatementHandle().toStringUtf8()), listener),
        listener::error);
  }

  @Override
  public void createPreparedStatement(ActionCreatePreparedStatementRequest request, CallContext context,
      StreamListener<Result> listener) {
    inSession(context, session -> statements.prepare(session, request.getQuery(), listener), listener::onError);
  }

  @Override
  public void closePreparedStatement(ActionClosePreparedStatementRequest request, CallContext context,
      StreamListener<Result> listener) {
    inSession(context, session -> {
      statements.closePrepared(session, request.getPreparedStatementHandle().toStringUtf8());
      listener.onCompleted();
    }, listener::onError);
  }

  @Override
  public Runnable acceptPutStatement(CommandStatementUpdate command, CallContext context, FlightStream stream,
      StreamListener<PutResult> ack) {
    return () -> inSession(context, session -> statements.update(session, command.getQuery(), ack), ack::onError);
  }

  @Override
  public Runnable acceptPutPreparedStatementUpdate(CommandPreparedStatementUpdate command, CallContext context,
      FlightStream stream, StreamListener<PutResult> ack) {
    return () -> inSession(context, session -> statements.updatePrepared(session,
        statements.prepared(session, command.getPreparedStatementHandle().toStringUtf8()), stream, ack),
        ack::onError);
  }

  @Override
  public Runnable acceptPutPreparedStatementQuery(CommandPreparedStatementQuery command, CallContext context,
      FlightStream stream, StreamListener<PutResult> ack) {
    String handle = command.getPreparedStatementHandle().toStringUtf8();
    return () -> inSession(context, session -> statements.bind(statements.prepared(session, handle), handle, stream,
        ack), ack::onError);
  }

  @Override
  public void cancelFlightInfo(CancelFlightInfoRequest request, CallContext context,
      StreamListener<CancelStatus> listener) {
    inSession(context, session -> {
      boolean cancelled = false;
      for (FlightEndpoint endpoint : request.getInfo().getEndpoints()) {
        cancelled |= statements.cancel(session, StatementCommands.queryId(
            unpack(endpoint.getTicket().getBytes(), TicketStatementQuery.class)));
      }
      listener.onNext(cancelled ? CancelStatus.CANCELLED : CancelStatus.NOT_CANCELLABLE);
      listener.onCompleted();
    }, listener::onError);
  }

  // Sessions

  @Override
  public void closeSession(CloseSessionRequest request, CallContext context,
      StreamListener<CloseSessionResult> listener) {
    try {
      sessions.close(context.getMiddleware(SessionCookieMiddleware.KEY).sessionKey().id());
      listener.onNext(new CloseSessionResult(CloseSessionResult.Status.CLOSED));
      listener.onCompleted();
    } catch (RuntimeException e) {
      listener.onError(FlightErrors.toFlight(e));
    }
  }

  @Override
  public void setSessionOptions(SetSessionOptionsRequest request, CallContext context,
      StreamListener<SetSessionOptionsResult> listener) {
    inSession(context, session -> {
      listener.onNext(SessionOptions.set(session, request.getSessionOptions()));
      listener.onCompleted();
    }, listener::onError);
  }

  @Override
  public void getSessionOptions(GetSessionOptionsRequest request, CallContext context,
      StreamListener<GetSessionOptionsResult> listener) {
    inSession(context, session -> {
      listener.onNext(SessionOptions.get(session));
      listener.onCompleted();
    }, listener::onError);
  }

  // Tarn's actions

  @Override
  public void doAction(CallContext context, Action action, StreamListener<Result> listener) {
    if (!TarnActions.handles(action.getType())) {
      FlightSqlProducer.super.doAction(context, action, listener);
      return;
    }
    inSession(context, session -> {
      listener.onNext(new Result(actions.run(action.getType(), action.getBody(), session)));
      listener.onCompleted();
    }, listener::onError);
  }

  @Override
  public void listActions(CallContext context, StreamListener<ActionType> listener) {
    List<ActionType> types = new ArrayList<>(FlightSqlUtils.FLIGHT_SQL_ACTIONS);
    types.addAll(TarnActions.TYPES);
    types.forEach(listener::onNext);
    listener.onCompleted();
  }

  /** Tarn has no standing flights: results exist only for the statements a session executes. */
  @Override
  public void listFlights(CallContext context, Criteria criteria, StreamListener<FlightInfo> listener) {
    listener.onCompleted();
  }

  // Catalog commands: the ticket is the command itself.

  private static FlightInfo commandInfo(Message command, FlightDescriptor descriptor, Schema schema) {
    Ticket ticket = new Ticket(Any.pack(command).toByteArray());
    return FlightInfo.builder(schema, descriptor, List.of(new FlightEndpoint(ticket))).build();
  }

  @Override
  public FlightInfo getFlightInfoSqlInfo(CommandGetSqlInfo request, CallContext context,
      FlightDescriptor descriptor) {
    return commandInfo(request, descriptor, Schemas.GET_SQL_INFO_SCHEMA);
  }

  @Override
  public void getStreamSqlInfo(CommandGetSqlInfo command, CallContext context, ServerStreamListener listener) {
    List<Integer> infos = SqlInfos.provided(command.getInfoList());
    if (infos.isEmpty()) {
      metadata.empty(Schemas.GET_SQL_INFO_SCHEMA, listener);
    } else {
      sqlInfo.send(infos, listener);
    }
  }

  @Override
  public FlightInfo getFlightInfoTypeInfo(CommandGetXdbcTypeInfo request, CallContext context,
      FlightDescriptor descriptor) {
    return commandInfo(request, descriptor, Schemas.GET_TYPE_INFO_SCHEMA);
  }

  @Override
  public void getStreamTypeInfo(CommandGetXdbcTypeInfo request, CallContext context, ServerStreamListener listener) {
    VectorRows.send(Schemas.GET_TYPE_INFO_SCHEMA, XdbcTypeInfo.rows(request.hasDataType() ? request.getDataType()
        : null), listener, allocator);
  }

  @Override
  public FlightInfo getFlightInfoCatalogs(CommandGetCatalogs request, CallContext context,
      FlightDescriptor descriptor) {
    return commandInfo(request, descriptor, Schemas.GET_CATALOGS_SCHEMA);
  }

  @Override
  public void getStreamCatalogs(CallContext context, ServerStreamListener listener) {
    catalogAnswer(listener, () -> metadata.catalogs(listener));
  }

  @Override
  public FlightInfo getFlightInfoSchemas(CommandGetDbSchemas request, CallContext context,
      FlightDescriptor descriptor) {
    return commandInfo(request, descriptor, Schemas.GET_SCHEMAS_SCHEMA);
  }

  @Override
  public void getStreamSchemas(CommandGetDbSchemas command, CallContext context, ServerStreamListener listener) {
    catalogAnswer(listener, () -> metadata.schemas(command, listener));
  }

  @Override
  public FlightInfo getFlightInfoTables(CommandGetTables request, CallContext context, FlightDescriptor descriptor) {
    return commandInfo(request, descriptor, request.getIncludeSchema() ? Schemas.GET_TABLES_SCHEMA
        : Schemas.GET_TABLES_SCHEMA_NO_SCHEMA);
  }

  @Override
  public void getStreamTables(CommandGetTables command, CallContext context, ServerStreamListener listener) {
    catalogAnswer(listener, () -> metadata.tables(command, listener));
  }

  @Override
  public FlightInfo getFlightInfoTableTypes(CommandGetTableTypes request, CallContext context,
      FlightDescriptor descriptor) {
    return commandInfo(request, descriptor, Schemas.GET_TABLE_TYPES_SCHEMA);
  }

  @Override
  public void getStreamTableTypes(CallContext context, ServerStreamListener listener) {
    catalogAnswer(listener, () -> metadata.tableTypes(listener));
  }

  @Override
  public FlightInfo getFlightInfoPrimaryKeys(CommandGetPrimaryKeys request, CallContext context,
      FlightDescriptor descriptor) {
    return commandInfo(request, descriptor, Schemas.GET_PRIMARY_KEYS_SCHEMA);
  }

  @Override
  public void getStreamPrimaryKeys(CommandGetPrimaryKeys command, CallContext context,
      ServerStreamListener listener) {
    metadata.empty(Schemas.GET_PRIMARY_KEYS_SCHEMA, listener);
  }

  @Override
  public FlightInfo getFlightInfoExportedKeys(CommandGetExportedKeys request, CallContext context,
      FlightDescriptor descriptor) {
    return commandInfo(request, descriptor, Schemas.GET_EXPORTED_KEYS_SCHEMA);
  }

  @Override
  public FlightInfo getFlightInfoImportedKeys(CommandGetImportedKeys request, CallContext context,
      FlightDescriptor descriptor) {
    return commandInfo(request, descriptor, Schemas.GET_IMPORTED_KEYS_SCHEMA);
  }

  @Override
  public FlightInfo getFlightInfoCrossReference(CommandGetCrossReference request, CallContext context,
      FlightDescriptor descriptor) {
    return commandInfo(request, descriptor, Schemas.GET_CROSS_REFERENCE_SCHEMA);
  }

  @Override
  public void getStreamExportedKeys(CommandGetExportedKeys command, CallContext context,
      ServerStreamListener listener) {
    metadata.empty(Schemas.GET_EXPORTED_KEYS_SCHEMA, listener);
  }

  @Override
  public void getStreamImportedKeys(CommandGetImportedKeys command, CallContext context,
      ServerStreamListener listener) {
    metadata.empty(Schemas.GET_IMPORTED_KEYS_SCHEMA, listener);
  }

  @Override
  public void getStreamCrossReference(CommandGetCrossReference command, CallContext context,
      ServerStreamListener listener) {
    metadata.empty(Schemas.GET_CROSS_REFERENCE_SCHEMA, listener);
  }

  private static void catalogAnswer(ServerStreamListener listener, Runnable answer) {
    try {
      answer.run();
    } catch (RuntimeException e) {
      listener.error(FlightErrors.toFlight(e));
    }
  }

  private static <T extends Message> T unpack(byte[] bytes, Class<T> type) {
    try {
      return Any.parseFrom(bytes).unpack(type);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("Not a " + type.getSimpleName() + " ticket: " + e.getMessage(), e);
    }
  }

  /** Cancels every running or waiting query, so that the streams in progress end soon (server shutdown). */
  public void cancelAll() {
    results.close();
  }

  /** Closes the sessions and checks that every buffer on its way out came back; call once no call runs. */
  @Override
  public void close() {
    try {
      results.close();
      sessions.close();
    } finally {
      allocator.close();
    }
  }
}
