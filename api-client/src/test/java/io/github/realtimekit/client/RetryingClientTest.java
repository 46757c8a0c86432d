package io.github.realtimekit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import feign.Client;
import feign.Request;
import feign.Response;
import io.github.realtimekit.client.errors.CallCancelledException;
import io.github.realtimekit.client.errors.NetworkException;
import io.github.realtimekit.client.errors.NotFoundException;
import io.github.realtimekit.client.errors.RateLimitException;
import io.github.realtimekit.client.errors.RealtimeKitException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Retry sequences, run instantly: sleeping, the clock and the jitter are injected. */
class RetryingClientTest {

  static final Request REQUEST = Request.create(Request.HttpMethod.GET, "http://localhost/x", Map.of(), null,
      StandardCharsets.UTF_8, null);
  static final Request.Options OPTIONS = new Request.Options(1, TimeUnit.SECONDS, 1, TimeUnit.SECONDS, false);

  final List<Duration> slept = new ArrayList<>();
  final List<RetryEvent> events = new ArrayList<>();

  /** A transport that answers from a script: a status to succeed with, or an exception to throw. */
  static Client script(Object... outcomes) {
    Deque<Object> queue = new ArrayDeque<>(List.of(outcomes));
    return (request, options) -> {
      Object next = queue.removeFirst();
      if (next instanceof RealtimeKitException) {
        throw (RealtimeKitException) next;
      }
      return Response.builder().status((Integer) next).request(request).headers(Map.of()).body(new byte[0]).build();
    };
  }

  RetryingClient retrying(Client next, int maxRetries) {
    return new RetryingClient(next, RetryPolicy.DEFAULT.withMaxRetries(maxRetries), events::add, slept::add,
        () -> 0L, () -> 0.0);
  }

  static RealtimeKitException tooMany(String retryAfter) {
    return ErrorMappingClient.serviceException("listRecordings", 429,
        Map.of("Retry-After", List.of(retryAfter)), List.of(), "");
  }

  @Test
  void retriesUntilASuccessWaitingAsThePolicySays() throws Exception {
    Response response = retrying(script(tooMany("4"), new NetworkException("listRecordings", "Connection refused", null),
        200), 2).execute(REQUEST, OPTIONS);
    assertEquals(200, response.status());
    assertEquals(List.of(Duration.ofSeconds(4), Duration.ofSeconds(1)), slept);
    assertEquals("retrying listRecordings in 4 s after HTTP 429 (attempt 2 of 3)", events.get(0).toString());
    assertEquals("retrying listRecordings in 1 s after connection refused (attempt 3 of 3)",
        events.get(1).toString());
  }

  @Test
  void theLastFailureCarriesTheEarlierOnesAndCountsTheAttempts() {
    RealtimeKitException first = tooMany("1");
    RealtimeKitException second = tooMany("1");
    RealtimeKitException last = tooMany("1");
    RealtimeKitException thrown = assertThrows(RateLimitException.class,
        () -> retrying(script(first, second, last), 2).execute(REQUEST, OPTIONS));
    assertSame(last, thrown);
    assertEquals(3, thrown.getAttempts());
    assertEquals(List.of(first, second), List.of(thrown.getSuppressed()));
    assertTrue(thrown.getMessage().endsWith(" (3 attempts)"), thrown.getMessage());
  }

  @Test
  void doesNotRetryWhatCannotWork() {
    NotFoundException notFound = (NotFoundException) ErrorMappingClient.serviceException("getRecording", 404,
        Map.of(), List.of(), "");
    RealtimeKitException thrown = assertThrows(NotFoundException.class,
        () -> retrying(script(notFound), 2).execute(REQUEST, OPTIONS));
    assertEquals(1, thrown.getAttempts());
    assertEquals("HTTP 404 from getRecording", thrown.getMessage());
    assertEquals(List.of(), slept);
  }

  @Test
  void anInterruptWhileWaitingCancelsTheCallAndKeepsTheFlag() {
    RealtimeKitException first = tooMany("2");
    RealtimeKitException second = tooMany("2");
    RetryingClient client = new RetryingClient(script(first, second), RetryPolicy.DEFAULT, events::add, d -> {
      slept.add(d);
      if (slept.size() == 2) {
        throw new InterruptedException();
      }
    }, () -> 0L, () -> 0.0);
    try {
      CallCancelledException thrown = assertThrows(CallCancelledException.class, () -> client.execute(REQUEST, OPTIONS));
      assertTrue(Thread.currentThread().isInterrupted());
      assertSame(second, thrown.getCause());
      assertEquals(2, thrown.getAttempts());
      assertEquals("Cancelled calling listRecordings while waiting to retry: the thread was interrupted (2 attempts)",
          thrown.getMessage());
    } finally {
      Thread.interrupted();
    }
  }
}
