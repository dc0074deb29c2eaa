package dev.tarn.cli;

import dev.tarn.engine.api.EngineConfig;
import dev.tarn.engine.api.TarnEngine;
import dev.tarn.server.ServerConfig;
import dev.tarn.server.TarnServer;
import dev.tarn.server.auth.AuthConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tarn server}: serves a warehouse over Arrow Flight SQL until interrupted. Any Flight SQL client connects
 * (Arrow's Flight SQL JDBC driver, ADBC, DBeaver), and so does Tarn's driver with {@code jdbc:tarn://host:port}.
 * Who may connect comes from the config file ({@code <warehouse>/server.properties} unless {@code --config}).
 */
@Command(name = "server", mixinStandardHelpOptions = true,
    description = {"Serve the warehouse over Arrow Flight SQL (loopback only unless --host says otherwise).",
        "Users and tokens come from the config file (default: <warehouse>/server.properties); see"
            + " `tarn server hash-password` and `tarn server new-token`."},
    subcommands = {HashPasswordCommand.class, NewTokenCommand.class})
final class ServerCommand implements Callable<Integer> {

  @Mixin
  WarehouseOption warehouse;

  @Option(names = "--host", paramLabel = "HOST",
      description = "Address to listen on (default: the config's host, else 127.0.0.1; 0.0.0.0 for every interface)")
  String host;

  @Option(names = {"-p", "--port"}, paramLabel = "PORT",
      description = "Port to listen on (default: the config's port, else 32010; 0 picks a free port)")
  Integer port;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "Server config file (default: <warehouse>/server.properties, if it exists)")
  Path config;

  @Option(names = "--anonymous", description = "Let clients in without credentials (off unless given here or in"
      + " the config as anonymous=true)")
  boolean anonymous;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter error = spec.commandLine().getErr();
    Path warehouseDirectory = warehouse.warehouse();
    ServerConfig serverConfig;
    try {
      serverConfig = serverConfig(warehouseDirectory);
    } catch (IOException | IllegalArgumentException e) {
      error.println("tarn server: " + e.getMessage());
      return 2;
    }
    if (!serverConfig.auth().allowsAnyone()) {
      error.println("tarn server: no client could connect: add users or tokens to " + configFile(warehouseDirectory)
          + " (tarn server hash-password, tarn server new-token), or allow anonymous access with --anonymous");
      return 2;
    }
    TarnEngine engine = TarnEngine.open(EngineConfig.defaults(warehouseDirectory));
    TarnServer server;
    try {
      server = TarnServer.start(engine, serverConfig);
    } catch (IOException | RuntimeException e) {
      engine.close();
      error.println("tarn server: cannot listen on " + serverConfig.host() + ":" + serverConfig.port() + ": "
          + e.getMessage());
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, engine, error), "tarn-server-shutdown"));
    printBanner(out, serverConfig, server, warehouseDirectory);
    server.awaitTermination();
    return 0;
  }

  private ServerConfig serverConfig(Path warehouseDirectory) throws IOException {
    Path file = configFile(warehouseDirectory);
    ServerConfig loaded = Files.exists(file) || config != null ? ServerConfig.load(file)
        : ServerConfig.of(new AuthConfig(Map.of(), Map.of(), false));
    if (anonymous) {
      AuthConfig auth = loaded.auth();
      loaded = loaded.withAuth(new AuthConfig(auth.users(), auth.tokens(), true));
    }
    return loaded.withAddress(host != null ? host : loaded.host(), port != null ? port : loaded.port());
  }

  private Path configFile(Path warehouseDirectory) {
    return config != null ? config.toAbsolutePath() : warehouseDirectory.resolve(ServerConfig.FILE_NAME);
  }

  private static void printBanner(PrintWriter out, ServerConfig config, TarnServer server, Path warehouse) {
    String address = hostForUrl(config.host()) + ":" + server.port();
    out.println("Tarn server listening on " + address + " (" + (config.tls() != null ? "TLS" : "no TLS")
        + "), warehouse " + warehouse);
    out.println("  users: " + (config.auth().users().isEmpty() ? "none" : String.join(", ",
        config.auth().users().keySet().stream().sorted().toList()))
        + "; tokens: " + config.auth().tokens().size()
        + "; anonymous access: " + (config.auth().anonymous() ? "on" : "off"));
    out.println("  connect: jdbc:tarn://" + address + (config.tls() != null ? ";tls=true" : "")
        + "  or  jdbc:arrow-flight-sql://" + address + "?useEncryption=" + (config.tls() != null));
    out.println("Press Ctrl-C to stop.");
    out.flush();
  }

  private static String hostForUrl(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  /** Closes the server, then the engine; a leak or failure exits with status 1 so that scripts and tests see it. */
  private static void stop(TarnServer server, TarnEngine engine, PrintWriter error) {
    try {
      server.close();
      engine.close();
    } catch (Exception e) {
      error.println("tarn server: stopping failed: " + e);
      error.flush();
      Runtime.getRuntime().halt(1);
    }
  }
}
