package io.github.realtimekit.client.core;

import io.github.realtimekit.client.errors.NetworkException;
import io.github.realtimekit.client.errors.RealtimeKitException;
import io.github.realtimekit.client.errors.ServiceException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * When and how long to wait before trying a call again.
 *
 * <p>An operation the spec makes {@linkplain OperationDescriptor#isIdempotent() idempotent} is retried
 * after 408, 409, 429, every 5xx and every connection failure or timeout but a TLS certificate or
 * version refused, which another attempt would meet again. Any other operation is
 * retried only when the attempt {@linkplain Outcome#certainlyNotTakenEffect certainly did not take
 * effect}: the connection was refused or not made in time, or the server answered 429, or 503 with
 * {@code Retry-After}. Either way, up to {@code maxRetries} times (2 by
 * default: 3 attempts in all); nothing else is (not a cancelled call, an oversized or undecodable
 * response, nor any other status). The
 * wait doubles from {@code initialBackoff} (0.5 s) up to {@code maxBackoff} (8 s), shortened by a
 * random jitter of up to a quarter. A valid {@code Retry-After-Ms} (milliseconds) or
 * {@code Retry-After} (seconds, or an HTTP date) replaces that wait, capped at {@code maxRetryAfter}
 * (60 s); a value that is not a finite, non-negative number or a date is ignored.
 */
final class RetryPolicy {

  /** A non-negative decimal number: no sign, exponent, NaN or infinity. */
  private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,9})?");

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

  RetryPolicy withMaxRetries(int value) {
    return new RetryPolicy(value, initialBackoff, maxBackoff, maxRetryAfter);
  }

  RetryPolicy withBackoff(Duration initial, Duration max) {
    return new RetryPolicy(maxRetries, initial, max, maxRetryAfter);
  }

  RetryPolicy withMaxRetryAfter(Duration value) {
    return new RetryPolicy(maxRetries, initialBackoff, maxBackoff, value);
  }

  /**
   * The one retry decision: after {@code attempts} attempts that ended in {@code failure}, how long
   * to wait before the next one, or null to give up.
   *
   * @param attempts the attempts made so far, 1 or more
   * @param operation the operation the call serves
   * @param failure how the last attempt failed
   * @param nowEpochMillis the current time, for {@code Retry-After} dates
   * @param random a number in [0, 1) that sets the jitter
   */
  Duration delayBeforeRetry(int attempts, OperationDescriptor operation, RealtimeKitException failure,
      long nowEpochMillis, double random) {
    return delayBeforeRetry(attempts, operation, failure, null, nowEpochMillis, random);
  }

  /**
   * As {@link #delayBeforeRetry(int, OperationDescriptor, RealtimeKitException, long, double)}, with
   * the headers of the response that failed as received; null to read the exception's.
   */
  Duration delayBeforeRetry(int attempts, OperationDescriptor operation, RealtimeKitException failure,
      @Nullable Map<String, ? extends Collection<String>> responseHeaders, long nowEpochMillis, double random) {
    if (attempts > maxRetries || !isRetryable(operation, failure)) {
      return null;
    }
    if (failure instanceof ServiceException) {
      Long retryAfter = retryAfterMillis(responseHeaders != null ? responseHeaders
          : ((ServiceException) failure).getHeaders(), nowEpochMillis);
      if (retryAfter != null) {
        return Duration.ofMillis(Math.min(retryAfter, maxRetryAfter.toMillis()));
      }
    }
    double backoff = initialBackoff.toMillis() * Math.pow(2, attempts - 1);
    double capped = Math.min(backoff, maxBackoff.toMillis());
    return Duration.ofMillis((long) (capped * (1 - 0.25 * random)));
  }

  /** Whether a failure is worth another attempt of an operation. */
  static boolean isRetryable(OperationDescriptor operation, RealtimeKitException failure) {
    return operation.isIdempotent() ? isRetryable(failure) : Outcome.certainlyNotTakenEffect(failure);
  }

  /** Whether a failure is worth another attempt of an operation that may be sent twice. */
  static boolean isRetryable(RealtimeKitException failure) {
    if (failure instanceof ServiceException) {
      int status = ((ServiceException) failure).getStatusCode();
      return status == 408 || status == 409 || status == 429 || status >= 500;
    }
    return failure instanceof NetworkException && !isTlsRefusal(failure.getCause());
  }

  /** A certificate or TLS version refused: another attempt would meet the same. */
  private static boolean isTlsRefusal(Throwable cause) {
    if (!(cause instanceof java.io.IOException)) {
      return false;
    }
    NetworkText.Kind kind = NetworkText.kind((java.io.IOException) cause);
    return kind == NetworkText.Kind.UNTRUSTED || kind == NetworkText.Kind.EXPIRED
        || kind == NetworkText.Kind.WRONG_NAME || kind == NetworkText.Kind.TLS_REFUSED;
  }

  /**
   * How long a response asks to be left alone, from {@code Retry-After-Ms} (milliseconds) or
   * {@code Retry-After} (seconds, or an HTTP date); null when it does not say, or says nonsense.
   */
  static Long retryAfterMillis(Map<String, ? extends Collection<String>> headers, long nowEpochMillis) {
    Double millis = finiteNonNegative(Headers.first(headers, "retry-after-ms"));
    if (millis != null) {
      return millis.longValue();
    }
    String value = Headers.first(headers, "retry-after");
    if (value == null) {
      return null;
    }
    Double seconds = finiteNonNegative(value);
    if (seconds != null) {
      return (long) Math.min(seconds * 1000, Long.MAX_VALUE / 2);
    }
    try {
      long at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
      return Math.max(0, at - nowEpochMillis);
    } catch (DateTimeParseException notADate) {
      return null;
    }
  }

  private static Double finiteNonNegative(String value) {
    if (value == null) {
      return null;
    }
    String v = value.trim();
    return DECIMAL.matcher(v).matches() ? Double.valueOf(v) : null;
  }
}
