package io.github.realtimekit.client.errors;

import org.jspecify.annotations.Nullable;

import java.util.Optional;

/** A 2xx response whose body is not the expected JSON: malformed, truncated, empty or of another type. */
public class ResponseDecodingException extends RealtimeKitException {

  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String bodyExcerpt;

  /**
   * Creates an exception.
   *
   * @param operation the operation whose response failed
   * @param statusCode the HTTP status of the response
   * @param message what is wrong with the body
   * @param bodyExcerpt the start of the body, or empty
   * @param cause the parser's failure; may be null
   */
  public ResponseDecodingException(String operation, int statusCode, String message, @Nullable String bodyExcerpt,
      @Nullable Throwable cause) {
    super(operation, message, cause);
    this.statusCode = statusCode;
    this.bodyExcerpt = bodyExcerpt == null ? "" : bodyExcerpt;
  }

  /**
   * Returns the HTTP status of the response.
   *
   * @return the status code
   */
  public int getStatusCode() {
    return statusCode;
  }

  /**
   * Returns the start of the body, cleaned of the API token and of control characters.
   *
   * @return at most a few hundred characters on one line, or empty when there is none
   */
  public Optional<String> getBodyExcerpt() {
    return bodyExcerpt.isEmpty() ? Optional.empty() : Optional.of(bodyExcerpt);
  }
}
