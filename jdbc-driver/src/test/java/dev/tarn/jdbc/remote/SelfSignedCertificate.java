package dev.tarn.jdbc.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A self-signed certificate for {@code localhost} and 127.0.0.1, made with the JDK's keytool (no extra libraries). */
record SelfSignedCertificate(Path keyStore, String password, Path certificatePem) {

  static SelfSignedCertificate create(Path folder) throws Exception {
    Path keyStore = folder.resolve("server.p12");
    Path pem = folder.resolve("server-cert.pem");
    String password = "changeit";
    keytool("-genkeypair", "-alias", "tarn", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore", keyStore.toString(),
        "-storetype", "PKCS12", "-storepass", password, "-keypass", password);
    keytool("-exportcert", "-rfc", "-alias", "tarn", "-keystore", keyStore.toString(), "-storepass", password,
        "-file", pem.toString());
    return new SelfSignedCertificate(keyStore, password, pem);
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
