package io.github.realtimekit.client.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.realtimekit.client.errors.CallCancelledException;
import io.github.realtimekit.client.errors.NetworkException;
import io.github.realtimekit.client.errors.NetworkTimeoutException;
import io.github.realtimekit.client.errors.RealtimeKitException;
import io.github.realtimekit.client.errors.ResponseDecodingException;
import io.github.realtimekit.client.errors.ResponseTooLargeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  static final long NOW = Instant.parse("2026-01-01T12:00:00Z").toEpochMilli();
  static final OperationDescriptor GET = new OperationDescriptor("op", "op", "GET", "/x", true, false);
  final RetryPolicy policy = RetryPolicy.DEFAULT.withMaxRetries(20);

  static RealtimeKitException status(int status, Map<String, ? extends Collection<String>> headers) {
    return ErrorMapper.serviceException("op", status, headers, List.of(), "");
  }

  static RealtimeKitException status(int status) {
    return status(status, Map.of());
  }

  long delay(int attempts, RealtimeKitException failure, double random) {
    Duration d = policy.delayBeforeRetry(attempts, GET, failure, NOW, random);
    return d == null ? -1 : d.toMillis();
  }

  @Test
  void backoffDoublesFromHalfASecondUpToEightSeconds() {
    assertEquals(500, delay(1, status(503), 0));
    assertEquals(1000, delay(2, status(503), 0));
    assertEquals(2000, delay(3, status(503), 0));
    assertEquals(4000, delay(4, status(503), 0));
    assertEquals(8000, delay(5, status(503), 0));
    assertEquals(8000, delay(12, status(503), 0), "capped");
  }

  @Test
  void jitterShortensByUpToAQuarter() {
    assertEquals(375, delay(1, status(500), 1.0));
    for (double r = 0; r < 1; r += 0.1) {
      long d = delay(3, status(500), r);
      assertTrue(d >= 1500 && d <= 2000, "delay " + d);
    }
  }

  @Test
  void givesUpAfterMaxRetries() {
    assertEquals(500, RetryPolicy.DEFAULT.delayBeforeRetry(1, GET, status(503), NOW, 0).toMillis());
    assertEquals(1000, RetryPolicy.DEFAULT.delayBeforeRetry(2, GET, status(503), NOW, 0).toMillis());
    assertNull(RetryPolicy.DEFAULT.delayBeforeRetry(3, GET, status(503), NOW, 0), "3 attempts in all");
    assertNull(RetryPolicy.DEFAULT.withMaxRetries(0).delayBeforeRetry(1, GET, status(503), NOW, 0));
  }

  @Test
  void retryAfterReplacesTheBackoffUpToTheCap() {
    assertEquals(3000, delay(1, status(429, headers("Retry-After", "3")), 0.5));
    assertEquals(60_000, delay(1, status(429, headers("Retry-After", "3600")), 0.5), "capped at 60 s");
    RetryPolicy shortCap = policy.withMaxRetryAfter(Duration.ofMillis(250));
    assertEquals(250, shortCap.delayBeforeRetry(1, GET, status(429, headers("Retry-After", "3")), NOW, 0).toMillis());
  }

  @Test
  void readsRetryAfterInSeconds() {
    assertEquals(2000L, RetryPolicy.retryAfterMillis(headers("Retry-After", "2"), NOW));
    assertEquals(1500L, RetryPolicy.retryAfterMillis(headers("retry-after", " 1.5 "), NOW));
    assertEquals(0L, RetryPolicy.retryAfterMillis(headers("Retry-After", "0"), NOW));
  }

  @Test
  void readsRetryAfterAsAnHttpDate() {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochMilli(NOW + 7000).atZone(ZoneOffset.UTC));
    assertEquals(7000L, RetryPolicy.retryAfterMillis(headers("Retry-After", date), NOW));
    assertEquals(0L, RetryPolicy.retryAfterMillis(headers("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"), NOW),
        "a date in the past means now");
  }

  @Test
  void retryAfterMsWinsOverRetryAfter() {
    assertEquals(250L, RetryPolicy.retryAfterMillis(
        Map.of("Retry-After-Ms", List.of("250"), "Retry-After", List.of("30")), NOW));
  }

  @Test
  void nonsenseFallsBackToTheBackoff() {
    for (String nonsense : new String[] {"NaN", "-5", "-0.5", "Infinity", "-Infinity", "1e3", "0x10", "5d", "soon", ""}) {
      assertNull(RetryPolicy.retryAfterMillis(headers("Retry-After", nonsense), NOW), nonsense);
      assertNull(RetryPolicy.retryAfterMillis(headers("Retry-After-Ms", nonsense), NOW), nonsense);
      assertEquals(1000, delay(2, status(429, headers("Retry-After", nonsense)), 0), nonsense);
    }
    assertNull(RetryPolicy.retryAfterMillis(Map.of(), NOW));
    assertEquals(4000L, RetryPolicy.retryAfterMillis(
        Map.of("Retry-After-Ms", List.of("NaN"), "Retry-After", List.of("4")), NOW), "falls back to Retry-After");
  }

  @Test
  void retriesOnlyWhatMayWork() {
    for (int s : new int[] {408, 409, 429, 500, 502, 503, 504, 599}) {
      assertTrue(RetryPolicy.isRetryable(status(s)), String.valueOf(s));
    }
    for (int s : new int[] {301, 400, 401, 403, 404, 422}) {
      assertFalse(RetryPolicy.isRetryable(status(s)), String.valueOf(s));
    }
    assertTrue(RetryPolicy.isRetryable(new NetworkException("op", "refused", null)));
    assertTrue(RetryPolicy.isRetryable(new NetworkTimeoutException("op", "slow", null)));
    assertFalse(RetryPolicy.isRetryable(new CallCancelledException("op", "interrupted", null)));
    assertFalse(RetryPolicy.isRetryable(new ResponseTooLargeException("op", 1, "big", null)));
    assertFalse(RetryPolicy.isRetryable(new ResponseDecodingException("op", 200, "bad", "", null)));
  }

  @Test
  void anOperationThatMayNotBeSentTwiceIsRetriedOnlyWhenTheAttemptCertainlyHadNoEffect() {
    OperationDescriptor post = new OperationDescriptor("start", "start", "POST", "/x", false, false);
    NetworkException refused = new NetworkException("start", "refused", new java.net.ConnectException("refused"));
    NetworkTimeoutException noConnection = new NetworkTimeoutException("start", "slow",
        new java.net.http.HttpConnectTimeoutException("connect timed out"));
    RealtimeKitException unavailableSaysWhen = status(503, headers("Retry-After", "0.5"));
    for (RealtimeKitException failure : List.of(refused, noConnection, status(429), unavailableSaysWhen)) {
      assertEquals(500, policy.delayBeforeRetry(1, post, failure, NOW, 0).toMillis(), failure.toString());
      assertTrue(policy.delayBeforeRetry(1, GET, failure, NOW, 0) != null, failure.toString());
    }
    NetworkTimeoutException noAnswer = new NetworkTimeoutException("start", "slow",
        new java.net.http.HttpTimeoutException("no complete response"));
    NetworkException reset = new NetworkException("start", "reset", new java.io.IOException("connection reset"));
    NetworkException refusedWithoutCause = new NetworkException("start", "refused", null);
    for (RealtimeKitException failure : List.of(noAnswer, reset, refusedWithoutCause, status(408), status(409),
        status(500), status(502), status(503), status(504))) {
      assertNull(policy.delayBeforeRetry(1, post, failure, NOW, 0), failure.toString());
      assertTrue(policy.delayBeforeRetry(1, GET, failure, NOW, 0) != null, "retried when idempotent: " + failure);
    }
    assertNull(RetryPolicy.DEFAULT.delayBeforeRetry(3, post, unavailableSaysWhen, NOW, 0), "still at most maxRetries");
  }

  private static Map<String, Collection<String>> headers(String name, String value) {
    return Map.of(name, List.of(value));
  }
}
