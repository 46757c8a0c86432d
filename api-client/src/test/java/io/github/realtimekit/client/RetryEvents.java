package io.github.realtimekit.client;

import io.github.realtimekit.client.errors.RealtimeKitException;
import java.time.Duration;

/** The text of the {@link RetryEvent} the client makes of what the retry stage tells, for the core's tests. */
public final class RetryEvents {

  private RetryEvents() {
  }

  public static String describe(String operation, int nextAttempt, int maxAttempts, Duration delay,
      RealtimeKitException failure) {
    return new RetryEvent(operation, nextAttempt, maxAttempts, delay, failure).toString();
  }
}
