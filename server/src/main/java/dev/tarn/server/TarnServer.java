package dev.tarn.server;

import dev.tarn.engine.api.TarnEngine;
import dev.tarn.server.auth.TarnAuthenticator;
import dev.tarn.server.session.ClientSessions;
import dev.tarn.server.session.OpenResults;
import dev.tarn.server.session.PreparedQueries;
import dev.tarn.server.session.SessionCookieMiddleware;
import dev.tarn.server.sql.TarnFlightSqlProducer;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.Location;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A running Arrow Flight SQL server over one engine. It does not own the engine: close the server, then the
 * engine. Closing stops accepting calls, cancels the queries in progress, waits briefly for their calls to end and
 * closes every session; leaked Arrow memory then fails the close (the server's allocators) or the engine's.
 */
public final class TarnServer implements AutoCloseable {

  /** The Tarn version servers report; the jar's, or "dev" when run from classes. */
  public static final String VERSION = versionOf();
  private static final long SHUTDOWN_GRACE_SECONDS = 5;

  private final FlightServer server;
  private final TarnFlightSqlProducer producer;
  private final ScheduledExecutorService housekeeping;
  private final BufferAllocator allocator;
  private final Location location;

  private TarnServer(FlightServer server, TarnFlightSqlProducer producer, ScheduledExecutorService housekeeping,
      BufferAllocator allocator, Location location) {
    this.server = server;
    this.producer = producer;
    this.housekeeping = housekeeping;
    this.allocator = allocator;
    this.location = location;
  }

  /** Starts serving {@code engine} as {@code config} says; port 0 picks a free port. */
  public static TarnServer start(TarnEngine engine, ServerConfig config) throws IOException {
    if (!config.auth().allowsAnyone()) {
      throw new IllegalArgumentException("The server config has no users, no tokens and no anonymous access, so no"
          + " client could connect: add user.<name>=<hash> (tarn server hash-password), token.<name>=<digest>"
          + " (tarn server new-token) or anonymous=true");
    }
    TarnAuthenticator authenticator = new TarnAuthenticator(config.auth(), config.sessionIdleTimeout());
    ClientSessions sessions = new ClientSessions(engine, config.sessionIdleTimeout());
    OpenResults results = new OpenResults(config.resultTimeout());
    PreparedQueries prepared = new PreparedQueries(config.sessionIdleTimeout());
    TarnFlightSqlProducer producer = new TarnFlightSqlProducer(engine, sessions, results, prepared, VERSION);
    ScheduledExecutorService housekeeping = housekeeping(config, () -> {
      sessions.expireIdle();
      results.dropUnfetched();
      prepared.expireIdle();
      authenticator.expireIdleTokens();
    });
    BufferAllocator allocator = engine.rootAllocator().newChildAllocator("flight-transport", 0, Long.MAX_VALUE);
    Location requested = config.tls() == null ? Location.forGrpcInsecure(config.host(), config.port())
        : Location.forGrpcTls(config.host(), config.port());
    try {
      FlightServer.Builder builder = FlightServer.builder(allocator, requested, producer)
          .headerAuthenticator(authenticator)
          .middleware(SessionCookieMiddleware.KEY, new SessionCookieMiddleware.Factory(authenticator::isIssued));
      if (config.tls() != null) {
        builder.useTls(config.tls().certificateChain(), config.tls().key());
      }
      FlightServer server = builder.build().start();
      Location bound = config.tls() == null ? Location.forGrpcInsecure(config.host(), server.getPort())
          : Location.forGrpcTls(config.host(), server.getPort());
      return new TarnServer(server, producer, housekeeping, allocator, bound);
    } catch (IOException | RuntimeException e) {
      housekeeping.shutdownNow();
      producer.close();
      allocator.close();
      throw e;
    }
  }

  /** A daemon thread that expires idle sessions, tokens and prepared statements and drops unfetched results. */
  private static ScheduledExecutorService housekeeping(ServerConfig config, Runnable sweep) {
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "tarn-server-housekeeping");
      thread.setDaemon(true);
      return thread;
    });
    long shortest = Math.min(config.sessionIdleTimeout().toMillis(), config.resultTimeout().toMillis());
    long period = Math.max(10, Math.min(shortest / 4, 30_000));
    executor.scheduleWithFixedDelay(sweep, period, period, TimeUnit.MILLISECONDS);
    return executor;
  }

  /** Where clients connect, with the port actually bound. */
  public Location location() {
    return location;
  }

  public int port() {
    return server.getPort();
  }

  /** Blocks until the server shuts down. */
  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  /**
   * Stops accepting calls, cancels the queries in progress so that their streams end, waits for the calls to finish
   * (forcing them after a grace period), then closes the sessions and checks the server's memory.
   */
  @Override
  public void close() throws InterruptedException {
    housekeeping.shutdownNow();
    try {
      server.shutdown();
      producer.cancelAll();
      if (!server.awaitTermination(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS)) {
        server.close();
      }
    } finally {
      try {
        producer.close();
      } finally {
        allocator.close();
      }
    }
  }

  private static String versionOf() {
    String version = TarnServer.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
