package io.github.realtimekit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.realtimekit.fixtures.LoopbackServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A 429 answered to one thread pauses the whole client: 64 threads call through one client (and
 * views of it) against a server that answers {@code 429 Retry-After: 2} once, and counts the
 * requests that arrive within those two seconds.
 */
@Timeout(60)
class RateLimitWindowTest {

  static final int THREADS = 64;
  static final int CALLS_PER_THREAD = 3;
  static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(2);
  static final UUID RECORDING = UUID.fromString("3f2504e0-4f89-41d3-9a0c-0305e82c3301");

  /**
   * The server. The first requests of all 64 threads are held until every one has arrived, so none
   * is on its way when the 429 goes out. The 429 opens the window. The other 63 first requests are
   * answered once the client has taken in the 429 (its retry listener has heard of it): each thread
   * then makes its next call at once, and only the client stands between it and the server.
   */
  static final class OnceTooMany {
    final AtomicInteger arrivals = new AtomicInteger();
    final AtomicInteger insideWindow = new AtomicInteger();
    final AtomicLong windowStart = new AtomicLong();
    final CountDownLatch allFirstArrived = new CountDownLatch(THREADS);
    final CountDownLatch clientHeard429 = new CountDownLatch(1);

    LoopbackServer start() {
      return LoopbackServer.http((request, exchange) -> {
        int n = arrivals.incrementAndGet();
        long start = windowStart.get();
        if (start != 0 && System.nanoTime() - start < WINDOW_NANOS) {
          insideWindow.incrementAndGet();
        }
        byte[] body = RequestBodyTest.RECORDING.getBytes(StandardCharsets.UTF_8);
        int status = 200;
        if (n <= THREADS) {
          allFirstArrived.countDown();
          assertTrue(allFirstArrived.await(30, TimeUnit.SECONDS), "all first requests arrive");
          if (n == 1) {
            status = 429;
            body = "{\"success\":false,\"errors\":[{\"code\":10000,\"message\":\"slow down\"}]}"
                .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Retry-After", "2");
            windowStart.set(System.nanoTime());
          } else {
            assertTrue(clientHeard429.await(30, TimeUnit.SECONDS), "the client hears of the 429");
          }
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
      });
    }
  }

  int requestsInsideTheWindow(RealtimeKitClientBuilder builder, OnceTooMany server) throws Exception {
    RealtimeKitClient client = builder.retryListener(event -> server.clientHeard429.countDown()).build();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try (client) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        // Half the threads call through a view of the client: one runtime, one gate.
        RealtimeKitClient caller = t % 2 == 0 ? client : client.withApp("acc-2", "app-2");
        done.add(pool.submit(() -> {
          for (int i = 0; i < CALLS_PER_THREAD; i++) {
            caller.getRecording(RECORDING);
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(50, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(THREADS * CALLS_PER_THREAD + 1, server.arrivals.get(), "every call, and the one retry");
    return server.insideWindow.get();
  }

  @Test
  void noRequestLeavesAnyThreadInsideTheRetryAfterOfA429() throws Exception {
    OnceTooMany server = new OnceTooMany();
    try (LoopbackServer http = server.start()) {
      int inside = requestsInsideTheWindow(RequestBodyTest.client(http.baseUrl()).rateLimits(List.of()), server);
      assertEquals(0, inside, "requests that arrived within the 2 s the server asked for");
    }
  }

  @Test
  void theDefaultBudgetsDoNotChangeThat() throws Exception {
    OnceTooMany server = new OnceTooMany();
    try (LoopbackServer http = server.start()) {
      int inside = requestsInsideTheWindow(RequestBodyTest.client(http.baseUrl()), server);
      assertEquals(0, inside, "requests that arrived within the 2 s the server asked for");
    }
  }
}
