package io.github.realtimekit.cli;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * What a run of the tool takes from the process it runs in.
 *
 * @param mockClock the built-in mock's clock
 * @param stop completed when {@code mock} is to stop
 * @param signals whether {@code mock} stops on SIGINT and SIGTERM, completing {@code stop}
 */
record RunHooks(Clock mockClock, CompletableFuture<Void> stop, boolean signals) {

  /**
   * Hooks for a run inside another program, such as a test: no signal handlers.
   *
   * @param mockClock the built-in mock's clock
   * @param stop completed when {@code mock} is to stop
   * @return the hooks
   */
  static RunHooks inProcess(Clock mockClock, CompletableFuture<Void> stop) {
    return new RunHooks(mockClock, stop, false);
  }
}
