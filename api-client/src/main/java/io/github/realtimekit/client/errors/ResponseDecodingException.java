package io.github.realtimekit.client.errors;

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
  public ResponseDecodingException(String operation, int statusCode, String message, String bodyExcerpt,
      Throwable cause) {
    super(operation, message, cause);
    this.statusCode = statusCode;
    this.bodyExcerpt = bodyExcerpt == null ? "" : bodyExcerpt;
  }

  /**
   * Returns the HTTP status of the response.
   *
   * @return the status code
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Returns the start of the body.
   *
   * @return at most a few hundred characters, or empty
   */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }
}
