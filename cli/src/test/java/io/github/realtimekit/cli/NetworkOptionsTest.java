package io.github.realtimekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.realtimekit.fixtures.LoopbackServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code --proxy}, the proxy environment variables and {@code --ca-cert}. */
@Timeout(60)
class NetworkOptionsTest {

  static final UUID ID = UUID.fromString("5e0c2a4b-1d3f-4e5a-9b6c-7d8e9f0a1b2c");
  static final String PASSWORD = "pr0xy-s3cret-9d8e";
  static final String BASIC = "Basic " + Base64.getEncoder()
      .encodeToString(("alice:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  /** A host that resolves nowhere: only a proxy can answer for it. */
  static final String API = "http://api.realtimekit.invalid" + Examples.BASE_PATH;

  /** A forward proxy that asks for Basic credentials, and then answers for the API itself. */
  static LoopbackServer proxy() {
    return LoopbackServer.raw((head, out) -> {
      if (head.stream().noneMatch(line -> line.equalsIgnoreCase("Proxy-Authorization: " + BASIC))) {
        LoopbackServer.write(out, "HTTP/1.1 407 Proxy Authentication Required\r\n"
            + "Proxy-Authenticate: Basic realm=\"corp\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
      } else {
        LoopbackServer.rawJson(200, Examples.one(ID, data -> { })).handle(head, out);
      }
    });
  }

  @Test
  void theProxyOptionSendsTheCallThroughTheProxyWithItsCredentialsNeverShown() {
    try (LoopbackServer proxy = proxy()) {
      Cli.Result r = Cli.run(Cli.realEnv(), "--base-url", API, "--verbose",
          "--proxy", "http://alice:" + PASSWORD + "@127.0.0.1:" + proxy.port(), "get", ID.toString());
      assertEquals(0, r.exitCode(), r.toString());
      assertTrue(r.out().startsWith("id: " + ID), r.out());
      assertEquals(1, proxy.requests().size());
      assertTrue(proxy.requests().get(0).line().startsWith("GET http://api.realtimekit.invalid/"),
          proxy.requests().get(0).line());
      assertFalse(r.toString().contains(PASSWORD), r.toString());
      assertFalse(r.toString().contains(BASIC.substring(6)), r.toString());
    }
  }

  @Test
  void theEnvironmentsProxyIsUsedInEitherCase() {
    for (String name : List.of("http_proxy", "HTTP_PROXY")) {
      try (LoopbackServer proxy = proxy()) {
        Map<String, String> env = Cli.realEnv();
        env.put(name, "alice:" + PASSWORD + "@127.0.0.1:" + proxy.port());
        Cli.Result r = Cli.run(env, "--base-url", API, "get", ID.toString());
        assertEquals(0, r.exitCode(), name + " " + r);
        assertEquals(1, proxy.requests().size(), name);
      }
    }
  }

  @Test
  void noProxyAndLoopbackHostsGoDirect() {
    Map<String, String> env = Map.of("HTTPS_PROXY", "http://proxy.corp:3128", "http_proxy", "proxy.corp:8080",
        "NO_PROXY", "internal.example, .corp.example,api.test:8443");
    ProxySettings.Resolved proxy = ProxySettings.resolve(null, env);
    Proxy via = new Proxy(Proxy.Type.HTTP, new InetSocketAddress("proxy.corp", 3128));
    assertEquals(List.of(via), proxy.selector().select(URI.create("https://api.cloudflare.com/client/v4")));
    assertEquals(List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("proxy.corp", 8080))),
        proxy.selector().select(URI.create("http://files.example/a")));
    for (String direct : List.of("https://internal.example/x", "https://a.internal.example/x",
        "https://corp.example/x", "https://x.corp.example/x", "https://api.test:8443/x", "http://localhost:9/x",
        "http://127.0.0.1:9/x", "http://[::1]:9/x")) {
      assertEquals(List.of(Proxy.NO_PROXY), proxy.selector().select(URI.create(direct)), direct);
    }
    assertEquals(List.of(via), proxy.selector().select(URI.create("https://api.test/x")));
    assertEquals(List.of(via), proxy.selector().select(URI.create("https://notinternal.example/x")));
    ProxySettings.Resolved none = ProxySettings.resolve(null, Map.of("https_proxy", "proxy.corp", "no_proxy", "*"));
    assertEquals(List.of(Proxy.NO_PROXY), none.selector().select(URI.create("https://api.cloudflare.com/")));
    assertEquals(null, ProxySettings.resolve(null, Map.of()));
  }

  @Test
  void aBadProxyUrlIsAUsageErrorNamingWhereItCameFromWithoutItsPassword() {
    Cli.Result r = Cli.run(Cli.realEnv(), "--proxy", "socks5://alice:" + PASSWORD + "@proxy:1080", "get", ID.toString());
    assertEquals(ExitCode.USAGE, r.exitCode(), r.toString());
    assertTrue(r.err().contains("--proxy: must be an http proxy's URL, http://[user:password@]host[:port]; socks5:// "
        + "proxies are not supported"), r.err());
    assertFalse(r.toString().contains(PASSWORD), r.toString());
    Map<String, String> env = Cli.realEnv();
    env.put("HTTPS_PROXY", "http://alice:" + PASSWORD + "@proxy:1080/some/path");
    r = Cli.run(env, "get", ID.toString());
    assertEquals(ExitCode.USAGE, r.exitCode(), r.toString());
    assertTrue(r.err().contains("HTTPS_PROXY: must be an http proxy's URL"), r.err());
    assertFalse(r.toString().contains(PASSWORD), r.toString());
  }

  @Test
  void aCaCertThatCannotBeReadOrHoldsNoCertificateIsAUsageErrorNamingTheOption(@TempDir Path dir) throws Exception {
    Cli.Result r = Cli.run(Cli.realEnv(), "--ca-cert", dir.resolve("missing.pem").toString(), "get", ID.toString());
    assertEquals(ExitCode.USAGE, r.exitCode(), r.toString());
    assertTrue(r.err().contains("--ca-cert " + dir.resolve("missing.pem") + ": cannot be read"), r.err());
    Path junk = Files.writeString(dir.resolve("junk.pem"), "-----BEGIN CERTIFICATE-----\nnot base64!\n"
        + "-----END CERTIFICATE-----\n");
    r = Cli.run(Cli.realEnv(), "--ca-cert", junk.toString(), "get", ID.toString());
    assertEquals(ExitCode.USAGE, r.exitCode(), r.toString());
    assertTrue(r.err().contains("--ca-cert " + junk + ": "), r.err());
    Path empty = Files.writeString(dir.resolve("empty.pem"), "");
    r = Cli.run(Cli.realEnv(), "--ca-cert", empty.toString(), "get", ID.toString());
    assertEquals(ExitCode.USAGE, r.exitCode(), r.toString());
    assertTrue(r.err().contains("--ca-cert " + empty + ": holds no certificate"), r.err());
  }

  @Test
  void aCaCertMakesTheServersCertificateTrusted(@TempDir Path dir) throws Exception {
    Path keystore = dir.resolve("server.p12");
    Path pem = dir.resolve("ca.pem");
    keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
        "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
        "-storepass", "changeit");
    keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(), "-storepass", "changeit",
        "-file", pem.toString());
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, "changeit".toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    server.setHttpsConfigurator(new HttpsConfigurator(context));
    byte[] body = Examples.one(ID, data -> { }).getBytes(StandardCharsets.UTF_8);
    server.createContext("/", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      String base = "https://127.0.0.1:" + server.getAddress().getPort() + Examples.BASE_PATH;
      Cli.Result untrusted = Cli.run(Cli.realEnv(), "--base-url", base, "--max-retries", "0", "get", ID.toString());
      assertTrue(untrusted.err().contains("not trusted"), untrusted.toString());
      assertTrue(untrusted.err().contains("--ca-cert FILE"), untrusted.toString());
      Cli.Result trusted = Cli.run(Cli.realEnv(), "--base-url", base, "--ca-cert", pem.toString(), "get", ID.toString());
      assertEquals(0, trusted.exitCode(), trusted.toString());
      assertTrue(trusted.out().startsWith("id: " + ID), trusted.out());
    } finally {
      server.stop(0);
    }
  }

  private static void keytool(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), output);
  }
}
