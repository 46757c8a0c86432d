package io.github.realtimekit.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * An HTTPS server on 127.0.0.1 with a self-signed certificate made for the test: each connection is
 * handshaken and answered with a 404 JSON envelope, then closed. Handshakes the client refuses simply
 * end the connection. Its thread is a daemon; {@link #close()} stops it.
 */
final class TlsServer implements AutoCloseable {

  /** A key pair and its self-signed certificate. */
  record Identity(KeyPair keys, X509Certificate certificate) {

    /**
     * A fresh EC P-256 key and a self-signed certificate for one name: a DNS name, or an IP address.
     *
     * @param name such as {@code other.example} or {@code 127.0.0.1}
     */
    static Identity forName(String name) throws GeneralSecurityException, IOException {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair keys = generator.generateKeyPair();
      X500Name subject = new X500Name("CN=" + name);
      long now = System.currentTimeMillis();
      V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
      tbs.setSerialNumber(new ASN1Integer(BigInteger.valueOf(now)));
      tbs.setIssuer(subject);
      tbs.setSubject(subject);
      tbs.setStartDate(new Time(new Date(now - 60_000)));
      tbs.setEndDate(new Time(new Date(now + 86_400_000L)));
      tbs.setSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()));
      AlgorithmIdentifier algorithm = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
      tbs.setSignature(algorithm);
      boolean ip = Character.isDigit(name.charAt(0));
      ExtensionsGenerator extensions = new ExtensionsGenerator();
      extensions.addExtension(Extension.subjectAlternativeName, false,
          new GeneralNames(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, name)));
      Extensions built = extensions.generate();
      tbs.setExtensions(built);
      TBSCertificate certificate = tbs.generateTBSCertificate();
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(keys.getPrivate());
      signer.update(certificate.getEncoded());
      ASN1EncodableVector whole = new ASN1EncodableVector();
      whole.add(certificate);
      whole.add(algorithm);
      whole.add(new DERBitString(signer.sign()));
      byte[] der = new DERSequence(whole).getEncoded();
      X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(der));
      return new Identity(keys, x509);
    }

    /** A TLS context that presents this identity, for the server. */
    SSLContext serverContext() throws GeneralSecurityException, IOException {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("server", keys.getPrivate(), "pw".toCharArray(), new X509Certificate[] {certificate});
      KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(store, "pw".toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), null, null);
      return context;
    }

    /** A TLS context that trusts this certificate and no other, for the client. */
    SSLContext trustingContext() throws GeneralSecurityException, IOException {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry("ca", certificate);
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    }
  }

  private static final String BODY = "{\"success\":false,\"errors\":[{\"code\":7003,\"message\":\"No route\"}]}";

  private final SSLServerSocket socket;
  private final Thread thread;

  /**
   * Starts a server presenting an identity, speaking only the given TLS versions.
   *
   * @param identity the server's key and certificate
   * @param protocols such as {@code TLSv1.2}
   */
  TlsServer(Identity identity, String... protocols) throws GeneralSecurityException, IOException {
    socket = (SSLServerSocket) identity.serverContext().getServerSocketFactory()
        .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    if (protocols.length > 0) {
      socket.setEnabledProtocols(protocols);
    }
    thread = new Thread(this::serve, "tls-server-" + socket.getLocalPort());
    thread.setDaemon(true);
    thread.start();
  }

  /** The base URL of the server, https on 127.0.0.1. */
  String baseUrl() {
    return "https://127.0.0.1:" + socket.getLocalPort();
  }

  int port() {
    return socket.getLocalPort();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket connection = socket.accept()) {
        connection.setSoTimeout(10_000);
        ((SSLSocket) connection).startHandshake();
        InputStream in = connection.getInputStream();
        int matched = 0;
        while (matched < 4) {
          int b = in.read();
          if (b < 0) {
            break;
          }
          matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        OutputStream out = connection.getOutputStream();
        out.write(("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: " + BODY.length()
            + "\r\nConnection: close\r\n\r\n" + BODY).getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } catch (IOException refusedOrClosed) {
        // A handshake the client refused, or the server closed: the next connection, if any.
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
