package io.github.realtimekit.client.errors;

import org.jspecify.annotations.Nullable;

/**
 * The base of everything the client throws. Messages are one line, name the operation the caller
 * called, and never contain the API token or a control character from the server.
 *
 * <p>A call that was tried more than once ends in the failure of its last attempt, with the
 * failures of the earlier attempts attached as {@linkplain #getSuppressed() suppressed} exceptions;
 * {@link #getAttempts()} counts them, and the message ends with {@code (N attempts)}.
 */
public class RealtimeKitException extends RuntimeException {

  private static final long serialVersionUID = 2L;

  private final String operation;

  /**
   * Creates an exception.
   *
   * @param operation the operation that failed, such as {@code getRecording}
   * @param message what went wrong, on one line
   * @param cause the underlying failure; may be null
   */
  public RealtimeKitException(@Nullable String operation, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.operation = operation == null ? "request" : operation;
  }

  /**
   * Returns the operation that failed.
   *
   * @return the operation's name, such as {@code getRecording}
   */
  public String getOperation() {
    return operation;
  }

  /**
   * Returns how many attempts the call made before it failed: 1, plus one for each earlier attempt
   * whose failure is attached as a suppressed exception.
   *
   * @return 1 or more
   */
  public int getAttempts() {
    int attempts = 1;
    for (Throwable earlier : getSuppressed()) {
      if (earlier instanceof RealtimeKitException) {
        attempts++;
      }
    }
    return attempts;
  }

  /**
   * Returns the message, followed by {@code (N attempts)} when the call was tried more than once.
   *
   * @return the message
   */
  @Override
  public String getMessage() {
    int attempts = getAttempts();
    return attempts > 1 ? super.getMessage() + " (" + attempts + " attempts)" : super.getMessage();
  }
}
