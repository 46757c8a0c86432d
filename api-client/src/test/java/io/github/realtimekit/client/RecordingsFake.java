package io.github.realtimekit.client;

import com.sun.net.httpserver.HttpExchange;
import io.github.realtimekit.fixtures.LoopbackServer;
import io.github.realtimekit.fixtures.RecordedRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A RealtimeKit that records meetings and then loses its answer to a start in a chosen way: the
 * server side of the lost-answer tests. It keeps every recording it starts, so a test can count
 * them, and answers the active recording of a meeting from them. Time is the test's clock.
 */
final class RecordingsFake implements AutoCloseable {

  /** What happens to the answer of a start. */
  enum Answer {
    /** Answered. */
    OK,
    /** The recording is started, then the connection is closed with no answer. */
    CLOSED,
    /** The recording is started, then a gateway answers 502. */
    BAD_GATEWAY,
    /** The recording is started, and the answer comes after the client stopped waiting. */
    LATE,
    /** 429 with Retry-After and nothing started, then answered. */
    RATE_LIMITED_FIRST,
    /** Nothing is started, and a gateway answers 502. */
    BAD_GATEWAY_NOTHING_STARTED
  }

  private static final Pattern MEETING = Pattern.compile("\"meeting_id\"\\s*:\\s*\"([^\"]+)\"");

  record Started(String id, String meetingId, Instant invoked) {
  }

  private final List<Started> recordings = new ArrayList<>();
  private final AtomicInteger starts = new AtomicInteger();
  private final LongSupplier clock;
  private final long lateMillis;
  private volatile Answer answer = Answer.OK;
  private volatile int activeFailures;
  final LoopbackServer server;

  RecordingsFake(LongSupplier clock, long lateMillis) {
    this.clock = clock;
    this.lateMillis = lateMillis;
    this.server = LoopbackServer.http(this::handle);
  }

  void answer(Answer answer) {
    this.answer = answer;
  }

  /** The next n questions for the active recording fail with 500. */
  void failActive(int n) {
    activeFailures = n;
  }

  /** A recording someone else started earlier. */
  synchronized void alreadyRecording(String meetingId, Instant invoked) {
    recordings.add(new Started(UUID.randomUUID().toString(), meetingId, invoked));
  }

  synchronized List<Started> recordingsOf(String meetingId) {
    return recordings.stream().filter(r -> r.meetingId().equals(meetingId)).toList();
  }

  long posts() {
    return server.requests().stream().filter(r -> r.method().equals("POST")).count();
  }

  long gets() {
    return server.requests().stream().filter(r -> r.method().equals("GET")).count();
  }

  private void handle(RecordedRequest request, HttpExchange exchange) throws IOException, InterruptedException {
    String path = request.path();
    if (request.method().equals("POST")) {
      start(request, exchange, path.endsWith("/track"));
    } else if (path.contains("/recordings/active-recording/")) {
      active(path.substring(path.lastIndexOf('/') + 1), exchange);
    } else {
      send(exchange, 200, "{\"success\": true, \"data\": " + recording(new Started(
          path.substring(path.lastIndexOf('/') + 1), "m", Instant.ofEpochMilli(clock.getAsLong()))) + "}");
    }
  }

  private void start(RecordedRequest request, HttpExchange exchange, boolean track)
      throws IOException, InterruptedException {
    Matcher meeting = MEETING.matcher(new String(request.body(), StandardCharsets.UTF_8));
    if (!meeting.find()) {
      send(exchange, 400, "{\"success\": false, \"error\": {\"code\": 400, \"message\": \"meeting_id is required\"}}");
      return;
    }
    Answer now = answer;
    if (now == Answer.RATE_LIMITED_FIRST && starts.getAndIncrement() == 0) {
      exchange.getResponseHeaders().add("Retry-After", "0");
      send(exchange, 429, "{\"success\": false, \"error\": {\"code\": 429, \"message\": \"Too many requests\"}}");
      return;
    }
    if (now == Answer.BAD_GATEWAY_NOTHING_STARTED) {
      send(exchange, 502, "<html>502 Bad Gateway</html>");
      return;
    }
    Started started;
    synchronized (this) {
      boolean active = recordings.stream().anyMatch(r -> r.meetingId().equals(meeting.group(1)));
      if (active && !new String(request.body(), StandardCharsets.UTF_8).contains("\"allow_multiple_recordings\":true")) {
        send(exchange, 409, "{\"success\": false, \"error\": {\"code\": 409, \"message\": \"Meeting is already being recorded\"}}");
        return;
      }
      started = new Started(UUID.randomUUID().toString(), meeting.group(1), Instant.ofEpochMilli(clock.getAsLong()));
      recordings.add(started);
    }
    String json = recording(started);
    String body = "{\"success\": true, \"data\": " + (track ? "{\"recording\": " + json + "}" : json) + "}";
    switch (now) {
      case CLOSED -> exchange.close();
      case BAD_GATEWAY -> send(exchange, 502, "<html>502 Bad Gateway</html>");
      case LATE -> {
        Thread.sleep(lateMillis);
        send(exchange, 200, body);
      }
      default -> send(exchange, 200, body);
    }
  }

  private void active(String meetingId, HttpExchange exchange) throws IOException {
    synchronized (this) {
      if (activeFailures > 0) {
        activeFailures--;
        send(exchange, 500, "{\"success\": false, \"error\": {\"code\": 500, \"message\": \"Internal error\"}}");
        return;
      }
    }
    List<Started> of = recordingsOf(meetingId);
    if (of.isEmpty()) {
      send(exchange, 404, "{\"success\": false, \"error\": {\"code\": 404, \"message\": \"No active recording found for the meeting\"}}");
    } else {
      send(exchange, 200, "{\"success\": true, \"data\": " + recording(of.get(of.size() - 1)) + "}");
    }
  }

  private static String recording(Started r) {
    return "{\"id\": \"" + r.id() + "\", \"audio_download_url\": null, \"download_url\": null, "
        + "\"download_url_expiry\": null, \"file_size\": null, \"invoked_time\": \"" + r.invoked() + "\", "
        + "\"output_file_name\": \"" + r.id() + ".mp4\", \"session_id\": null, \"started_time\": null, "
        + "\"status\": \"INVOKED\", \"stopped_time\": null}";
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", body.startsWith("<") ? "text/html" : "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
