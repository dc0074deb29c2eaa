package dev.tarn.jar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code tarn server} process started by an integration test (through the jar or the {@code ./tarn} script):
 * waits for the line saying where it listens, keeps its output, and stops it with SIGTERM, expecting a clean
 * shutdown (the server exits with status 1 if closing its engine found leaked memory).
 */
final class ServerLauncher implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("listening on (\\S+):(\\d+)");

  private final Process process;
  private final StringBuffer output = new StringBuffer();
  private final int port;

  ServerLauncher(List<String> command) throws Exception {
    process = new ProcessBuilder(command).redirectErrorStream(true).start();
    CompletableFuture<Integer> listening = new CompletableFuture<>();
    Thread reader = new Thread(() -> read(listening), "tarn-server-output");
    reader.setDaemon(true);
    reader.start();
    try {
      port = listening.get(5, TimeUnit.MINUTES);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new AssertionError("The server did not start:\n" + output, e);
    }
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

  int port() {
    return port;
  }

  String output() {
    return output.toString();
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).as("the server stops on SIGTERM").isTrue();
    assertThat(output()).doesNotContain("stopping failed");
    assertThat(process.exitValue()).as(output()).isNotEqualTo(1);
  }
}
