package io.github.realtimekit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
  final RetryPolicy policy = RetryPolicy.DEFAULT;

  @Test
  void backoffDoublesFromHalfASecondUpToEightSeconds() {
    assertEquals(500, policy.delayMillis(1, null, NOW, 0));
    assertEquals(1000, policy.delayMillis(2, null, NOW, 0));
    assertEquals(2000, policy.delayMillis(3, null, NOW, 0));
    assertEquals(4000, policy.delayMillis(4, null, NOW, 0));
    assertEquals(8000, policy.delayMillis(5, null, NOW, 0));
    assertEquals(8000, policy.delayMillis(12, null, NOW, 0), "capped");
  }

  @Test
  void jitterShortensByUpToAQuarter() {
    assertEquals(375, policy.delayMillis(1, null, NOW, 1.0));
    for (double r = 0; r < 1; r += 0.1) {
      long delay = policy.delayMillis(3, null, NOW, r);
      assertTrue(delay >= 1500 && delay <= 2000, "delay " + delay);
    }
  }

  @Test
  void retryAfterReplacesTheBackoffUpToTheCap() {
    assertEquals(3000, policy.delayMillis(1, NOW + 3000, NOW, 0.5));
    assertEquals(60_000, policy.delayMillis(1, NOW + 3_600_000, NOW, 0.5), "capped at 60 s");
    assertEquals(0, policy.delayMillis(1, NOW - 5000, NOW, 0.5), "a date in the past means now");
    RetryPolicy shortCap = new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofMillis(250));
    assertEquals(250, shortCap.delayMillis(1, NOW + 3000, NOW, 0));
  }

  @Test
  void readsRetryAfterInSeconds() {
    assertEquals(NOW + 2000, RetryPolicy.retryAfterEpochMillis(headers("Retry-After", "2"), NOW));
    assertEquals(NOW + 1500, RetryPolicy.retryAfterEpochMillis(headers("retry-after", " 1.5 "), NOW));
  }

  @Test
  void readsRetryAfterAsAnHttpDate() {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochMilli(NOW + 7000).atZone(ZoneOffset.UTC));
    assertEquals(NOW + 7000, RetryPolicy.retryAfterEpochMillis(headers("Retry-After", date), NOW));
    assertEquals(Instant.parse("2015-10-21T07:28:00Z").toEpochMilli(),
        RetryPolicy.retryAfterEpochMillis(headers("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"), NOW));
  }

  @Test
  void retryAfterMsWinsOverRetryAfter() {
    assertEquals(NOW + 250, RetryPolicy.retryAfterEpochMillis(
        Map.of("Retry-After-Ms", List.of("250"), "Retry-After", List.of("30")), NOW));
  }

  @Test
  void ignoresWhatItCannotRead() {
    assertNull(RetryPolicy.retryAfterEpochMillis(Map.of(), NOW));
    assertNull(RetryPolicy.retryAfterEpochMillis(headers("Retry-After", "soon"), NOW));
    assertEquals(NOW + 4000, RetryPolicy.retryAfterEpochMillis(
        Map.of("Retry-After-Ms", List.of("x"), "Retry-After", List.of("4")), NOW), "falls back to Retry-After");
  }

  @Test
  void retryableStatuses() {
    for (int status : new int[] {408, 409, 429, 500, 502, 503, 504, 599}) {
      assertTrue(RetryPolicy.isRetryable(status), String.valueOf(status));
    }
    for (int status : new int[] {200, 301, 400, 401, 403, 404, 422}) {
      assertFalse(RetryPolicy.isRetryable(status), String.valueOf(status));
    }
  }

  private static Map<String, Collection<String>> headers(String name, String value) {
    return Map.of(name, List.of(value));
  }
}
