package io.github.realtimekit.client;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A budget the client keeps its calls to the API under: at most {@link #getRequests()} requests sent
 * in any window of {@link #getWindow()}, counted as a sliding window over the client's every thread
 * and every view ({@link RealtimeKitClient#withApp}). A call that would exceed it waits, then goes.
 * Every attempt counts, retries included; downloads of files do not (they go to another host).
 * Immutable.
 *
 * @see RealtimeKitClientBuilder#rateLimits(List)
 */
public final class RateLimit {

  private final int requests;
  private final Duration window;

  private RateLimit(int requests, Duration window) {
    this.requests = requests;
    this.window = window;
  }

  /**
   * Returns a budget.
   *
   * @param requests the most requests in any window, 1 or more
   * @param window the window, positive
   * @return the budget
   * @throws IllegalArgumentException naming the argument that is out of range
   */
  public static RateLimit of(int requests, Duration window) {
    Objects.requireNonNull(window, "window");
    if (requests < 1) {
      throw new IllegalArgumentException("requests: must be 1 or more, was " + requests);
    }
    BuilderChecks.requirePositive("window", window);
    return new RateLimit(requests, window);
  }

  /**
   * Returns the budgets Cloudflare documents for one account, the client's default: 1,000 requests
   * per 60 seconds for the recordings APIs, and 250 per 10 seconds across RealtimeKit.
   *
   * @return the two budgets
   */
  public static List<RateLimit> cloudflareDefaults() {
    return List.of(of(1000, Duration.ofSeconds(60)), of(250, Duration.ofSeconds(10)));
  }

  /**
   * Returns the most requests in any window.
   *
   * @return 1 or more
   */
  public int getRequests() {
    return requests;
  }

  /**
   * Returns the window.
   *
   * @return a positive duration
   */
  public Duration getWindow() {
    return window;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RateLimit && requests == ((RateLimit) o).requests && window.equals(((RateLimit) o).window);
  }

  @Override
  public int hashCode() {
    return Objects.hash(requests, window);
  }

  /** Returns {@code 250 requests per PT10S}. */
  @Override
  public String toString() {
    return requests + " requests per " + window;
  }
}
