package io.github.realtimekit.specfirst;

import com.sun.net.httpserver.HttpExchange;
import io.github.realtimekit.fixtures.LoopbackServer;
import io.github.realtimekit.fixtures.RecordedRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the loopback server answers for the two operations the test adds to the spec: one transcript,
 * and {@value #SESSION_COUNT} sessions in pages of the requested size. Anything else is a 404. It answers
 * at most {@value #MAX_REQUESTS} requests so, and every later one with a 404, so that a client that keeps
 * asking ends rather than loops.
 */
final class SessionsApi implements LoopbackServer.Handler {

  static final int MAX_REQUESTS = 20;
  private static final String NOT_FOUND = "{\"success\":false,\"error\":{\"code\":404,\"message\":\"Not found\"}}";

  static final String ACCOUNT = "spec-first-account";
  static final String APP = "spec-first-app";
  static final String PREFIX = "/client/v4/accounts/" + ACCOUNT + "/realtime/kit/" + APP;
  static final UUID SESSION = UUID.fromString("0d5e2a43-3c1d-4f0e-9f0b-6f1b8a7c2e11");
  static final UUID MEETING = UUID.fromString("8b1c4a2e-5d6f-4e7a-9b8c-0d1e2f3a4b5c");
  static final int SESSION_COUNT = 5;

  private final AtomicInteger served = new AtomicInteger();

  @Override
  public void handle(RecordedRequest request, HttpExchange exchange) throws IOException {
    String answer = served.incrementAndGet() > MAX_REQUESTS ? null : answer(request);
    byte[] body = (answer == null ? NOT_FOUND : answer).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer == null ? 404 : 200, body.length);
    exchange.getResponseBody().write(body);
  }

  /** The id of the n-th session, from 1. */
  static UUID session(int n) {
    return UUID.fromString(String.format("6a0c9a39-8f4b-4d55-a6b3-%012d", n));
  }

  /** The JSON answer of a request, or null for a 404. */
  private static String answer(RecordedRequest request) {
    if (!request.method().equals("GET")) {
      return null;
    }
    if (request.path().equals(PREFIX + "/sessions/" + SESSION + "/transcript") && request.query() == null) {
      return "{\"success\":true,\"data\":{\"session_id\":\"" + SESSION + "\","
          + "\"language\":\"en-US\",\"word_count\":1234,\"created_at\":\"2026-01-02T03:04:05Z\","
          + "\"transcript_download_url\":\"https://transcripts.example.com/" + SESSION + ".txt\"}}";
    }
    if (request.path().equals(PREFIX + "/sessions")) {
      Map<String, String> query = query(request.query());
      int pageNo = Integer.parseInt(query.getOrDefault("page_no", "1"));
      int perPage = Integer.parseInt(query.getOrDefault("per_page", "30"));
      return page(pageNo, perPage);
    }
    return null;
  }

  private static String page(int pageNo, int perPage) {
    int first = (pageNo - 1) * perPage + 1;
    int last = Math.min(pageNo * perPage, SESSION_COUNT);
    List<String> items = new ArrayList<>();
    for (int n = first; n <= last; n++) {
      items.add("{\"id\":\"" + session(n) + "\",\"meeting_id\":\"" + MEETING + "\",\"status\":\"ENDED\","
          + "\"started_at\":\"2026-01-0" + n + "T10:00:00Z\"}");
    }
    return "{\"success\":true,\"data\":[" + String.join(",", items) + "],\"paging\":{\"total_count\":"
        + SESSION_COUNT + ",\"start_offset\":" + first + ",\"end_offset\":" + Math.max(last, first - 1) + "}}";
  }

  /** A raw query string's parameters, decoded, in order; empty for none. */
  static Map<String, String> query(String rawQuery) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      if (parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8)) != null) {
        throw new AssertionError("parameter " + name + " sent twice in " + rawQuery);
      }
    }
    return parameters;
  }
}
