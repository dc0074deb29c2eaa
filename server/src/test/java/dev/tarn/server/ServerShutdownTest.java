package dev.tarn.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.engine.api.TarnEngine;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping a server with a query streaming: the query is cancelled, the client told, and no memory is left behind. */
class ServerShutdownTest {

  @TempDir
  Path folder;

  @Test
  void closingTheServerCancelsRunningQueriesAndLeaksNothing() throws Exception {
    TarnEngine engine = TestWarehouse.open(folder);
    TarnServer server = TarnServer.start(engine, ServerConfig.of(FlightClients.credentials())
        .withAddress("127.0.0.1", 0));
    try (RootAllocator allocator = new RootAllocator();
        FlightClients.Connection alice = new FlightClients.Connection(allocator, server.location(),
            FlightClients.USER, FlightClients.PASSWORD)) {
      FlightInfo info = alice.sql.execute(TestWarehouse.LONG_QUERY, alice.options);
      CompletableFuture<Throwable> reading = CompletableFuture.supplyAsync(() -> {
        try (FlightStream stream = alice.sql.getStream(info.getEndpoints().get(0).getTicket(), alice.options)) {
          while (stream.next()) {
            // not reached before the shutdown
          }
          return null;
        } catch (Throwable e) {
          return e;
        }
      });
      Thread.sleep(500);
      long start = System.nanoTime();
      server.close();
      assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(10);
      assertThat(reading.get(30, TimeUnit.SECONDS)).isInstanceOf(FlightRuntimeException.class);
    } finally {
      engine.close();
    }
  }
}
