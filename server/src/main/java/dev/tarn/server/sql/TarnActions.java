package dev.tarn.server.sql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tarn.catalog.model.GlueJson;
import dev.tarn.catalog.store.CatalogStore;
import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.server.protocol.CatalogCall;
import dev.tarn.server.protocol.PartitionFilterJson;
import dev.tarn.server.protocol.ProtocolJson;
import dev.tarn.server.protocol.SessionInfo;
import dev.tarn.server.protocol.TarnProtocol;
import dev.tarn.server.session.ClientSession;
import dev.tarn.server.session.OpenResults;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.flight.ActionType;

/**
 * Tarn's own actions, which its remote JDBC client uses to behave as an embedded connection: the session
 * ({@link TarnProtocol#ACTION_SESSION}), reads of the catalog store in the Glue model
 * ({@link TarnProtocol#ACTION_CATALOG}), a query's statistics ({@link TarnProtocol#ACTION_STATISTICS}) and closing a
 * result it will not fetch ({@link TarnProtocol#ACTION_CLOSE_RESULT}).
 */
final class TarnActions {

  static final List<ActionType> TYPES = List.of(
      new ActionType(TarnProtocol.ACTION_SESSION, "The caller's session; {\"database\": name} changes its database"),
      new ActionType(TarnProtocol.ACTION_CATALOG, "One read of the catalog store, answered in Glue JSON"),
      new ActionType(TarnProtocol.ACTION_STATISTICS, "The statistics of a query of the caller"),
      new ActionType(TarnProtocol.ACTION_CLOSE_RESULT, "Closes a result of the caller that will not be fetched"));

  private final CatalogStore catalog;
  private final OpenResults results;
  private final String version;

  TarnActions(CatalogStore catalog, OpenResults results, String version) {
    this.catalog = catalog;
    this.results = results;
    this.version = version;
  }

  static boolean handles(String type) {
    return TYPES.stream().anyMatch(action -> action.getType().equals(type));
  }

  /** The JSON answer of action {@code type} with {@code body}, on {@code session}. */
  byte[] run(String type, byte[] body, ClientSession session) {
    return switch (type) {
      case TarnProtocol.ACTION_SESSION -> session(body, session);
      case TarnProtocol.ACTION_CATALOG -> catalog(CatalogCall.fromJson(body));
      case TarnProtocol.ACTION_STATISTICS ->
          ProtocolJson.write(results.statistics(session.identity(), new String(body, StandardCharsets.UTF_8)));
      case TarnProtocol.ACTION_CLOSE_RESULT -> {
        results.closeUnfetched(session.identity(), new String(body, StandardCharsets.UTF_8));
        yield new byte[0];
      }
      default -> throw new TarnException(ErrorCode.NOT_SUPPORTED, type, "Unknown action " + type);
    };
  }

  private byte[] session(byte[] body, ClientSession session) {
    if (body.length > 0) {
      JsonNode request = ProtocolJson.read(body, JsonNode.class);
      if (request.hasNonNull("database")) {
        session.setCurrentDatabase(request.get("database").asText());
      }
    }
    return ProtocolJson.write(new SessionInfo(session.currentDatabase(), session.identity(), version));
  }

  private byte[] catalog(CatalogCall call) {
    Object answer = switch (call.method()) {
      case LIST_DATABASES -> catalog.listDatabases();
      case GET_DATABASE -> catalog.getDatabase(call.database()).orElse(null);
      case LIST_TABLES -> catalog.listTables(call.database());
      case LIST_ALL_TABLES -> catalog.listAllTables();
      case GET_TABLE -> catalog.getTable(call.database(), call.table()).orElse(null);
      case LIST_PARTITIONS -> catalog.listPartitions(call.database(), call.table(),
          PartitionFilterJson.read(call.filter()));
      case COUNT_PARTITIONS -> catalog.countPartitions(call.database(), call.table());
      case CHANGE_TOKEN -> catalog.changeToken();
    };
    return GlueJson.write(answer).getBytes(StandardCharsets.UTF_8);
  }
}
