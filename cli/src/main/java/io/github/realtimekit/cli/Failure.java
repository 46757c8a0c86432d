package io.github.realtimekit.cli;

/**
 * A command could not do its work, for a reason the tool explains in one line and maps to an exit
 * code of {@link ExitCode}.
 */
final class Failure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;

  /**
   * Creates a failure.
   *
   * @param exitCode the process's exit code
   * @param message one line for the user
   * @param cause the underlying error, shown with {@code --verbose}; may be null
   */
  Failure(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /**
   * Returns the exit code this failure ends the process with.
   *
   * @return one of {@link ExitCode}'s codes
   */
  int exitCode() {
    return exitCode;
  }
}
