package dev.tarn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.server.auth.PasswordHash;
import dev.tarn.server.auth.TokenHash;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tarn server}'s helpers and its refusals. Serving itself runs in a process of its own, as in production:
 * TarnServerIT (./tarn server) and the remote-mode tests.
 */
class ServerCommandTest {

  @TempDir
  Path warehouse;

  private record Outcome(int exitCode, String output) {}

  private static Outcome tarn(String... arguments) {
    StringWriter out = new StringWriter();
    StringWriter error = new StringWriter();
    int exitCode = TarnCli.execute(arguments, new PrintWriter(out), new PrintWriter(error));
    return new Outcome(exitCode, out + error.toString());
  }

  @Test
  void newTokenPrintsTheTokenAndTheDigestToConfigure() {
    Outcome outcome = tarn("server", "new-token", "ci");
    assertThat(outcome.exitCode()).isZero();
    String[] lines = outcome.output().split("\n");
    assertThat(lines[0]).startsWith("token: ");
    assertThat(lines[1]).startsWith("token.ci=sha256:");
    assertThat(TokenHash.matches(lines[0].substring("token: ".length()), lines[1].substring("token.ci=".length())))
        .isTrue();
  }

  @Test
  void hashPasswordReadsStandardInputWithoutATerminal() {
    InputStream original = System.in;
    System.setIn(new ByteArrayInputStream("correct horse\n".getBytes(StandardCharsets.UTF_8)));
    try {
      Outcome outcome = tarn("server", "hash-password", "ann");
      assertThat(outcome.exitCode()).as(outcome.output()).isZero();
      String line = outcome.output().trim();
      assertThat(line).startsWith("user.ann=pbkdf2-sha256:");
      assertThat(PasswordHash.matches("correct horse".toCharArray(), line.substring("user.ann=".length()))).isTrue();
    } finally {
      System.setIn(original);
    }
  }

  @Test
  void aServerNobodyCouldUseOrABadConfigDoesNotStart() throws Exception {
    Outcome nobody = tarn("server", "--warehouse", warehouse.toString(), "--port", "0");
    assertThat(nobody.exitCode()).isEqualTo(2);
    assertThat(nobody.output()).contains("no client could connect").contains("--anonymous")
        .contains(warehouse.resolve("server.properties").toString());
    Files.writeString(warehouse.resolve("server.properties"), "user.ann=plain\n");
    Outcome plain = tarn("server", "--warehouse", warehouse.toString());
    assertThat(plain.exitCode()).isEqualTo(2);
    assertThat(plain.output()).contains("'user.ann'").contains("never stored in plain text");
    Outcome missing = tarn("server", "--warehouse", warehouse.toString(), "--config", "/no/such/file");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.output()).contains("/no/such/file");
  }
}
