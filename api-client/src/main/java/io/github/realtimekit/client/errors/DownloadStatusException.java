package io.github.realtimekit.client.errors;

/**
 * The download host answered with a status other than 2xx. A 403 usually means the pre-signed URL has
 * expired or was refused: fetching the recording again gives a fresh one.
 */
public class DownloadStatusException extends DownloadException {

  private static final long serialVersionUID = 1L;

  private final int statusCode;

  /**
   * Creates an exception.
   *
   * @param host the download host
   * @param statusCode the HTTP status
   * @param message what went wrong, on one line
   */
  public DownloadStatusException(String host, int statusCode, String message) {
    super(host, message, null);
    this.statusCode = statusCode;
  }

  /**
   * Returns the HTTP status.
   *
   * @return the status code, such as 403
   */
  public int getStatusCode() {
    return statusCode;
  }

  /**
   * Tells whether the host refused the URL itself, as it does when a pre-signed URL has expired.
   *
   * @return true for 401 and 403
   */
  public boolean isUrlRefused() {
    return statusCode == 401 || statusCode == 403;
  }
}
