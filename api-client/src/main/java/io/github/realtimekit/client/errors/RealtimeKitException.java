package io.github.realtimekit.client.errors;

/** The base of everything the client throws. Messages never contain the API token. */
public class RealtimeKitException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String operation;

  /**
   * Creates an exception.
   *
   * @param operation the operation that failed, such as {@code getOneRecording}; may be null
   * @param message what went wrong, on one line
   * @param cause the underlying failure; may be null
   */
  public RealtimeKitException(String operation, String message, Throwable cause) {
    super(message, cause);
    this.operation = operation;
  }

  /**
   * Returns the operation that failed.
   *
   * @return the operation's name, such as {@code getOneRecording}, or null when unknown
   */
  public String operation() {
    return operation;
  }
}
