package io.github.realtimekit.client.core;

import io.github.realtimekit.client.errors.RealtimeKitException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Not a failure: what the pipeline throws, for a {@linkplain HttpRequest#scheduledAttempt(int) scheduled
 * attempt}, where it would otherwise wait on the calling thread: the caller schedules the next attempt
 * after {@link #delay()}, and the thread is free meanwhile. Carries no stack trace. Never reaches an
 * application: the asynchronous client catches it.
 */
public final class RetryScheduled extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Duration delay;
  private final int nextAttempt;
  private final transient @Nullable RealtimeKitException failure;

  RetryScheduled(Duration delay, int nextAttempt, @Nullable RealtimeKitException failure) {
    super(null, null, false, false);
    this.delay = delay;
    this.nextAttempt = nextAttempt;
    this.failure = failure;
  }

  /**
   * Returns how long to wait before the next attempt.
   *
   * @return 0 or more
   */
  public Duration delay() {
    return delay;
  }

  /**
   * Returns the number of the attempt to make after the wait: the next one after a failure, the same
   * one after a wait for the rate gate.
   *
   * @return 1 or more
   */
  public int nextAttempt() {
    return nextAttempt;
  }

  /**
   * Returns the failure that is to be retried.
   *
   * @return the failure, or null when the attempt waited for the rate gate and was not sent
   */
  public @Nullable RealtimeKitException failure() {
    return failure;
  }
}
