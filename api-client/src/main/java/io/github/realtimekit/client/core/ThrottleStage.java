package io.github.realtimekit.client.core;

import io.github.realtimekit.client.errors.CallCancelledException;
import io.github.realtimekit.client.errors.ServiceException;
import java.io.IOException;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Sends each attempt through the client's one {@link RateGate}, and shuts the gate for every thread
 * of the client when an attempt is answered {@code 429}: for as long as its {@code Retry-After-Ms}
 * or {@code Retry-After} asks (capped as retries cap it), or, when it does not say, the shortest wait
 * the retry policy's backoff may give that attempt (its jitter shortens a wait by up to a quarter), so
 * that the thread that retries never waits at the gate as well. Inside {@link RetryStage}, so that every attempt passes the gate, and outside
 * {@link ErrorStage}, whose {@code 429} it reads with the headers as received.
 */
final class ThrottleStage implements HttpStage {

  private final RateGate gate;
  private final RetryPolicy policy;
  private final LongSupplier currentTimeMillis;

  ThrottleStage(RateGate gate, RetryPolicy policy, LongSupplier currentTimeMillis) {
    this.gate = gate;
    this.policy = policy;
    this.currentTimeMillis = currentTimeMillis;
  }

  @Override
  public HttpResponse send(HttpRequest request, HttpTransport next) throws IOException {
    try {
      if (request.scheduledAttempt() > 0) {
        long wait = gate.tryAcquire();
        if (wait > 0) {
          // Not sent: the caller tries this attempt again when the gate opens, holding no thread till then.
          throw new RetryScheduled(RateGate.waitOf(wait), request.attempt(), null);
        }
      } else {
        gate.acquire();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      String operation = request.operation().getName();
      throw new CallCancelledException(operation, "Cancelled calling " + operation
          + " while waiting for the client's rate limit: the thread was interrupted", e);
    }
    try {
      return next.send(request);
    } catch (ServiceException e) {
      if (e.getStatusCode() == 429) {
        gate.pause(pauseAfter429(request));
      }
      throw e;
    }
  }

  private Duration pauseAfter429(HttpRequest request) {
    Long asked = request.failedResponseHeaders() == null ? null
        : RetryPolicy.retryAfterMillis(request.failedResponseHeaders(), currentTimeMillis.getAsLong());
    if (asked != null) {
      return Duration.ofMillis(Math.min(asked, policy.maxRetryAfter.toMillis()));
    }
    double backoff = Math.min(policy.initialBackoff.toMillis() * Math.pow(2, request.attempt() - 1),
        policy.maxBackoff.toMillis());
    return Duration.ofMillis((long) (backoff * 0.75));
  }
}
