package io.github.realtimekit.cli;

import io.github.realtimekit.client.core.FileErrors;
import java.io.IOException;
import java.nio.file.Path;

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
   * A file or directory that could not be written or created, in the tool's one form for it:
   * {@code cannot VERB PATH: REASON}, the path the user gave and the reason in words, exit code
   * {@link ExitCode#CANNOT_WRITE}.
   *
   * @param verb {@code write} for a file, {@code create} for a directory
   * @param path the user's path
   * @param e the failure
   * @return the failure
   */
  static Failure cannotWrite(String verb, Path path, IOException e) {
    return new Failure(ExitCode.CANNOT_WRITE, FileErrors.message(verb, path, e), e);
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
