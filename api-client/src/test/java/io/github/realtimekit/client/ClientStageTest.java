package io.github.realtimekit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.realtimekit.client.errors.NotFoundException;
import io.github.realtimekit.client.errors.RealtimeKitException;
import io.github.realtimekit.fixtures.LoopbackServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An application's own stages: where they run, what they see, what they may change; and the README's examples. */
@Timeout(60)
class ClientStageTest {

  @RegisterExtension
  static final OpenTelemetryExtension OTEL = OpenTelemetryExtension.create();

  static final String NOT_FOUND = "{\"success\":false,\"errors\":[{\"code\":7003,\"message\":\"Recording not found\"}]}";

  /** Answers 503, then the recording, then 404, then the recording again and again. */
  static LoopbackServer busyThenFoundThenNotFound() {
    AtomicInteger calls = new AtomicInteger();
    return LoopbackServer.raw((head, out) -> {
      int n = calls.getAndIncrement();
      int status = n == 0 ? 503 : n == 2 ? 404 : 200;
      String body = status == 200 ? RequestBodyTest.RECORDING : status == 404 ? NOT_FOUND : "{\"success\":false}";
      LoopbackServer.write(out, "HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: "
          + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body);
    });
  }

  static RealtimeKitClientBuilder client(LoopbackServer server) {
    return RequestBodyTest.client(server.baseUrl()).clock(d -> { }, () -> 0L, () -> 0.0);
  }

  @Test
  void aStageRunsOnEveryAttemptAndNeverSeesTheToken() throws Exception {
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    try (LoopbackServer server = busyThenFoundThenNotFound();
        RealtimeKitClient client = client(server).addStage((request, chain) -> {
          seen.add(request.attempt() + " " + request.method() + " " + request.operation() + " " + request.headers());
          return chain.proceed(request);
        }).build()) {
      client.getRecording(RateLimitWindowTest.RECORDING);
      assertEquals(2, seen.size(), "one call, retried once: two attempts");
      assertTrue(seen.get(0).startsWith("1 GET getRecording {"), seen.get(0));
      assertTrue(seen.get(1).startsWith("2 GET getRecording {"), seen.get(1));
      for (String s : seen) {
        assertFalse(s.contains(HostileServerTest.TOKEN) || s.toLowerCase().contains("authorization"), s);
      }
      assertTrue(server.lastRequest().header("Authorization").endsWith(HostileServerTest.TOKEN), "the server got it");
    }
  }

  @Test
  void stagesRunInTheOrderAddedSeeTheClientsExceptionsAndMayAddHeaders() throws Exception {
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    try (LoopbackServer server = busyThenFoundThenNotFound();
        RealtimeKitClient client = client(server).maxRetries(0)
            .addStage((request, chain) -> {
              order.add("outer");
              try {
                return chain.proceed(request.withHeader("X-Audit", "a-1"));
              } catch (NotFoundException e) {
                order.add("outer saw " + e.getStatusCode());
                throw e;
              }
            })
            .addStage((request, chain) -> {
              order.add("inner saw X-Audit " + request.headers().get("x-audit"));
              return chain.proceed(request);
            }).build()) {
      assertThrows(RuntimeException.class, () -> client.getRecording(RateLimitWindowTest.RECORDING));
      client.getRecording(RateLimitWindowTest.RECORDING);
      assertEquals("a-1", server.lastRequest().header("X-Audit"));
      assertThrows(NotFoundException.class, () -> client.getRecording(RateLimitWindowTest.RECORDING));
      assertEquals(List.of("outer", "inner saw X-Audit [a-1]", "outer", "inner saw X-Audit [a-1]", "outer",
          "inner saw X-Audit [a-1]", "outer saw 404"), order);
    }
  }

  @Test
  void aStageCannotSetTheCredentialNorPassAnotherRequestNorMakeAResponse() throws Exception {
    try (LoopbackServer server = RequestBodyTest.started()) {
      for (String name : List.of("Authorization", "authorization", "Host", "Content-Length", "User-Agent")) {
        try (RealtimeKitClient client = client(server).maxRetries(0)
            .addStage((request, chain) -> chain.proceed(request.withHeader(name, "Bearer stolen"))).build()) {
          RealtimeKitException e = assertThrows(RealtimeKitException.class,
              () -> client.getRecording(RateLimitWindowTest.RECORDING));
          assertEquals("header " + name + ": must not be set by the caller: the client sets " + name + " itself",
              e.getCause().getMessage(), "a stage's own exception, as the cause");
          assertTrue(e.getCause() instanceof IllegalArgumentException);
        }
      }
      StageRequest[] kept = new StageRequest[1];
      StageResponse[] keptResponse = new StageResponse[1];
      AtomicInteger calls = new AtomicInteger();
      try (RealtimeKitClient client = client(server).maxRetries(0).addStage((request, chain) -> {
        switch (calls.getAndIncrement()) {
          case 0:
            kept[0] = request;
            keptResponse[0] = chain.proceed(request);
            return keptResponse[0];
          case 1:
            return chain.proceed(kept[0]);
          default:
            return keptResponse[0];
        }
      }).build()) {
        client.getRecording(RateLimitWindowTest.RECORDING);
        RealtimeKitException e = assertThrows(RealtimeKitException.class,
            () -> client.getRecording(RateLimitWindowTest.RECORDING), "another call's request");
        assertEquals("A ClientStage must pass on the request it was given, or one made from it with withHeader",
            e.getCause().getMessage());
        IllegalStateException wrong = assertThrows(IllegalStateException.class,
            () -> client.getRecording(RateLimitWindowTest.RECORDING), "another call's response");
        assertTrue(wrong.getMessage().startsWith("A ClientStage must return the response its chain returned"),
            wrong.getMessage());
      }
      assertEquals(0, server.requests().stream().filter(r -> "Bearer stolen".equals(r.header("Authorization")))
          .count());
    }
  }

  @Test
  void theReadmesMicrometerTimerTimesEachAttemptByStatus() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (LoopbackServer server = busyThenFoundThenNotFound();
        RealtimeKitClient client = client(server).addStage(StageExamples.micrometerTimer(registry)).build()) {
      client.getRecording(RateLimitWindowTest.RECORDING);
      assertThrows(NotFoundException.class, () -> client.getRecording(RateLimitWindowTest.RECORDING));
    }
    for (String status : List.of("503", "200", "404")) {
      assertEquals(1, registry.get("realtimekit.client.requests").tags("operation", "getRecording", "status", status)
          .timer().count(), status);
    }
  }

  @Test
  void theReadmesOpenTelemetrySpanIsSentOnAsTraceparent() throws Exception {
    try (LoopbackServer server = busyThenFoundThenNotFound();
        RealtimeKitClient client = client(server).addStage(StageExamples.openTelemetrySpan(OTEL.getOpenTelemetry()))
            .build()) {
      client.getRecording(RateLimitWindowTest.RECORDING);
      List<SpanData> spans = OTEL.getSpans();
      assertEquals(2, spans.size());
      SpanData retried = spans.get(1);
      assertEquals("getRecording", retried.getName());
      assertEquals(SpanKind.CLIENT, retried.getKind());
      assertEquals(StatusCode.ERROR, spans.get(0).getStatus().getStatusCode());
      assertEquals(503L, spans.get(0).getAttributes().asMap().entrySet().stream()
          .filter(a -> a.getKey().getKey().equals("http.response.status_code")).findFirst().get().getValue());
      assertEquals(1L, retried.getAttributes().asMap().entrySet().stream()
          .filter(a -> a.getKey().getKey().equals("http.request.resend_count")).findFirst().get().getValue());
      String traceparent = server.lastRequest().header("traceparent");
      assertTrue(traceparent.startsWith("00-" + retried.getTraceId() + "-" + retried.getSpanId() + "-"), traceparent);
    }
  }

  @Test
  void theReadmeShowsTheExamplesAsTheyAreCompiled() throws Exception {
    String source = Files.readString(Path.of("src/test/java/io/github/realtimekit/client/StageExamples.java"));
    String readme = Files.readString(Path.of("../README.md"));
    for (String example : List.of("micrometer", "opentelemetry")) {
      int start = source.indexOf("// README: " + example + "\n");
      String code = source.substring(source.indexOf('\n', start) + 1, source.indexOf("    // README: end", start));
      String unindented = code.lines().map(line -> line.startsWith("    ") ? line.substring(4) : line)
          .reduce("", (a, b) -> a + b + "\n");
      assertTrue(readme.contains(unindented), "README lacks, as compiled:\n" + unindented);
    }
  }
}
