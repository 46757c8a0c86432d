package io.github.realtimekit.client.errors;

/**
 * A recording's file could not be downloaded. Subclasses say why; this class itself is thrown when the
 * downloading thread is interrupted (its interrupt status is kept set).
 *
 * <p>The message names the download host, never the URL's query string: a pre-signed URL's query is
 * its signature, a secret. It holds no control character.
 */
public class DownloadException extends RealtimeKitException {

  private static final long serialVersionUID = 1L;

  /** The operation name these exceptions report. */
  public static final String OPERATION = "download";

  private final String host;

  /**
   * Creates an exception.
   *
   * @param host the download host, as in the URL
   * @param message what went wrong, on one line
   * @param cause the underlying failure; may be null
   */
  public DownloadException(String host, String message, Throwable cause) {
    super(OPERATION, message, cause);
    this.host = host == null ? "" : host;
  }

  /**
   * Returns the host the file was to come from.
   *
   * @return the URL's host, such as {@code bucket.example.com}; empty when the recording has no URL
   */
  public String getHost() {
    return host;
  }
}
