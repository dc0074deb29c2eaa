package dev.tarn.jdbc.remote;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarn.engine.api.QueryResult;
import dev.tarn.engine.api.StatementDescription;
import dev.tarn.engine.api.TarnSession;
import dev.tarn.server.protocol.ExecutionMetadata;
import dev.tarn.server.protocol.ProtocolJson;
import dev.tarn.server.protocol.SessionInfo;
import dev.tarn.server.protocol.StatementRequest;
import dev.tarn.server.protocol.TarnProtocol;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.sql.FlightSqlClient;

/**
 * A session on a Tarn server, behind the same {@link TarnSession} contract as an embedded one, so the JDBC
 * classes work unchanged. Statements run as Flight SQL statements; with parameters, as Tarn's
 * {@link StatementRequest} (values as typed JSON: binding them the Flight SQL way would write Arrow IPC, which
 * needs JVM flags). Each answer carries the session's current database, which {@code USE} changes on the server.
 * Parameter counts and descriptions come from Flight SQL prepared statements, kept per SQL text. It owns its
 * {@link FlightChannel} and closes it.
 */
public final class RemoteSession implements TarnSession {

  /** Prepared statements kept per SQL text: a JDBC PreparedStatement executed again reuses its server handle. */
  private static final int PREPARED_CACHE = 16;

  private final FlightChannel channel;
  private final Map<String, FlightSqlClient.PreparedStatement> prepared = new LinkedHashMap<>(16, 0.75f, true);
  private String currentDatabase;

  private RemoteSession(FlightChannel channel, String currentDatabase) {
    this.channel = channel;
    this.currentDatabase = currentDatabase;
  }

  /**
   * Opens a session on the server {@code options} names, in {@code database} (null: the server's default);
   * fails with AUTHENTICATION_FAILED (SQLSTATE 28000) or CONNECTION_FAILED (08001) as the server answers.
   */
  public static RemoteSession open(RemoteOptions options, String database) {
    FlightChannel channel = FlightChannel.open(options);
    try {
      SessionInfo session = ProtocolJson.read(channel.action(TarnProtocol.ACTION_SESSION, databaseRequest(database)),
          SessionInfo.class);
      return new RemoteSession(channel, session.currentDatabase());
    } catch (RuntimeException e) {
      try {
        channel.close();
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  private static byte[] databaseRequest(String database) {
    if (database == null) {
      return new byte[0];
    }
    ObjectNode request = JsonNodeFactory.instance.objectNode();
    request.put("database", database);
    return ProtocolJson.write(request);
  }

  /** The channel, for the read-only catalog store that answers metadata from the server. */
  public FlightChannel channel() {
    return channel;
  }

  @Override
  public String currentDatabase() {
    return currentDatabase;
  }

  @Override
  public void setCurrentDatabase(String database) {
    SessionInfo session = ProtocolJson.read(channel.action(TarnProtocol.ACTION_SESSION, databaseRequest(database)),
        SessionInfo.class);
    currentDatabase = session.currentDatabase();
  }

  @Override
  public QueryResult execute(String sql, List<Object> parameters) {
    FlightInfo info = parameters.isEmpty()
        ? channel.call(() -> channel.sql().execute(sql, channel.callOptions()))
        : channel.call(() -> channel.client().getInfo(
            FlightDescriptor.command(StatementRequest.of(sql, parameters).toCommand()), channel.callOptions()));
    ExecutionMetadata metadata = ExecutionMetadata.fromJson(info.getAppMetadata());
    currentDatabase = metadata.currentDatabase();
    return new RemoteQueryResult(channel, info, metadata);
  }

  @Override
  public int parameterCount(String sql) {
    return prepared(sql).getParameterSchema().getFields().size();
  }

  @Override
  public StatementDescription describe(String sql) {
    FlightSqlClient.PreparedStatement statement = prepared(sql);
    return new StatementDescription(statement.getResultSetSchema(), statement.getParameterSchema().getFields());
  }

  /** The server's prepared statement for {@code sql}, prepared once and kept while recently used. */
  private FlightSqlClient.PreparedStatement prepared(String sql) {
    FlightSqlClient.PreparedStatement statement = prepared.get(sql);
    if (statement != null) {
      return statement;
    }
    statement = channel.call(() -> channel.sql().prepare(sql, channel.callOptions()));
    prepared.put(sql, statement);
    if (prepared.size() > PREPARED_CACHE) {
      String eldest = prepared.keySet().iterator().next();
      close(prepared.remove(eldest));
    }
    return statement;
  }

  private void close(FlightSqlClient.PreparedStatement statement) {
    try {
      statement.close(channel.callOptions());
    } catch (RuntimeException serverGone) {
      // The server drops prepared statements with their session.
    }
  }

  @Override
  public void close() {
    try {
      prepared.values().forEach(this::close);
      prepared.clear();
    } finally {
      channel.close();
    }
  }
}
