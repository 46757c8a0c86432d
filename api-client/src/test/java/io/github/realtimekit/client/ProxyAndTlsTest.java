package io.github.realtimekit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.realtimekit.client.errors.UnauthorizedException;
import io.github.realtimekit.client.errors.NetworkException;
import io.github.realtimekit.client.errors.NotFoundException;
import io.github.realtimekit.client.errors.ServiceException;
import io.github.realtimekit.fixtures.LoopbackServer;
import io.github.realtimekit.fixtures.RecordedRequest;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The builder's proxy and TLS settings, against a loopback proxy and a loopback HTTPS server. */
@Timeout(30)
class ProxyAndTlsTest {

  static final String PASSWORD = "pr0xy-s3cret-9d8e";
  static final String BASIC = "Basic " + Base64.getEncoder()
      .encodeToString(("alice:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  /** A host that resolves nowhere: only a proxy can answer for it. */
  static final String API = "http://api.realtimekit.invalid";

  /**
   * A forward proxy for plain http (absolute-URI requests) that asks for Basic credentials and then
   * answers for the origin itself: a 404 envelope, which shows the call got through.
   */
  static LoopbackServer proxy() {
    return LoopbackServer.raw((head, out) -> {
      boolean authorized = head.stream().anyMatch(line -> line.equalsIgnoreCase("Proxy-Authorization: " + BASIC));
      if (!authorized) {
        LoopbackServer.write(out, "HTTP/1.1 407 Proxy Authentication Required\r\n"
            + "Proxy-Authenticate: Basic realm=\"corp\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
      } else {
        LoopbackServer.rawJson(404, RedirectTest.NOT_FOUND).handle(head, out);
      }
    });
  }

  static ProxySelector at(LoopbackServer proxy) {
    return ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port()));
  }

  @Test
  void callsGoThroughTheProxyWithItsCredentials() throws Exception {
    try (LoopbackServer proxy = proxy();
        CapturedHttpLog log = new CapturedHttpLog();
        RealtimeKitClient client = HostileServerTest.client(API).httpLogLevel(HttpLogLevel.HEADERS)
            .proxy(at(proxy), "alice", PASSWORD.toCharArray()).build()) {
      NotFoundException e = assertThrows(NotFoundException.class, () -> client.getRecording(HostileServerTest.RECORDING));
      List<RecordedRequest> requests = proxy.requests();
      assertEquals(1, requests.size(), "the credentials go with the first request");
      assertTrue(requests.get(0).line().startsWith("GET " + API + "/"), requests.get(0).line());
      assertEquals(BASIC, requests.get(0).header("Proxy-Authorization"));
      String everything = String.join("\n", log.lines) + e + e.getMessage() + client;
      assertFalse(log.lines.isEmpty());
      assertFalse(everything.contains(PASSWORD), everything);
      assertFalse(everything.contains(BASIC.substring(6)), everything);
    }
  }

  @Test
  void withoutCredentialsTheProxysRefusalIsAnError() throws Exception {
    try (LoopbackServer proxy = proxy();
        RealtimeKitClient client = HostileServerTest.client(API).proxy(at(proxy)).build()) {
      ServiceException e = assertThrows(ServiceException.class, () -> client.getRecording(HostileServerTest.RECORDING));
      assertEquals(407, e.getStatusCode());
      assertNull(proxy.requests().get(0).header("Proxy-Authorization"));
    }
  }

  @Test
  void proxyCredentialsNeverReachTheApiAndItsOwn401StaysA401() throws Exception {
    String unauthorized = "{\"success\":false,\"errors\":[{\"code\":10000,\"message\":\"Authentication error\"}]}";
    try (LoopbackServer api = LoopbackServer.raw(LoopbackServer.rawJson(401, unauthorized));
        RealtimeKitClient client = HostileServerTest.client(api.baseUrl())
            .proxy(ProxySelector.of(null), "alice", PASSWORD.toCharArray()).build()) {
      assertThrows(UnauthorizedException.class, () -> client.getRecording(HostileServerTest.RECORDING));
      assertNull(api.requests().get(0).header("Proxy-Authorization"), "a direct connection carries no proxy credential");
    }
  }

  @Test
  void anSslContextThatTrustsTheServersCaIsUsed() throws Exception {
    TlsServer.Identity ca = TlsServer.Identity.forName("127.0.0.1");
    try (TlsServer server = new TlsServer(ca)) {
      try (RealtimeKitClient client = HostileServerTest.client(server.baseUrl())
          .sslContext(ca.trustingContext()).build()) {
        assertThrows(NotFoundException.class, () -> client.getRecording(HostileServerTest.RECORDING));
      }
      try (RealtimeKitClient client = HostileServerTest.client(server.baseUrl()).build()) {
        NetworkException e = assertThrows(NetworkException.class, () -> client.getRecording(HostileServerTest.RECORDING));
        assertTrue(e.getMessage().contains("not trusted"), e.getMessage());
      }
    }
  }

  @Test
  void httpsGoesThroughTheProxysTunnelWithTheTestCaTrusted() throws Exception {
    TlsServer.Identity ca = TlsServer.Identity.forName("127.0.0.1");
    try (TlsServer server = new TlsServer(ca);
        TunnelProxy proxy = new TunnelProxy();
        RealtimeKitClient client = HostileServerTest.client(server.baseUrl())
            .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port())))
            .sslContext(ca.trustingContext()).build()) {
      assertThrows(NotFoundException.class, () -> client.getRecording(HostileServerTest.RECORDING));
      assertEquals(List.of("CONNECT 127.0.0.1:" + server.port() + " HTTP/1.1"), proxy.requestLines);
    }
  }

  @Test
  void networkSettingsAreRefusedBesideTheCallersOwnClient() throws Exception {
    HttpClient own = HttpClient.newHttpClient();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HostileServerTest.client(API).httpClient(own).proxy(ProxySelector.of(null)).build());
    assertEquals("proxy: cannot be combined with httpClient(...), whose own settings apply; set it on that "
        + "HttpClient's builder instead", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> HostileServerTest.client(API).httpClient(own).sslContext(SSLContext.getDefault()).build());
    assertTrue(e.getMessage().startsWith("sslContext: cannot be combined with httpClient(...)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> HostileServerTest.client(API).proxy(ProxySelector.of(null), "a:b", new char[0]));
    assertEquals("proxy user: must not be empty, nor hold ':' or control characters", e.getMessage());
  }
}
