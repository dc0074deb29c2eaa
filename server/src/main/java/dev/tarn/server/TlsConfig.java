package dev.tarn.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Collections;

/**
 * The server's TLS identity: a PEM certificate chain and its PEM (PKCS#8) private key, or a PKCS#12/JKS key store
 * holding one key entry. Flight takes PEM, so a key store is converted in memory.
 *
 * @param certificate the PEM certificate chain, or null with a key store
 * @param privateKey the PEM private key, or null with a key store
 * @param keyStore the key store, or null with PEM files
 * @param keyStorePassword the key store's (and its key's) password
 */
public record TlsConfig(Path certificate, Path privateKey, Path keyStore, char[] keyStorePassword) {

  /** A certificate chain and private key in PEM files. */
  public static TlsConfig pem(Path certificate, Path privateKey) {
    return new TlsConfig(certificate, privateKey, null, null);
  }

  /** The one key entry of a PKCS#12 or JKS key store. */
  public static TlsConfig keyStore(Path keyStore, char[] password) {
    return new TlsConfig(null, null, keyStore, password);
  }

  /** The certificate chain as PEM (in memory: Flight reads it only when the server is built). */
  InputStream certificateChain() throws IOException {
    if (keyStore == null) {
      return new ByteArrayInputStream(Files.readAllBytes(certificate));
    }
    StringBuilder pem = new StringBuilder();
    for (Certificate certificate : keyEntry().chain) {
      pem.append(pem("CERTIFICATE", encoded(certificate)));
    }
    return new ByteArrayInputStream(pem.toString().getBytes(StandardCharsets.US_ASCII));
  }

  /** The private key as PKCS#8 PEM (in memory, as the chain). */
  InputStream key() throws IOException {
    if (keyStore == null) {
      return new ByteArrayInputStream(Files.readAllBytes(privateKey));
    }
    return new ByteArrayInputStream(pem("PRIVATE KEY", keyEntry().key.getEncoded())
        .getBytes(StandardCharsets.US_ASCII));
  }

  private record KeyEntry(PrivateKey key, Certificate[] chain) {}

  private KeyEntry keyEntry() throws IOException {
    try (InputStream in = Files.newInputStream(keyStore)) {
      KeyStore store = KeyStore.getInstance(keyStore.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jks")
          ? "JKS" : "PKCS12");
      store.load(in, keyStorePassword);
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)) {
          Key key = store.getKey(alias, keyStorePassword);
          if (key instanceof PrivateKey privateKey) {
            return new KeyEntry(privateKey, store.getCertificateChain(alias));
          }
        }
      }
      throw new IOException("No private key entry in the key store " + keyStore);
    } catch (GeneralSecurityException e) {
      throw new IOException("Cannot read the key store " + keyStore + ": " + e.getMessage(), e);
    }
  }

  private static byte[] encoded(Certificate certificate) throws IOException {
    try {
      return certificate.getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IOException("Cannot encode a certificate: " + e.getMessage(), e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}
