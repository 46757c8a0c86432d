package io.github.realtimekit.client;

import feign.RetryableException;
import feign.Retryer;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long to wait before trying a request again.
 *
 * <p>Both operations are idempotent GETs, so 408, 409, 429, every 5xx and every connection failure
 * or timeout is retried, up to {@code maxRetries} times (2 by default: 3 attempts in all); no other
 * status is. The wait doubles from {@code initialBackoff} (0.5 s) up to {@code maxBackoff} (8 s),
 * shortened by a random jitter of up to a quarter. A {@code Retry-After-Ms} or {@code Retry-After}
 * header (seconds or an HTTP date) replaces that wait, capped at {@code maxRetryAfter} (60 s).
 */
final class RetryPolicy {

  static final RetryPolicy DEFAULT =
      new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60));

  final int maxRetries;
  final Duration initialBackoff;
  final Duration maxBackoff;
  final Duration maxRetryAfter;

  RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
    this.maxRetries = maxRetries;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.maxRetryAfter = maxRetryAfter;
  }

  /** Whether a response with this status is worth another attempt. */
  static boolean isRetryable(int status) {
    return status == 408 || status == 409 || status == 429 || status >= 500;
  }

  /**
   * The wait before retry number {@code retry} (1 for the first retry).
   *
   * @param retryAfterEpochMillis when the server asked to be called again, or null
   * @param nowEpochMillis the current time
   * @param random a number in [0, 1) that sets the jitter
   */
  long delayMillis(int retry, Long retryAfterEpochMillis, long nowEpochMillis, double random) {
    if (retryAfterEpochMillis != null) {
      long asked = Math.max(0, retryAfterEpochMillis - nowEpochMillis);
      return Math.min(asked, maxRetryAfter.toMillis());
    }
    double backoff = initialBackoff.toMillis() * Math.pow(2, retry - 1);
    double capped = Math.min(backoff, maxBackoff.toMillis());
    return (long) (capped * (1 - 0.25 * random));
  }

  /**
   * When a response asks to be called again, from {@code Retry-After-Ms} (milliseconds) or
   * {@code Retry-After} (seconds, or an HTTP date), as epoch milliseconds; null when it does not say.
   */
  static Long retryAfterEpochMillis(Map<String, Collection<String>> headers, long nowEpochMillis) {
    String millis = RawResponse.firstValue(headers, "retry-after-ms");
    if (millis != null) {
      try {
        return nowEpochMillis + (long) Double.parseDouble(millis.trim());
      } catch (NumberFormatException ignored) {
        // fall through to Retry-After
      }
    }
    String value = RawResponse.firstValue(headers, "retry-after");
    if (value == null) {
      return null;
    }
    try {
      return nowEpochMillis + (long) (Double.parseDouble(value.trim()) * 1000);
    } catch (NumberFormatException notSeconds) {
      try {
        return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  /** A Feign retryer for one call; Feign clones it per call. */
  Retryer newRetryer() {
    return new BackoffRetryer(this);
  }

  private static final class BackoffRetryer implements Retryer {
    private final RetryPolicy policy;
    private int retries;

    BackoffRetryer(RetryPolicy policy) {
      this.policy = policy;
    }

    @Override
    public void continueOrPropagate(RetryableException e) {
      if (retries >= policy.maxRetries) {
        throw e;
      }
      retries++;
      long delay = policy.delayMillis(retries, e.retryAfter(), System.currentTimeMillis(),
          ThreadLocalRandom.current().nextDouble());
      try {
        Thread.sleep(delay);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw e;
      }
    }

    @Override
    public Retryer clone() {
      return new BackoffRetryer(policy);
    }
  }
}
