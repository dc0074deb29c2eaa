package dev.tarn.jdbc.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.server.auth.PasswordHash;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server with TLS from a key store in its config; the driver trusts its certificate, or is told not to check. */
class RemoteTlsTest {

  @TempDir
  static Path folder;
  private static ServerProcess server;
  private static SelfSignedCertificate certificate;

  @BeforeAll
  static void start() throws Exception {
    certificate = SelfSignedCertificate.create(folder);
    Path config = folder.resolve("tls.properties");
    Files.writeString(config, "tls.keystore=" + certificate.keyStore().getFileName() + "\n"
        + "tls.keystore-password=" + certificate.password() + "\n"
        + "user.bob=" + PasswordHash.hash("b0b".toCharArray()) + "\n");
    server = ServerProcess.start(folder.resolve("warehouse"), "--config", config.toString());
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private static String selectOne(String properties) throws SQLException {
    try (Connection connection = DriverManager.getConnection(server.url(";user=bob;password=b0b" + properties));
        Statement statement = connection.createStatement();
        ResultSet results = statement.executeQuery("SELECT 'over tls' AS greeting")) {
      assertThat(results.next()).isTrue();
      return results.getString(1);
    }
  }

  @Test
  void clientsThatTrustTheCertificateConnect() throws Exception {
    assertThat(server.output()).contains("(TLS)").contains("jdbc:tarn://127.0.0.1:" + server.port() + ";tls=true");
    assertThat(selectOne(";tls=true;trustStore=" + certificate.certificatePem())).isEqualTo("over tls");
    assertThat(selectOne(";tls=true;trustStore=" + certificate.keyStore() + ";trustStorePassword="
        + certificate.password())).isEqualTo("over tls");
    assertThat(selectOne(";tls=true;disableCertificateVerification=true")).isEqualTo("over tls");
  }

  @Test
  void anUntrustedCertificateOrPlainTextIsRefused() {
    assertThatThrownBy(() -> selectOne(";tls=true"))
        .isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("08001");
          assertThat(e.getMessage()).contains("certification path").contains("trustStore=")
              .contains("server 127.0.0.1:" + server.port());
        });
    assertThatThrownBy(() -> selectOne(""))
        .isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("08001");
          assertThat(e.getMessage()).contains("connect with tls=true");
        });
  }
}
