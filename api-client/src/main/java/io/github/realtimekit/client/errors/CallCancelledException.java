package io.github.realtimekit.client.errors;

import org.jspecify.annotations.Nullable;

/**
 * The call was cancelled: the calling thread was interrupted while it waited for a response or for
 * its next attempt. The thread's interrupt flag is set again. Never retried.
 */
public class CallCancelledException extends RealtimeKitException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param operation the operation that was cancelled
   * @param message what was cancelled
   * @param cause the interruption, or the failure the call was waiting to retry
   */
  public CallCancelledException(String operation, String message, @Nullable Throwable cause) {
    super(operation, message, cause);
  }
}
