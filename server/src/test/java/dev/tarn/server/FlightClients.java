package dev.tarn.server;

import dev.tarn.server.auth.AuthConfig;
import dev.tarn.server.auth.PasswordHash;
import dev.tarn.server.auth.TokenHash;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.client.ClientCookieMiddleware;
import org.apache.arrow.flight.grpc.CredentialCallOption;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Flight SQL clients for server tests, and the credentials the test servers accept. */
final class FlightClients {

  static final String USER = "alice";
  static final String PASSWORD = "wonder land";
  static final String TOKEN = "ci-token-0123456789abcdef";

  private FlightClients() {}

  /** Alice with her password and a token named {@code ci}; no anonymous access. */
  static AuthConfig credentials() {
    return new AuthConfig(Map.of(USER, PasswordHash.hash(PASSWORD.toCharArray())), Map.of("ci", TokenHash.hash(TOKEN)),
        false);
  }

  /** A client connection as Flight SQL clients make one: cookies kept, authenticated by a Basic handshake. */
  static final class Connection implements AutoCloseable {
    final FlightClient client;
    final FlightSqlClient sql;
    final CallOption[] options;

    Connection(BufferAllocator allocator, Location location, String user, String password) {
      client = FlightClient.builder(allocator, location).intercept(new ClientCookieMiddleware.Factory()).build();
      sql = new FlightSqlClient(client);
      CredentialCallOption bearer = client.authenticateBasicToken(user, password).orElseThrow();
      options = new CallOption[] {bearer};
    }

    /** All rows of a statement's result, values as strings (null stays null). */
    List<List<String>> query(String statement) throws Exception {
      return rows(sql.execute(statement, options));
    }

    List<List<String>> rows(FlightInfo info) throws Exception {
      List<List<String>> rows = new ArrayList<>();
      for (FlightEndpoint endpoint : info.getEndpoints()) {
        try (FlightStream stream = sql.getStream(endpoint.getTicket(), options)) {
          while (stream.next()) {
            rows.addAll(FlightClients.rows(stream.getRoot()));
          }
        }
      }
      return rows;
    }

    @Override
    public void close() throws Exception {
      sql.close();
    }
  }

  static List<List<String>> rows(VectorSchemaRoot root) {
    List<List<String>> rows = new ArrayList<>();
    for (int row = 0; row < root.getRowCount(); row++) {
      List<String> values = new ArrayList<>();
      for (FieldVector vector : root.getFieldVectors()) {
        Object value = vector instanceof DateDayVector days && !days.isNull(row)
            ? LocalDate.ofEpochDay(days.get(row)) : vector.getObject(row);
        values.add(value == null ? null : value.toString());
      }
      rows.add(values);
    }
    return rows;
  }
}
