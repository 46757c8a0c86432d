package io.github.realtimekit.client;

import io.github.realtimekit.client.errors.RealtimeKitException;
import io.github.realtimekit.client.errors.ServiceException;
import java.time.Duration;
import java.util.Objects;

/** A retry about to happen: see {@link RetryListener}. Immutable. */
public final class RetryEvent {

  private final String operation;
  private final int nextAttempt;
  private final int maxAttempts;
  private final Duration delay;
  private final RealtimeKitException failure;

  RetryEvent(String operation, int nextAttempt, int maxAttempts, Duration delay, RealtimeKitException failure) {
    this.operation = Objects.requireNonNull(operation, "operation");
    this.nextAttempt = nextAttempt;
    this.maxAttempts = maxAttempts;
    this.delay = Objects.requireNonNull(delay, "delay");
    this.failure = Objects.requireNonNull(failure, "failure");
  }

  /**
   * Returns the call being retried.
   *
   * @return the operation, such as {@code listRecordings}
   */
  public String getOperation() {
    return operation;
  }

  /**
   * Returns the number of the attempt that follows the wait.
   *
   * @return 2 for the first retry
   */
  public int getNextAttempt() {
    return nextAttempt;
  }

  /**
   * Returns how many attempts the call may make in all.
   *
   * @return the maximum, such as 3
   */
  public int getMaxAttempts() {
    return maxAttempts;
  }

  /**
   * Returns how long the client waits before the next attempt.
   *
   * @return the wait
   */
  public Duration getDelay() {
    return delay;
  }

  /**
   * Returns how the last attempt failed.
   *
   * @return the failure; its message is safe to show
   */
  public RealtimeKitException getFailure() {
    return failure;
  }

  /**
   * Returns a one-line account, such as {@code retrying in 4 s after HTTP 429 (attempt 2 of 3)}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    long ms = delay.toMillis();
    String wait = ms % 1000 == 0 || ms >= 10_000 ? Math.round(ms / 1000.0) + " s" : ms + " ms";
    String why = failure instanceof ServiceException
        ? "HTTP " + ((ServiceException) failure).getStatusCode()
        : reason(failure);
    return "retrying " + operation + " in " + wait + " after " + why + " (attempt " + nextAttempt + " of "
        + maxAttempts + ")";
  }

  /** "connection refused by host:port" out of "Connection refused by host:port calling op (...)". */
  private static String reason(RealtimeKitException failure) {
    String m = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    int calling = m.indexOf(" calling ");
    String head = calling > 0 ? m.substring(0, calling) : m;
    return head.isEmpty() ? head : Character.toLowerCase(head.charAt(0)) + head.substring(1);
  }
}
