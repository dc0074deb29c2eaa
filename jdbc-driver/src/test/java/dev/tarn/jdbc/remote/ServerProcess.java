package dev.tarn.jdbc.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code tarn server} in a JVM of its own (from the test class path, the shaded jar or the {@code ./tarn} script),
 * as it runs in production: with the flags the server needs (Arrow IPC
 * on JDK 17), so that the test JVM, like a client application, runs the driver without any. Closing it stops the
 * server with SIGTERM; the server closes its engine on the way out and exits with status 1 if memory leaked, which
 * fails the test.
 */
public final class ServerProcess implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("listening on (\\S+):(\\d+)");

  private final Process process;
  private final StringBuffer output = new StringBuffer();
  private final int port;

  private ServerProcess(Process process) throws Exception {
    this.process = process;
    CompletableFuture<Integer> listening = new CompletableFuture<>();
    Thread reader = new Thread(() -> read(listening), "tarn-server-output");
    reader.setDaemon(true);
    reader.start();
    try {
      this.port = listening.get(5, TimeUnit.MINUTES);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new AssertionError("The server did not start:\n" + output, e);
    }
  }

  /** Runs {@code command}, a {@code tarn server} command line, and waits until it listens. */
  public static ServerProcess launch(List<String> command) throws Exception {
    return new ServerProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
  }

  /** Starts {@code tarn server --warehouse <warehouse> --port 0} with {@code arguments} added. */
  static ServerProcess start(Path warehouse, String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx1g", "-cp", classPath(), "dev.tarn.cli.TarnCli",
        "server", "--warehouse", warehouse.toString(), "--port", "0"));
    command.addAll(List.of(arguments));
    return launch(command);
  }

  /** Surefire's test class path (its manifest-only booter jar stands in for it in {@code java.class.path}). */
  private static String classPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
  }

  private void read(CompletableFuture<Integer> listening) {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      Integer port = null;
      while ((line = lines.readLine()) != null) {
        output.append(line).append('\n');
        Matcher matcher = LISTENING.matcher(line);
        if (matcher.find()) {
          port = Integer.parseInt(matcher.group(2));
        }
        if (port != null && line.startsWith("Press Ctrl-C")) {
          listening.complete(port); // the whole banner has been read
        }
      }
    } catch (IOException e) {
      listening.completeExceptionally(e);
    }
    listening.completeExceptionally(new IllegalStateException("the server exited"));
  }

  public int port() {
    return port;
  }

  /** {@code jdbc:tarn://127.0.0.1:<port>} followed by {@code properties} (";key=value..."). */
  String url(String properties) {
    return "jdbc:tarn://127.0.0.1:" + port + properties;
  }

  public String output() {
    return output.toString();
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).as("the server stops on SIGTERM").isTrue();
    assertThat(output()).as("the server closed its engine without leaks").doesNotContain("stopping failed");
    assertThat(process.exitValue()).as(output()).isNotEqualTo(1);
  }
}
