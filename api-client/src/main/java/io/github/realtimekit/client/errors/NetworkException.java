package io.github.realtimekit.client.errors;

import org.jspecify.annotations.Nullable;

/** No response arrived: the connection was refused, reset or dropped. Retried by default. */
public class NetworkException extends RealtimeKitException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param operation the operation that failed
   * @param message what went wrong
   * @param cause the I/O failure
   */
  public NetworkException(String operation, String message, @Nullable Throwable cause) {
    super(operation, message, cause);
  }
}
