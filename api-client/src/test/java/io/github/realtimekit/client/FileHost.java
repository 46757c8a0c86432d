package io.github.realtimekit.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A download host on the loopback address: serves files with or without {@code Range} support, and
 * misbehaves on request (a status, an HTML page, a body cut short or stalled). Records each request's
 * headers and counts the body bytes it sends.
 */
final class FileHost implements AutoCloseable {

  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

  /** How one path answers. */
  static final class File {
    byte[] content = new byte[0];
    boolean ranges = true;
    boolean sendLength = true;
    String contentType = "video/mp4";
    int status = 200;
    /** Stop after this many bytes of the body: close the connection, or stall when {@link #stall}. */
    long cutAfter = -1;
    boolean stall;
    /** A 3xx to this location instead of the file. */
    String redirect;
    /** What the 206's Content-Range says instead of the truth. */
    String contentRange;

    File content(byte[] content) {
      this.content = content;
      return this;
    }
  }

  /** One request as it arrived. */
  record Request(String path, String query, Map<String, List<String>> headers) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "file-host");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, File> files = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicLong bodyBytesSent = new AtomicLong();
  private final CountDownLatch release = new CountDownLatch(1);

  FileHost() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  File serve(String path, byte[] content) {
    File file = new File().content(content);
    files.put(path, file);
    return file;
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  long bodyBytesSent() {
    return bodyBytesSent.get();
  }

  void resetCounts() {
    requests.clear();
    bodyBytesSent.set(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.add(new Request(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
          Map.copyOf(exchange.getRequestHeaders())));
      File file = files.get(exchange.getRequestURI().getPath());
      if (file == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      if (file.redirect != null) {
        exchange.getResponseHeaders().set("Location", file.redirect);
        exchange.sendResponseHeaders(302, -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", file.contentType);
      if (file.status != 200) {
        byte[] body = ("<Error><Code>AccessDenied</Code></Error>").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(file.status, body.length);
        exchange.getResponseBody().write(body);
        return;
      }
      int from = 0;
      String range = exchange.getRequestHeaders().getFirst("Range");
      Matcher m = range == null ? null : RANGE.matcher(range);
      int status = 200;
      if (file.ranges && m != null && m.matches()) {
        long asked = Long.parseLong(m.group(1));
        if (asked >= file.content.length) {
          exchange.getResponseHeaders().set("Content-Range", "bytes */" + file.content.length);
          exchange.sendResponseHeaders(416, -1);
          return;
        }
        from = (int) asked;
        status = 206;
        exchange.getResponseHeaders().set("Content-Range", file.contentRange != null ? file.contentRange
            : "bytes " + from + "-" + (file.content.length - 1) + "/" + file.content.length);
      }
      int length = file.content.length - from;
      exchange.sendResponseHeaders(status, file.sendLength ? length : 0);
      OutputStream out = exchange.getResponseBody();
      int limit = file.cutAfter >= 0 ? (int) Math.min(length, file.cutAfter) : length;
      for (int i = 0; i < limit; i += 8192) {
        int n = Math.min(8192, limit - i);
        out.write(file.content, from + i, n);
        out.flush();
        bodyBytesSent.addAndGet(n);
      }
      if (file.stall) {
        release.await(30, TimeUnit.SECONDS);
      }
      if (file.cutAfter >= 0 && limit < length) {
        // Drop the connection before the body is complete.
        throw new IOException("cut short on purpose");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
