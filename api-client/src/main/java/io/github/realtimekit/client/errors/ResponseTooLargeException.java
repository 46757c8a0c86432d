package io.github.realtimekit.client.errors;

import org.jspecify.annotations.Nullable;

/**
 * A 2xx response body was larger than the client accepts (see the client builder's
 * {@code maxResponseBytes}). At most that much was read, and the connection was discarded. Never
 * retried.
 */
public class ResponseTooLargeException extends RealtimeKitException {

  private static final long serialVersionUID = 1L;

  private final long limit;

  /**
   * Creates an exception.
   *
   * @param operation the operation whose response was too large
   * @param limit the limit, in bytes
   * @param message what happened
   * @param cause the underlying failure; may be null
   */
  public ResponseTooLargeException(String operation, long limit, String message, @Nullable Throwable cause) {
    super(operation, message, cause);
    this.limit = limit;
  }

  /**
   * Returns the limit the body exceeded.
   *
   * @return bytes
   */
  public long getLimit() {
    return limit;
  }
}
