package dev.tarn.jdbc.remote;

import java.nio.file.Path;

/**
 * Where and how a remote connection reaches a Tarn server ({@code jdbc:tarn://host:port;key=value...}).
 *
 * @param host the server's host name or address
 * @param port the server's port
 * @param user the user for a user/password login, or null
 * @param password the user's password, or null
 * @param token a bearer token the server was configured with, or null (wins over user and password)
 * @param tls whether to connect with TLS
 * @param trustStore certificates to trust (a PEM file, or a PKCS#12/JKS key store); null: the JVM's defaults
 * @param trustStorePassword the key store's password, or null
 * @param verifyServer false only to skip certificate verification (tests, self-signed servers on a trusted net)
 */
public record RemoteOptions(String host, int port, String user, String password, String token, boolean tls,
    Path trustStore, String trustStorePassword, boolean verifyServer) {

  /** The port a server listens on unless told otherwise. */
  public static final int DEFAULT_PORT = 32010;

  /** {@code host:port}, for messages. */
  public String address() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  @Override
  public String toString() {
    // Never print secrets.
    return "RemoteOptions[" + address() + (tls ? ", tls" : "") + (user != null ? ", user=" + user : "")
        + (token != null ? ", token" : "") + "]";
  }
}
