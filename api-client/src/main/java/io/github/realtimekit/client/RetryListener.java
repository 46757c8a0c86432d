package io.github.realtimekit.client;

/**
 * Told before the client waits to try a call again, for instance to say so on a terminal. Called on
 * the calling thread; it must return quickly and must not throw.
 */
@FunctionalInterface
public interface RetryListener {

  /** A listener that does nothing (the default). */
  RetryListener NONE = event -> { };

  /**
   * Called before the client waits to try a call again.
   *
   * @param event which call, which attempt comes next, how long the wait is and why
   */
  void beforeRetry(RetryEvent event);
}
