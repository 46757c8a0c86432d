package io.github.realtimekit.client.core;

import io.github.realtimekit.client.errors.CallCancelledException;
import io.github.realtimekit.client.errors.RealtimeKitException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Tries a call again while {@link RetryPolicy#delayBeforeRetry} says so for the request's operation,
 * telling the observer before each wait. The failure that ends the call carries the failures of
 * the earlier attempts as suppressed exceptions (a call cancelled while waiting to retry has the last
 * failure as its cause), so {@link RealtimeKitException#getAttempts()} says how many were made.
 * Time, sleeping and jitter are injected. {@code Retry-After} is read from the response as received
 * (left on the request by {@link ErrorStage}), not from the exception, whose headers are cleaned for
 * showing.
 */
final class RetryStage implements HttpStage {

  private final RetryPolicy policy;
  private final HttpPipeline.RetryObserver observer;
  private final HttpPipeline.Sleeper sleeper;
  private final LongSupplier currentTimeMillis;
  private final DoubleSupplier random;

  RetryStage(RetryPolicy policy, HttpPipeline.RetryObserver observer, HttpPipeline.Sleeper sleeper,
      LongSupplier currentTimeMillis, DoubleSupplier random) {
    this.policy = policy;
    this.observer = observer;
    this.sleeper = sleeper;
    this.currentTimeMillis = currentTimeMillis;
    this.random = random;
  }

  @Override
  public HttpResponse send(HttpRequest request, HttpTransport next) throws IOException {
    List<RealtimeKitException> earlier = new ArrayList<>();
    RetryPolicy policy = request.maxRetries() < 0 ? this.policy : this.policy.withMaxRetries(request.maxRetries());
    int scheduled = request.scheduledAttempt();
    for (int attempts = scheduled > 0 ? scheduled : 1; ; attempts++) {
      RealtimeKitException failure;
      request.failedWith(null);
      request.attempt(attempts);
      try {
        return next.send(request);
      } catch (RealtimeKitException e) {
        failure = e;
      }
      Duration delay = policy.delayBeforeRetry(attempts, request.operation(), failure,
          request.failedResponseHeaders(), currentTimeMillis.getAsLong(), random.getAsDouble());
      if (delay == null) {
        earlier.forEach(failure::addSuppressed);
        throw failure;
      }
      observer.beforeRetry(failure.getOperation(), attempts + 1, policy.maxRetries + 1, delay, failure);
      if (scheduled > 0) {
        // The caller schedules the wait and the next attempt; this thread is not held meanwhile.
        throw new RetryScheduled(delay, attempts + 1, failure);
      }
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        CallCancelledException cancelled = new CallCancelledException(failure.getOperation(), "Cancelled calling "
            + failure.getOperation() + " while waiting to retry: the thread was interrupted", failure);
        earlier.forEach(cancelled::addSuppressed);
        throw cancelled;
      }
      earlier.add(failure);
    }
  }
}
