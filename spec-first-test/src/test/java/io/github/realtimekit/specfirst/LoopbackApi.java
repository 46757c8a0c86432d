package io.github.realtimekit.specfirst;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * An API on the loopback address that answers each request with what a function makes of it, and
 * records the requests. It answers at most {@value #MAX_REQUESTS} requests with that function and
 * every later one with a 404, so a client that keeps asking ends rather than loops.
 */
final class LoopbackApi implements AutoCloseable {

  static final int MAX_REQUESTS = 20;

  /** One request as it arrived: the raw (still encoded) path and query; the query null when absent. */
  record Request(String method, String path, String query, String authorization) {
  }

  /** One answer: a status and a JSON body. */
  record Answer(int status, String json) {
  }

  static final Answer NOT_FOUND = new Answer(404,
      "{\"success\":false,\"error\":{\"code\":404,\"message\":\"Not found\"}}");

  private final HttpServer server;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "loopback-api");
    thread.setDaemon(true);
    return thread;
  });
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Function<Request, Answer> answers;

  LoopbackApi(Function<Request, Answer> answers) throws IOException {
    this.answers = answers;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The base URL, with a path as Cloudflare's has one. */
  String baseUrl() {
    return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort()
        + "/client/v4";
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
          exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Authorization"));
      requests.add(request);
      Answer answer = requests.size() > MAX_REQUESTS ? NOT_FOUND : answers.apply(request);
      byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(answer.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
