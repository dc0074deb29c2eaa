package dev.tarn.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.engine.api.EngineConfig;
import dev.tarn.engine.api.TarnEngine;
import dev.tarn.server.auth.AuthConfig;
import dev.tarn.server.auth.PasswordHash;
import dev.tarn.server.auth.TokenHash;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server config file, its checks, and TLS from PEM files. */
class ServerConfigTest {

  @TempDir
  Path folder;

  @Test
  void aConfigFileNamesAddressUsersTokensTlsAndTimeouts() throws Exception {
    String hash = PasswordHash.hash("pw".toCharArray());
    Path file = folder.resolve("server.properties");
    Files.writeString(file, "host=0.0.0.0\nport=4321\nanonymous=true\nuser.ann=" + hash + "\ntoken.ci="
        + TokenHash.hash("t") + "\ntls.certificate=certs/cert.pem\ntls.key=certs/key.pem\n"
        + "session.idle-timeout=PT30M\nresult.timeout=PT2M\n");
    ServerConfig config = ServerConfig.load(file);
    assertThat(config.host()).isEqualTo("0.0.0.0");
    assertThat(config.port()).isEqualTo(4321);
    assertThat(config.auth().anonymous()).isTrue();
    assertThat(config.auth().users()).containsEntry("ann", hash);
    assertThat(PasswordHash.matches("pw".toCharArray(), config.auth().users().get("ann"))).isTrue();
    assertThat(PasswordHash.matches("PW".toCharArray(), config.auth().users().get("ann"))).isFalse();
    assertThat(TokenHash.matches("t", config.auth().tokens().get("ci"))).isTrue();
    assertThat(config.tls().certificate()).isEqualTo(folder.resolve("certs/cert.pem"));
    assertThat(config.sessionIdleTimeout()).isEqualTo(Duration.ofMinutes(30));
    assertThat(config.resultTimeout()).isEqualTo(Duration.ofMinutes(2));

    Files.writeString(file, "");
    ServerConfig defaults = ServerConfig.load(file);
    assertThat(defaults.host()).isEqualTo("127.0.0.1");
    assertThat(defaults.port()).isEqualTo(ServerConfig.DEFAULT_PORT);
    assertThat(defaults.auth().anonymous()).isFalse();
    assertThat(defaults.auth().allowsAnyone()).isFalse();
    assertThat(defaults.tls()).isNull();
  }

  @Test
  void plainPasswordsUnknownKeysAndBadValuesAreRejectedNamingTheKey() throws Exception {
    Path file = folder.resolve("server.properties");
    for (String[] bad : List.of(new String[] {"user.ann=secret", "user.ann", "password hash"},
        new String[] {"token.ci=abc", "token.ci", "token digest"},
        new String[] {"prot=1", "prot", "unknown key"},
        new String[] {"port=http", "port", "port number"},
        new String[] {"anonymous=yes", "anonymous", "true or false"},
        new String[] {"tls.key=k.pem", "tls.certificate", "both"},
        new String[] {"session.idle-timeout=1h", "session.idle-timeout", "ISO-8601"})) {
      Files.writeString(file, bad[0] + "\n");
      assertThatThrownBy(() -> ServerConfig.load(file)).as(bad[0])
          .hasMessageContaining("'" + bad[1] + "'").hasMessageContaining(bad[2]).hasMessageContaining(file.toString());
    }
    try (TarnEngine engine = TarnEngine.open(EngineConfig.defaults(folder.resolve("w")))) {
      assertThatThrownBy(() -> TarnServer.start(engine, ServerConfig.of(new AuthConfig(Map.of(), Map.of(), false))))
          .hasMessageContaining("no client could connect");
    }
  }

  @Test
  void tlsFromPemFilesServesFlightClientsThatTrustTheCertificate() throws Exception {
    Path keyStore = folder.resolve("server.p12");
    keytool("-genkeypair", "-alias", "tarn", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore", keyStore.toString(),
        "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
    keytool("-exportcert", "-rfc", "-alias", "tarn", "-keystore", keyStore.toString(), "-storepass", "changeit",
        "-file", folder.resolve("cert.pem").toString());
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(keyStore.toFile())) {
      store.load(in, "changeit".toCharArray());
    }
    PrivateKey key = (PrivateKey) store.getKey("tarn", "changeit".toCharArray());
    Files.writeString(folder.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n");
    Files.writeString(folder.resolve("server.properties"), "anonymous=true\nport=0\ntls.certificate=cert.pem\n"
        + "tls.key=key.pem\n");
    ServerConfig config = ServerConfig.load(folder.resolve("server.properties"));
    try (TarnEngine engine = TarnEngine.open(EngineConfig.defaults(folder.resolve("w")));
        TarnServer server = TarnServer.start(engine, config);
        RootAllocator allocator = new RootAllocator();
        InputStream trusted = Files.newInputStream(folder.resolve("cert.pem"));
        FlightSqlClient client = new FlightSqlClient(FlightClient.builder(allocator, server.location())
            .trustedCertificates(trusted).build())) {
      assertThat(server.location().getUri().getScheme()).isEqualTo("grpc+tls");
      FlightInfo info = client.execute("SELECT 41 + 1 AS answer");
      try (FlightStream stream = client.getStream(info.getEndpoints().get(0).getTicket())) {
        assertThat(stream.next()).isTrue();
        assertThat(FlightClients.rows(stream.getRoot())).containsExactly(List.of("42"));
      }
    }
  }

  private static void keytool(String... arguments) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
  }
}
