package dev.tarn.jdbc.remote;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.server.protocol.FlightErrors;
import io.grpc.netty.NettyChannelBuilder;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import org.apache.arrow.flight.Action;
import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.CloseSessionRequest;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightGrpcUtils;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.auth2.BearerCredentialWriter;
import org.apache.arrow.flight.client.ClientCookieMiddleware;
import org.apache.arrow.flight.grpc.CredentialCallOption;
import org.apache.arrow.flight.grpc.NettyClientBuilder;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * One remote connection's line to a Tarn server: a Flight client (keeping the server's session cookie), the Flight
 * SQL client over it, the credentials every call carries (a token, or the bearer token a user/password handshake
 * got), and the connection's allocator. Every Flight failure leaves it as a Tarn error ({@link #call}).
 */
public final class FlightChannel implements AutoCloseable {

  /** The driver's one root allocator for remote connections; each connection gets a child, closed with it. */
  private static final BufferAllocator ROOT = new RootAllocator();
  private static final AtomicLong CONNECTIONS = new AtomicLong();

  private final RemoteOptions options;
  private final BufferAllocator allocator;
  private final EventLoopGroup eventLoop;
  private final FlightClient client;
  private final FlightSqlClient sql;
  private final CallOption[] callOptions;

  private FlightChannel(RemoteOptions options, BufferAllocator allocator, EventLoopGroup eventLoop,
      FlightClient client, CallOption[] callOptions) {
    this.options = options;
    this.allocator = allocator;
    this.eventLoop = eventLoop;
    this.client = client;
    this.sql = new FlightSqlClient(client);
    this.callOptions = callOptions;
  }

  /** Connects and authenticates; fails with AUTHENTICATION_FAILED or CONNECTION_FAILED as the server answers. */
  public static FlightChannel open(RemoteOptions options) {
    long number = CONNECTIONS.incrementAndGet();
    BufferAllocator allocator = ROOT.newChildAllocator("tarn-remote-" + options.address() + "-" + number, 0,
        Long.MAX_VALUE);
    EventLoopGroup eventLoop = new NioEventLoopGroup(1, runnable -> {
      Thread thread = new Thread(runnable, "tarn-remote-" + number);
      thread.setDaemon(true);
      return thread;
    });
    FlightClient client = null;
    try {
      client = client(options, allocator, eventLoop);
      CallOption[] callOptions = credentials(client, options);
      return new FlightChannel(options, allocator, eventLoop, client, callOptions);
    } catch (RuntimeException e) {
      closeQuietly(client, e);
      allocator.close();
      eventLoop.shutdownGracefully(0, 0, TimeUnit.SECONDS).awaitUninterruptibly();
      throw e instanceof FlightRuntimeException flight ? failure(flight, options) : e;
    }
  }

  /**
   * A Flight client on the connection's own one-thread event loop, which closing the connection ends, so that no
   * thread of the driver outlives its connections (an application may unload the driver's class loader).
   */
  private static FlightClient client(RemoteOptions options, BufferAllocator allocator, EventLoopGroup eventLoop) {
    Location location = options.tls() ? Location.forGrpcTls(options.host(), options.port())
        : Location.forGrpcInsecure(options.host(), options.port());
    NettyClientBuilder builder = new NettyClientBuilder(allocator, location)
        .intercept(new ClientCookieMiddleware.Factory());
    if (options.tls()) {
      if (!options.verifyServer()) {
        builder.verifyServer(false);
      } else if (options.trustStore() != null) {
        builder.trustedCertificates(trustedCertificates(options));
      }
    }
    NettyChannelBuilder channel = builder.build().eventLoopGroup(eventLoop).channelType(NioSocketChannel.class);
    return FlightGrpcUtils.createFlightClient(allocator, channel.build(), builder.middleware());
  }

  private static CallOption[] credentials(FlightClient client, RemoteOptions options) {
    if (options.token() != null) {
      return new CallOption[] {new CredentialCallOption(new BearerCredentialWriter(options.token()))};
    }
    if (options.user() != null) {
      String password = options.password() == null ? "" : options.password();
      return client.authenticateBasicToken(options.user(), password).map(bearer -> new CallOption[] {bearer})
          .orElseGet(() -> new CallOption[0]);
    }
    return new CallOption[0];
  }

  /** The trust store's certificates as PEM, as Flight takes them; a PEM file is passed as it is. */
  private static InputStream trustedCertificates(RemoteOptions options) {
    try {
      byte[] bytes = Files.readAllBytes(options.trustStore());
      if (new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.US_ASCII).contains("-----BEGIN")) {
        return new ByteArrayInputStream(bytes);
      }
      String name = options.trustStore().getFileName().toString().toLowerCase(Locale.ROOT);
      KeyStore store = KeyStore.getInstance(name.endsWith(".jks") ? "JKS" : "PKCS12");
      char[] password = options.trustStorePassword() == null ? null : options.trustStorePassword().toCharArray();
      store.load(new ByteArrayInputStream(bytes), password);
      StringBuilder pem = new StringBuilder();
      for (String alias : Collections.list(store.aliases())) {
        Certificate certificate = store.getCertificate(alias);
        if (certificate != null) {
          pem.append("-----BEGIN CERTIFICATE-----\n")
              .append(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded()))
              .append("\n-----END CERTIFICATE-----\n");
        }
      }
      return new ByteArrayInputStream(pem.toString().getBytes(StandardCharsets.US_ASCII));
    } catch (IOException | GeneralSecurityException e) {
      throw new TarnException(ErrorCode.CONNECTION_FAILED, options.trustStore().toString(),
          "Cannot read the trust store " + options.trustStore() + ": " + e.getMessage(), e);
    }
  }

  public RemoteOptions options() {
    return options;
  }

  public FlightSqlClient sql() {
    return sql;
  }

  /** The plain Flight client, for Tarn's own commands and actions. */
  public FlightClient client() {
    return client;
  }

  /** The credentials every call passes. */
  public CallOption[] callOptions() {
    return callOptions;
  }

  public BufferAllocator allocator() {
    return allocator;
  }

  /** Runs a call, turning Flight failures into the server's Tarn errors (or connection and login errors). */
  public <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (FlightRuntimeException e) {
      throw failure(e, options);
    }
  }

  /** Runs one of Tarn's actions and returns its one answer. */
  public byte[] action(String type, byte[] body) {
    return call(() -> {
      Iterator<Result> results = client.doAction(new Action(type, body), callOptions);
      byte[] answer = results.next().getBody();
      results.forEachRemaining(ignored -> { });
      return answer;
    });
  }

  /** The Tarn error for a Flight failure; connection failures name the server and what to check. */
  private static TarnException failure(FlightRuntimeException error, RemoteOptions options) {
    TarnException tarn = FlightErrors.toTarn(error);
    if (tarn.code() != ErrorCode.CONNECTION_FAILED || tarn.object() != null) {
      return tarn;
    }
    String hint = "";
    if (hasCause(error, SSLException.class)) {
      hint = "; the TLS handshake failed: trust the server's certificate with trustStore=<file>, or (tests only)"
          + " disableCertificateVerification=true";
    } else if (!options.tls()) {
      hint = "; if the server uses TLS, connect with tls=true";
    }
    return new TarnException(ErrorCode.CONNECTION_FAILED, options.address(), tarn.rawMessage() + " [server "
        + options.address() + hint + "]", error);
  }

  private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
    for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }

  /** Ends the server session, then closes the client and checks that every buffer came back. */
  @Override
  public void close() {
    try {
      sql.closeSession(new CloseSessionRequest(), callOptions);
    } catch (FlightRuntimeException serverGone) {
      // The server may be gone or restarted; its session then expired already.
    }
    try {
      client.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      try {
        allocator.close();
      } finally {
        eventLoop.shutdownGracefully(0, 0, TimeUnit.SECONDS).awaitUninterruptibly();
      }
    }
  }

  private static void closeQuietly(FlightClient client, RuntimeException failure) {
    if (client == null) {
      return;
    }
    try {
      client.close();
    } catch (InterruptedException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }
}
