package io.github.realtimekit.client;

import feign.Client;
import feign.Request;
import feign.Response;
import io.github.realtimekit.client.errors.CallCancelledException;
import io.github.realtimekit.client.errors.RealtimeKitException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Tries a call again while {@link RetryPolicy#delayBeforeRetry} says so, telling the
 * {@link RetryListener} before each wait. The failure that ends the call carries the failures of
 * the earlier attempts as suppressed exceptions (a call cancelled while waiting to retry has the last
 * failure as its cause), so {@link RealtimeKitException#getAttempts()} says
 * how many were made. Time, sleeping and jitter are injected.
 */
final class RetryingClient implements Client {

  /** Sleeps; the real one is {@code Thread.sleep}. */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final Client next;
  private final RetryPolicy policy;
  private final RetryListener listener;
  private final Sleeper sleeper;
  private final LongSupplier currentTimeMillis;
  private final DoubleSupplier random;

  RetryingClient(Client next, RetryPolicy policy, RetryListener listener, Sleeper sleeper,
      LongSupplier currentTimeMillis, DoubleSupplier random) {
    this.next = next;
    this.policy = policy;
    this.listener = listener;
    this.sleeper = sleeper;
    this.currentTimeMillis = currentTimeMillis;
    this.random = random;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    List<RealtimeKitException> earlier = new ArrayList<>();
    for (int attempts = 1; ; attempts++) {
      RealtimeKitException failure;
      try {
        return next.execute(request, options);
      } catch (RealtimeKitException e) {
        failure = e;
      }
      Duration delay = policy.delayBeforeRetry(attempts, failure, currentTimeMillis.getAsLong(),
          random.getAsDouble());
      if (delay == null) {
        earlier.forEach(failure::addSuppressed);
        throw failure;
      }
      listener.beforeRetry(new RetryEvent(failure.getOperation(), attempts + 1, policy.maxRetries + 1, delay,
          failure));
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
