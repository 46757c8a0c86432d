package io.github.realtimekit.cli;

import io.github.realtimekit.client.core.FileErrors;
import io.github.realtimekit.client.core.SafeText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * {@code --ca-cert FILE}: a TLS context that trusts the certificates of a PEM file (one or more, such
 * as a corporate CA's chain) besides the JVM's own authorities, so that both the API behind a
 * TLS-inspecting proxy and the public download hosts are trusted.
 */
final class CaCertificates {

  private static final long MAX_BYTES = 1 << 20;

  private CaCertificates() {
  }

  /**
   * The context that trusts the file's certificates and the JVM's.
   *
   * @param file the PEM file
   * @return the context
   * @throws Failure with {@link ExitCode#USAGE} for a file that cannot be read or holds no certificate
   */
  static SSLContext load(Path file) {
    String where = "--ca-cert " + SafeText.escapeControls(file.toString());
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new Failure(ExitCode.USAGE, where + ": is larger than 1 MiB; expected PEM certificates", null);
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new Failure(ExitCode.USAGE, where + ": cannot be read (" + FileErrors.reason(e) + ")", e);
    }
    Collection<? extends Certificate> certificates;
    try {
      certificates = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes));
    } catch (CertificateException e) {
      throw new Failure(ExitCode.USAGE, where + ": is not a PEM file of X.509 certificates ("
          + SafeText.escapeControls(String.valueOf(e.getMessage())) + ")", e);
    }
    if (certificates.isEmpty()) {
      throw new Failure(ExitCode.USAGE, where + ": holds no certificate; expected one or more "
          + "-----BEGIN CERTIFICATE----- blocks", null);
    }
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      KeyStore jvm = jvmAuthorities();
      int n = 0;
      for (java.util.Enumeration<String> aliases = jvm.aliases(); aliases.hasMoreElements(); ) {
        String alias = aliases.nextElement();
        if (jvm.isCertificateEntry(alias)) {
          store.setCertificateEntry("jvm-" + n++, jvm.getCertificate(alias));
        }
      }
      int i = 0;
      for (Certificate certificate : certificates) {
        store.setCertificateEntry("ca-cert-" + i++, (X509Certificate) certificate);
      }
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new Failure(ExitCode.USAGE, where + ": cannot be used as trusted certificates ("
          + SafeText.escapeControls(String.valueOf(e.getMessage())) + ")", e);
    }
  }

  /** The JVM's default authorities: {@code javax.net.ssl.trustStore}, else the JDK's {@code cacerts}. */
  private static KeyStore jvmAuthorities() throws GeneralSecurityException, IOException {
    String configured = System.getProperty("javax.net.ssl.trustStore");
    Path path = configured != null && !configured.isEmpty() ? Path.of(configured)
        : Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
    KeyStore jvm = KeyStore.getInstance(KeyStore.getDefaultType());
    if (Files.isReadable(path)) {
      String password = System.getProperty("javax.net.ssl.trustStorePassword");
      try (java.io.InputStream in = Files.newInputStream(path)) {
        jvm.load(in, password == null ? null : password.toCharArray());
      }
    } else {
      jvm.load(null, null);
    }
    return jvm;
  }
}
