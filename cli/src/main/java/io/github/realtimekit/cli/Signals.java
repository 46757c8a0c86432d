package io.github.realtimekit.cli;

import java.util.concurrent.CompletableFuture;

/**
 * Stops a long-running command on SIGINT (Ctrl-C) and SIGTERM: the signal completes a future, the
 * command returns, and the tool exits with its own code, 0, instead of the JVM's 130 or 143. Where a
 * signal cannot be handled (SIGTERM on Windows), a shutdown hook completes the future instead.
 */
final class Signals {

  private Signals() {
  }

  /**
   * Completes {@code stop} on SIGINT or SIGTERM.
   *
   * @param stop the future the command waits on
   */
  static void stopOn(CompletableFuture<Void> stop) {
    boolean handled = true;
    for (String name : new String[] {"INT", "TERM"}) {
      try {
        sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> stop.complete(null));
      } catch (IllegalArgumentException | LinkageError unavailable) {
        handled = false;
      }
    }
    if (!handled) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop.complete(null), "realtimekit-mock-stop"));
    }
  }
}
