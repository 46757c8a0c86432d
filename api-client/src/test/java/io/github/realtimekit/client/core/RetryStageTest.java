package io.github.realtimekit.client.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.realtimekit.client.RetryEvents;
import io.github.realtimekit.client.errors.CallCancelledException;
import io.github.realtimekit.client.errors.NetworkException;
import io.github.realtimekit.client.errors.NotFoundException;
import io.github.realtimekit.client.errors.RateLimitException;
import io.github.realtimekit.client.errors.RealtimeKitException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Retry sequences, run instantly: sleeping, the clock and the jitter are injected. */
class RetryStageTest {

  static final OperationDescriptor GET = new OperationDescriptor("listRecordings", "get_all_recordings", "GET",
      "/x", true, false);
  static final OperationDescriptor POST = new OperationDescriptor("start", "start", "POST", "/x", false, false);
  static final HttpRequest REQUEST = HttpRequest.of(GET, "GET", "http://localhost/x", Map.of(), null);

  final List<Duration> slept = new ArrayList<>();
  final List<String> events = new ArrayList<>();

  /** What the client's listener is told, as it tells it. */
  final HttpPipeline.RetryObserver observer = (operation, next, max, delay, failure) ->
      events.add(RetryEvents.describe(operation, next, max, delay, failure));

  /** A transport that answers from a script: a status to succeed with, or an exception to throw. */
  static HttpTransport script(Object... outcomes) {
    Deque<Object> queue = new ArrayDeque<>(List.of(outcomes));
    return request -> {
      Object next = queue.removeFirst();
      if (next instanceof RealtimeKitException) {
        throw (RealtimeKitException) next;
      }
      return HttpResponse.of(request, (Integer) next, Map.of(), new byte[0], 0);
    };
  }

  HttpTransport retrying(HttpTransport next, int maxRetries) {
    RetryStage stage = new RetryStage(RetryPolicy.DEFAULT.withMaxRetries(maxRetries), observer, slept::add,
        () -> 0L, () -> 0.0);
    return request -> stage.send(request, next);
  }

  static RealtimeKitException tooMany(String retryAfter) {
    return ErrorMapper.serviceException("listRecordings", 429,
        Map.of("Retry-After", List.of(retryAfter)), List.of(), "");
  }

  @Test
  void retriesUntilASuccessWaitingAsThePolicySays() throws Exception {
    HttpResponse response = retrying(script(tooMany("4"), new NetworkException("listRecordings", "Connection refused", null),
        200), 2).send(REQUEST);
    assertEquals(200, response.status());
    assertEquals(List.of(Duration.ofSeconds(4), Duration.ofSeconds(1)), slept);
    assertEquals("retrying listRecordings in 4 s after HTTP 429 (attempt 2 of 3)", events.get(0));
    assertEquals("retrying listRecordings in 1 s after connection refused (attempt 3 of 3)",
        events.get(1));
  }

  @Test
  void theLastFailureCarriesTheEarlierOnesAndCountsTheAttempts() {
    RealtimeKitException first = tooMany("1");
    RealtimeKitException second = tooMany("1");
    RealtimeKitException last = tooMany("1");
    RealtimeKitException thrown = assertThrows(RateLimitException.class,
        () -> retrying(script(first, second, last), 2).send(REQUEST));
    assertSame(last, thrown);
    assertEquals(3, thrown.getAttempts());
    assertEquals(List.of(first, second), List.of(thrown.getSuppressed()));
    assertTrue(thrown.getMessage().endsWith(" (3 attempts)"), thrown.getMessage());
  }

  @Test
  void doesNotRetryWhatCannotWork() {
    NotFoundException notFound = (NotFoundException) ErrorMapper.serviceException("getRecording", 404,
        Map.of(), List.of(), "");
    RealtimeKitException thrown = assertThrows(NotFoundException.class,
        () -> retrying(script(notFound), 2).send(REQUEST));
    assertEquals(1, thrown.getAttempts());
    assertEquals("HTTP 404 from getRecording", thrown.getMessage());
    assertEquals(List.of(), slept);
  }

  @Test
  void anInterruptWhileWaitingCancelsTheCallAndKeepsTheFlag() {
    RealtimeKitException first = tooMany("2");
    RealtimeKitException second = tooMany("2");
    RetryStage stage = new RetryStage(RetryPolicy.DEFAULT, observer, d -> {
      slept.add(d);
      if (slept.size() == 2) {
        throw new InterruptedException();
      }
    }, () -> 0L, () -> 0.0);
    HttpTransport client = request -> stage.send(request, script(first, second));
    try {
      CallCancelledException thrown = assertThrows(CallCancelledException.class, () -> client.send(REQUEST));
      assertTrue(Thread.currentThread().isInterrupted());
      assertSame(second, thrown.getCause());
      assertEquals(2, thrown.getAttempts());
      assertEquals("Cancelled calling listRecordings while waiting to retry: the thread was interrupted (2 attempts)",
          thrown.getMessage());
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void anOperationThatMayNotBeSentTwiceIsRetriedOnlyWhenItCertainlyDidNotTakeEffect() throws Exception {
    HttpRequest post = HttpRequest.of(POST, "POST", "http://localhost/x", Map.of(), new byte[] {'{', '}'});
    NetworkException refused = new NetworkException("start", "Connection refused",
        new java.net.ConnectException("Connection refused"));
    HttpResponse response = retrying(script(tooMany("1"), refused, 201), 2).send(post);
    assertEquals(201, response.status());
    assertEquals(2, slept.size());

    RealtimeKitException noAnswer = new io.github.realtimekit.client.errors.NetworkTimeoutException("start",
        "Timed out waiting", new java.net.http.HttpTimeoutException("no complete response"));
    RealtimeKitException thrown = assertThrows(RealtimeKitException.class,
        () -> retrying(script(noAnswer, 201), 2).send(post));
    assertSame(noAnswer, thrown, "the request may have taken effect: not sent again");
    assertEquals(1, thrown.getAttempts());
    RealtimeKitException serverError = ErrorMapper.serviceException("start", 500, Map.of(), List.of(), "");
    assertSame(serverError, assertThrows(RealtimeKitException.class,
        () -> retrying(script(serverError, 201), 2).send(post)));
    assertEquals(2, slept.size(), "no wait for either");
  }
}
