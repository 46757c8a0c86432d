package io.github.realtimekit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import io.github.realtimekit.client.RecordingsFake.Answer;
import io.github.realtimekit.client.errors.InvalidArgumentException;
import io.github.realtimekit.client.errors.NotFoundException;
import io.github.realtimekit.client.errors.ServiceException;
import io.github.realtimekit.fixtures.LoopbackServer;
import io.github.realtimekit.model.Recording;
import io.github.realtimekit.model.StartRecordingRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The asynchronous client: the same pipeline, its waits scheduled rather than slept, and a cancel that
 * stops both the exchange and the retries to come. One executor thread throughout, so a call that held
 * its thread while waiting would hold up the others.
 */
class AsyncClientTest {

  final ExecutorService oneThread = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    oneThread.shutdownNow();
  }

  RealtimeKitClient clientOf(LoopbackServer server) {
    return RealtimeKitClient.builder().apiToken("token-for-async").accountId("acc").appId("app")
        .baseUrl(server.baseUrl()).asyncExecutor(oneThread).build();
  }

  static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  static String recording(String status) {
    return "{\"success\": true, \"data\": " + String.format(RecordingControlTest.RECORDING, status) + "}";
  }

  static Throwable failureOf(CompletableFuture<?> future) throws Exception {
    return future.handle((value, failure) -> failure).get(20, TimeUnit.SECONDS);
  }

  @Test
  void aCallCompletesWithItsValueOrTheSameExceptionUnwrapped() throws Exception {
    try (LoopbackServer server = LoopbackServer.http((request, exchange) -> {
          if (request.path().endsWith("3f2504e0-4f89-41d3-9a0c-0305e82c3301")) {
            send(exchange, 200, recording("UPLOADED"));
          } else {
            send(exchange, 404, "{\"success\": false, \"error\": {\"code\": 404, \"message\": \"Recording not found\"}}");
          }
        });
        RealtimeKitClient client = clientOf(server)) {
      Recording r = client.async().getRecording(UUID.fromString("3f2504e0-4f89-41d3-9a0c-0305e82c3301")).get(20, TimeUnit.SECONDS);
      assertEquals(io.github.realtimekit.model.RecordingStatus.UPLOADED, r.getStatus());
      NotFoundException e = assertInstanceOf(NotFoundException.class, failureOf(client.async().getRecording(UUID.randomUUID())));
      assertTrue(e.getMessage().contains("Recording not found"), e.getMessage());

      server.clearRequests();
      assertInstanceOf(InvalidArgumentException.class, failureOf(client.async().getRecording((UUID) null)));
      assertEquals(0, server.requestCount(), "nothing was sent");
    }
  }

  @Test
  void aCallWaitingToRetryHoldsNoThread() throws Exception {
    AtomicInteger slowAttempts = new AtomicInteger();
    try (LoopbackServer server = LoopbackServer.http((request, exchange) -> {
          if (request.path().endsWith("/active-recording/slow") && slowAttempts.incrementAndGet() == 1) {
            exchange.getResponseHeaders().add("Retry-After", "1");
            send(exchange, 503, "{\"success\": false, \"error\": {\"code\": 503, \"message\": \"Busy\"}}");
          } else {
            send(exchange, 200, recording("RECORDING"));
          }
        });
        RealtimeKitClient client = clientOf(server)) {
      CompletableFuture<?> slow = client.async().getActiveRecording("slow");
      while (slowAttempts.get() == 0) {
        Thread.sleep(5);
      }
      // The one executor thread is free while the first call waits its second: the next call runs at once.
      client.async().getActiveRecording("quick").get(20, TimeUnit.SECONDS);
      assertFalse(slow.isDone(), "still waiting to retry");
      assertTrue(slow.get(20, TimeUnit.SECONDS) != null);
      assertEquals(2, slowAttempts.get());
    }
  }

  @Test
  void cancellingDropsTheRetryToCome() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    try (LoopbackServer server = LoopbackServer.http((request, exchange) -> {
          attempts.incrementAndGet();
          exchange.getResponseHeaders().add("Retry-After", "1");
          send(exchange, 503, "{\"success\": false, \"error\": {\"code\": 503, \"message\": \"Busy\"}}");
        });
        RealtimeKitClient client = clientOf(server)) {
      CompletableFuture<?> call = client.async().getRecording(UUID.randomUUID());
      while (attempts.get() == 0) {
        Thread.sleep(5);
      }
      Thread.sleep(100);
      assertTrue(call.cancel(true));
      Thread.sleep(1500);
      assertEquals(1, attempts.get(), "no attempt after the cancel");
    }
  }

  @Test
  void cancellingCancelsTheExchangeUnderWayAndFreesItsThread() throws Exception {
    CountDownLatch arrived = new CountDownLatch(1);
    try (LoopbackServer server = LoopbackServer.http((request, exchange) -> {
          if (request.path().endsWith("/hang")) {
            arrived.countDown();
            Thread.sleep(60_000);
          }
          send(exchange, 200, recording("RECORDING"));
        });
        RealtimeKitClient client = clientOf(server)) {
      CompletableFuture<?> hanging = client.async().getActiveRecording("hang");
      assertTrue(arrived.await(20, TimeUnit.SECONDS));
      assertTrue(hanging.cancel(true));
      // The executor's only thread was in that exchange; another call runs, so the cancel ended it.
      client.async().getActiveRecording("next").get(20, TimeUnit.SECONDS);
      assertTrue(hanging.isCancelled());
    }
  }

  @Test
  void aListIsWalkedPageByPage() throws Exception {
    try (LoopbackServer server = GeneratedRequestOptionsTest.server(); RealtimeKitClient client = clientOf(server)) {
      List<Recording> items = new ArrayList<>();
      client.async().listRecordings(ListRecordingsQuery.builder().perPage(1).build()).forEach(items::add)
          .get(20, TimeUnit.SECONDS);
      assertEquals(2, items.size());
      assertEquals(2, server.requestCount());
      assertTrue(server.requests().get(1).query().contains("page_no=2"));
    }
  }

  @Test
  void aStartsLostAnswerIsReconciledAsInTheSynchronousClient() throws Exception {
    AtomicLong now = new AtomicLong(Instant.parse("2026-12-03T10:00:00Z").toEpochMilli());
    try (RecordingsFake fake = new RecordingsFake(now::get, 10);
        RealtimeKitClient client = RealtimeKitClient.builder().apiToken("token-for-async").accountId("acc").appId("app")
            .baseUrl(fake.server.baseUrl()).asyncExecutor(oneThread).clock(d -> { }, now::get, () -> 0.0).build()) {
      UUID meeting = UUID.randomUUID();
      fake.answer(Answer.BAD_GATEWAY);
      Response<Recording> r = client.async().startRecordingWithResponse(StartRecordingRequest.builder().meetingId(meeting).build())
          .get(20, TimeUnit.SECONDS);
      assertTrue(r.isReconciled());
      assertEquals(1, fake.recordingsOf(meeting.toString()).size());
      assertEquals(1, fake.posts());

      fake.answer(Answer.RATE_LIMITED_FIRST);
      UUID other = UUID.randomUUID();
      assertFalse(client.async().startRecordingWithResponse(StartRecordingRequest.builder().meetingId(other).build())
          .get(20, TimeUnit.SECONDS).isReconciled());
      assertEquals(1, fake.recordingsOf(other.toString()).size());
    }
  }

  @Test
  void theFailuresOfEarlierAttemptsAreAttached() throws Exception {
    try (LoopbackServer server = LoopbackServer.http((request, exchange) -> {
          exchange.getResponseHeaders().add("Retry-After", "0");
          send(exchange, 503, "{\"success\": false, \"error\": {\"code\": 503, \"message\": \"Busy\"}}");
        });
        RealtimeKitClient client = clientOf(server)) {
      ServiceException e = assertInstanceOf(ServiceException.class, failureOf(client.async().getRecording(UUID.randomUUID())));
      assertEquals(3, e.getAttempts());
      assertEquals(3, server.requestCount());
    }
  }
}
