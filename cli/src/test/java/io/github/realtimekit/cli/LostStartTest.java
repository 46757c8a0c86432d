package io.github.realtimekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.realtimekit.fixtures.LoopbackServer;
import io.github.realtimekit.fixtures.RecordedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A start whose answer is lost (here a 502 after the request was sent): the tool prints the recording
 * the client found as the meeting's active one, and says it was reconciled (exit 0); or, when there is
 * none, exits 8 and says what to run to find out. The start is sent once either way.
 */
class LostStartTest {

  private static final String MEETING = "97440c6a-140b-40a9-9499-b23fd7a3868a";
  private static final String RECORDING = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

  private final AtomicReference<String> active = new AtomicReference<>();
  private final LoopbackServer server = LoopbackServer.http(this::answer);

  @AfterEach
  void stop() {
    server.close();
  }

  private void answer(RecordedRequest request, com.sun.net.httpserver.HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (exchange.getRequestMethod().equals("POST")) {
      send(exchange, 502, "{\"success\":false,\"error\":{\"code\":502,\"message\":\"Bad gateway\"}}");
    } else if (path.endsWith("/active-recording/" + MEETING) && active.get() != null) {
      send(exchange, 200, active.get());
    } else {
      send(exchange, 404, "{\"success\":false,\"error\":{\"code\":404,\"message\":\"No active recording found\"}}");
    }
  }

  private static void send(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private long posts() {
    return server.requests().stream().filter(r -> r.method().equals("POST")).count();
  }

  @Test
  void aStartFoundActiveAfterItsAnswerWasLostIsPrintedAndSaidReconciled() {
    // Invoked after the call began, as the recording this start made would be.
    String invoked = Instant.now().plus(1, ChronoUnit.MINUTES).toString();
    active.set("{\"success\":true,\"data\":{\"id\":\"" + RECORDING + "\",\"invoked_time\":\"" + invoked
        + "\",\"status\":\"INVOKED\",\"output_file_name\":\"x.mp4\",\"audio_download_url\":null,"
        + "\"download_url\":null,\"download_url_expiry\":null,\"file_size\":null,\"session_id\":null,"
        + "\"started_time\":null,\"stopped_time\":null}}");

    Cli.Result r = Cli.against(server.baseUrl(), "start", "--meeting", MEETING, "--json");

    assertEquals(ExitCode.OK, r.exitCode(), r.toString());
    assertEquals(RECORDING, r.jsonLines().get(0).get("id").asText());
    assertTrue(r.err().contains("(reconciled)"), r.err());
    assertEquals(1, posts(), "sent once");
  }

  @Test
  void aStartNotFoundAfterItsAnswerWasLostExits8AndSaysWhatToRun() {
    Cli.Result r = Cli.against(server.baseUrl(), "start", "--meeting", MEETING);

    assertEquals(ExitCode.OUTCOME_UNKNOWN, r.exitCode(), r.toString());
    assertEquals("", r.out());
    assertEquals(List.of("realtimekit-recordings: The outcome of startRecording is unknown: its answer was lost "
        + "(HTTP 502 from startRecording: Bad gateway (code 502)), and getActiveRecording(meeting_id=" + MEETING
        + ") found none. It may or may "
        + "not have taken effect, and was not sent again: ask getActiveRecording before trying again; to find out, "
        + "run: realtimekit-recordings active --meeting " + MEETING), r.errLines());
    assertEquals(1, posts(), "sent once");
  }
}
