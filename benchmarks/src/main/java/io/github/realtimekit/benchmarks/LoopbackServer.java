package io.github.realtimekit.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.function.Function;

/** The JDK's own HTTP server on the loopback address, answering every request with JSON. */
final class LoopbackServer implements AutoCloseable {

  static {
    // Without TCP_NODELAY the server's separate header and body writes meet the client's delayed
    // ACK, and every exchange stalls for tens of milliseconds: a cost of the test server, not of a client.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private volatile URI lastRequest;
  private volatile String lastAuthorization;

  /** @param body the body for a request URI */
  LoopbackServer(Function<URI, byte[]> body) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      lastRequest = exchange.getRequestURI();
      lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
      byte[] bytes = body.apply(exchange.getRequestURI());
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
  }

  /** The base URL to give a client, with the API's base path. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/client/v4";
  }

  /** The URI of the last request served, to check what a client sent; null before the first. */
  URI lastRequest() {
    return lastRequest;
  }

  /** The Authorization header of the last request served, or null. */
  String lastAuthorization() {
    return lastAuthorization;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
