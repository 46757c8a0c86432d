package io.github.realtimekit.cli;

import io.github.realtimekit.fixtures.FileHost;
import io.github.realtimekit.fixtures.LoopbackServer;
import io.github.realtimekit.fixtures.WebhookSigning;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code serve} talks to in the tests: the API (a recording by its id, on {@link LoopbackServer})
 * whose answers can be held back, the download host ({@link FileHost}), RealtimeKit's signing key
 * (made for the tests, never committed), and a sender of signed deliveries.
 */
final class ServeFakes implements AutoCloseable {

  static final KeyPair KEY = generate();
  static final KeyPair OTHER = generate();
  static final int FILE_BYTES = 64 * 1024;
  private static final Pattern ONE = Pattern.compile(".*/recordings/([0-9a-f-]{36})$");
  private static final Pattern LIST = Pattern.compile(".*/recordings$");

  final FileHost host;
  final LoopbackServer api;
  /** Permits for the API to answer; released in bulk unless a test holds answers back. */
  final Semaphore answers = new Semaphore(1_000_000);
  final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();
  /** Recordings the list answers, in one page. */
  final java.util.List<UUID> listed = new java.util.concurrent.CopyOnWriteArrayList<>();
  /** Recordings the API answers 404 for. */
  final java.util.Set<UUID> missing = ConcurrentHashMap.newKeySet();
  final HttpClient http = HttpClient.newHttpClient();

  ServeFakes() throws IOException {
    host = new FileHost();
    api = LoopbackServer.http((request, exchange) -> {
      Matcher m = ONE.matcher(exchange.getRequestURI().getPath());
      if (LIST.matcher(exchange.getRequestURI().getPath()).matches() && request.line().startsWith("GET")) {
        boolean first = MockQueries.pageNo(exchange.getRequestURI().getRawQuery()) == 1;
        java.util.List<com.fasterxml.jackson.databind.node.ObjectNode> items = new java.util.ArrayList<>();
        for (UUID id : first ? listed : java.util.List.<UUID>of()) {
          items.add(recording(id));
        }
        byte[] page = io.github.realtimekit.fixtures.SpecExamples.page(items, first ? 1 : listed.size() + 1,
            listed.size()).toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, page.length);
        exchange.getResponseBody().write(page);
        return;
      }
      if (!m.matches() || !request.line().startsWith("GET")) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      UUID id = UUID.fromString(m.group(1));
      fetches.computeIfAbsent(id.toString(), k -> new AtomicInteger()).incrementAndGet();
      answers.acquire();
      if (missing.contains(id)) {
        byte[] notFound = ("{\"success\":false,\"errors\":[{\"code\":404,\"message\":\"Recording not found\"}]}")
            .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(404, notFound.length);
        exchange.getResponseBody().write(notFound);
        return;
      }
      byte[] body = io.github.realtimekit.fixtures.SpecExamples.oneRecording(recording(id)).toString()
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    });
  }

  /** The API's recording, UPLOADED, its file on the download host. */
  private com.fasterxml.jackson.databind.node.ObjectNode recording(UUID id) {
    String path = "/files/" + id + ".mp4";
    host.serve(path, content(id));
    com.fasterxml.jackson.databind.node.ObjectNode item = Examples.recording(id);
    item.put("download_url", host.url(path) + "?X-Amz-Signature=s");
    item.putNull("audio_download_url");
    item.put("output_file_name", "meeting.mp4");
    item.put("file_size", FILE_BYTES);
    item.put("status", "UPLOADED");
    return item;
  }

  static byte[] content(UUID id) {
    byte[] b = new byte[FILE_BYTES];
    new java.util.Random(id.getLeastSignificantBits()).nextBytes(b);
    return b;
  }

  String baseUrl() {
    return api.baseUrl();
  }

  int fetchesOf(UUID id) {
    AtomicInteger n = fetches.get(id.toString());
    return n == null ? 0 : n.get();
  }

  /** A recording.statusUpdate body. */
  static byte[] statusUpdate(UUID recording, String status) {
    return ("{\"event\":\"recording.statusUpdate\",\"recording\":{\"id\":\"" + recording + "\",\"recordingId\":\""
        + recording + "\",\"status\":\"" + status + "\",\"fileSize\":\"" + FILE_BYTES + "\"},\"meeting\":{\"id\":\"m-1\""
        + ",\"title\":\"standup\"}}").getBytes(StandardCharsets.UTF_8);
  }

  static byte[] meetingStarted() {
    return "{\"event\":\"meeting.started\",\"meeting\":{\"id\":\"m-1\",\"status\":\"LIVE\"}}"
        .getBytes(StandardCharsets.UTF_8);
  }

  static String sign(KeyPair pair, byte[] body) {
    return WebhookSigning.sign(pair, body);
  }

  static String pem(KeyPair pair) {
    return WebhookSigning.pem(pair);
  }

  static Path writePem(Path dir) throws IOException {
    return Files.writeString(dir.resolve("rtk-webhooks.pem"), pem(KEY));
  }

  /** Posts a delivery; null signature for none, null id for no rtk-uuid. */
  HttpResponse<String> post(URI url, byte[] body, String signature, String deliveryId)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .header("Content-Type", "application/json");
    if (signature != null) {
      request.header("rtk-signature", signature);
    }
    if (deliveryId != null) {
      request.header("rtk-uuid", deliveryId);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Posts a delivery signed with RealtimeKit's key. */
  HttpResponse<String> deliver(URI url, byte[] body, String deliveryId) throws IOException, InterruptedException {
    return post(url, body, sign(KEY, body), deliveryId);
  }

  private static KeyPair generate() {
    return WebhookSigning.newKeyPair();
  }

  @Override
  public void close() {
    answers.release(1_000_000);
    api.close();
    host.close();
  }
}
