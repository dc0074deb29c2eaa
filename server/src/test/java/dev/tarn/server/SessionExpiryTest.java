package dev.tarn.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.api.TarnEngine;
import dev.tarn.server.auth.AuthConfig;
import dev.tarn.server.protocol.FlightErrors;
import dev.tarn.server.protocol.ProtocolJson;
import dev.tarn.server.protocol.SessionInfo;
import dev.tarn.server.protocol.TarnProtocol;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.arrow.flight.Action;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.client.ClientCookieMiddleware;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions are kept by their cookie while used, and an idle one is closed: its client is told, not reset silently. */
class SessionExpiryTest {

  @TempDir
  Path folder;

  @Test
  void anIdleSessionExpiresAndItsClientIsToldSo() throws Exception {
    ServerConfig config = ServerConfig.of(new AuthConfig(Map.of(), Map.of(), true)).withAddress("127.0.0.1", 0)
        .withTimeouts(Duration.ofMillis(600), Duration.ofMinutes(1));
    try (TarnEngine engine = TestWarehouse.open(folder);
        TarnServer server = TarnServer.start(engine, config);
        RootAllocator allocator = new RootAllocator();
        FlightClient client = FlightClient.builder(allocator, server.location())
            .intercept(new ClientCookieMiddleware.Factory()).build()) {
      assertThat(session(client, "{\"database\": \"shop\"}").currentDatabase()).isEqualTo("shop");
      for (int call = 0; call < 5; call++) {
        Thread.sleep(300);
        assertThat(session(client, "").currentDatabase()).as("kept while used").isEqualTo("shop");
      }
      Thread.sleep(2000);
      assertThatThrownBy(() -> session(client, ""))
          .isInstanceOfSatisfying(FlightRuntimeException.class, e -> {
            assertThat(e.status().code()).isEqualTo(FlightStatusCode.UNAVAILABLE);
            assertThat(FlightErrors.toTarn(e).code()).isEqualTo(ErrorCode.CONNECTION_FAILED);
            assertThat(e.status().description()).contains("session expired");
          });
    }
  }

  private static SessionInfo session(FlightClient client, String body) {
    return ProtocolJson.read(client.doAction(new Action(TarnProtocol.ACTION_SESSION,
        body.getBytes(StandardCharsets.UTF_8))).next().getBody(), SessionInfo.class);
  }
}
