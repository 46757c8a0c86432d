package io.github.realtimekit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.realtimekit.client.errors.NetworkException;
import io.github.realtimekit.client.errors.NotFoundException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Each way a connection can fail, against a server on 127.0.0.1 (or a name that cannot resolve),
 * named in words: what happened, where, and for a certificate, what to do.
 */
@Timeout(60)
class NetworkFailureNamesTest {

  static final UUID RECORDING = UUID.fromString("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e");

  static RealtimeKitClientBuilder client(String baseUrl) {
    return RealtimeKitClient.builder().apiToken("tok-3f9a8b7c6d5e4f30").accountId("acc").appId("app")
        .baseUrl(baseUrl).maxRetries(0);
  }

  static NetworkException failure(RealtimeKitClientBuilder builder) {
    try (RealtimeKitClient client = builder.build()) {
      return assertThrows(NetworkException.class, () -> client.getRecording(RECORDING));
    }
  }

  static HttpClient trusting(SSLContext context, String... protocols) {
    HttpClient.Builder http = HttpClient.newBuilder().sslContext(context).followRedirects(HttpClient.Redirect.NEVER);
    if (protocols.length > 0) {
      SSLParameters parameters = context.getDefaultSSLParameters();
      parameters.setProtocols(protocols);
      http.sslParameters(parameters);
    }
    return http.build();
  }

  @Test
  void anUnknownHostIsNotARefusal() {
    java.util.List<RetryEvent> events = new java.util.ArrayList<>();
    NetworkException e = failure(client("https://no-such-host.invalid").maxRetries(1).retryListener(events::add)
        .clock(d -> { }, () -> 0L, () -> 0.0));
    assertEquals("retrying getRecording in 500 ms after unknown host no-such-host.invalid (attempt 2 of 2)",
        events.get(0).toString());
    assertEquals("Unknown host no-such-host.invalid calling getRecording (the name does not resolve: check the "
        + "base URL, and the DNS or proxy settings) (2 attempts)", e.getMessage());
  }

  @Test
  void aClosedPortIsARefusal() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    NetworkException e = failure(client("http://127.0.0.1:" + port));
    assertEquals("Connection refused by 127.0.0.1:" + port + " calling getRecording ("
        + "nothing listens on that port, or a firewall refuses the connection)", e.getMessage());
  }

  @Test
  void aResetIsNamed() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread resetter = new Thread(() -> {
        while (!server.isClosed()) {
          try (Socket s = server.accept()) {
            s.getInputStream().read(new byte[1024]);
            s.setSoLinger(true, 0);
          } catch (IOException closed) {
            return;
          }
        }
      });
      resetter.setDaemon(true);
      resetter.start();
      NetworkException e = failure(client("http://127.0.0.1:" + server.getLocalPort()));
      assertTrue(e.getMessage().startsWith("Connection reset by 127.0.0.1:" + server.getLocalPort()
          + " calling getRecording (the server or something on the way closed the connection"), e.getMessage());
    }
  }

  @Test
  void anUntrustedCertificateSaysToTrustItsCa() throws Exception {
    try (TlsServer server = new TlsServer(TlsServer.Identity.forName("127.0.0.1"))) {
      NetworkException e = failure(client(server.baseUrl()));
      assertEquals("TLS certificate of 127.0.0.1:" + server.port() + " not trusted calling getRecording (it is "
          + "self-signed or issued by a certificate authority this JVM does not trust: trust its CA, through "
          + "RealtimeKitClientBuilder.sslContext(...) with an SSLContext that trusts it (the CLI: --ca-cert FILE))",
          e.getMessage());
    }
  }

  @Test
  void aCertificateRefusedIsNotTriedAgain() throws Exception {
    java.util.List<RetryEvent> events = new java.util.ArrayList<>();
    try (TlsServer server = new TlsServer(TlsServer.Identity.forName("127.0.0.1"))) {
      NetworkException e = failure(client(server.baseUrl()).maxRetries(2).retryListener(events::add)
          .clock(d -> { }, () -> 0L, () -> 0.0));
      assertEquals(1, e.getAttempts());
      assertEquals(java.util.List.of(), events);
    }
  }

  @Test
  void aTrustedCertificateForTheRightNameWorks() throws Exception {
    TlsServer.Identity identity = TlsServer.Identity.forName("127.0.0.1");
    try (TlsServer server = new TlsServer(identity);
        RealtimeKitClient client = client(server.baseUrl()).httpClient(trusting(identity.trustingContext())).build()) {
      assertThrows(NotFoundException.class, () -> client.getRecording(RECORDING));
    }
  }

  @Test
  void aCertificateForAnotherNameSaysSo() throws Exception {
    TlsServer.Identity identity = TlsServer.Identity.forName("other.example");
    try (TlsServer server = new TlsServer(identity)) {
      NetworkException e = failure(client(server.baseUrl()).httpClient(trusting(identity.trustingContext())));
      assertEquals("TLS certificate of 127.0.0.1:" + server.port() + " is for another name calling getRecording "
          + "(it does not name 127.0.0.1: use the host name the certificate is issued for in the base URL, or "
          + "have the server present a certificate for 127.0.0.1)", e.getMessage());
    }
  }

  @Test
  void aTlsVersionRefusedSaysSo() throws Exception {
    TlsServer.Identity identity = TlsServer.Identity.forName("127.0.0.1");
    try (TlsServer server = new TlsServer(identity, "TLSv1.2")) {
      NetworkException e = failure(client(server.baseUrl())
          .httpClient(trusting(identity.trustingContext(), "TLSv1.3")));
      assertTrue(e.getMessage().startsWith("TLS handshake with 127.0.0.1:" + server.port() + " refused calling "
          + "getRecording (no TLS version or cipher suite that both sides accept"), e.getMessage());
    }
  }

}
