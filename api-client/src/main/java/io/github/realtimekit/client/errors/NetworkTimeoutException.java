package io.github.realtimekit.client.errors;

import org.jspecify.annotations.Nullable;

/** No connection, or no response, within the configured timeout. Retried by default. */
public class NetworkTimeoutException extends NetworkException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param operation the operation that failed
   * @param message what went wrong
   * @param cause the timeout
   */
  public NetworkTimeoutException(String operation, String message, @Nullable Throwable cause) {
    super(operation, message, cause);
  }
}
