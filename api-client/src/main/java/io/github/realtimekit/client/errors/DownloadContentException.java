package io.github.realtimekit.client.errors;

/**
 * The download host answered 2xx, but not with the file: an HTML page (a login or error page of a proxy),
 * a body shorter or longer than its {@code Content-Length} or than the recording's {@code file_size},
 * an empty body, or a partial answer to a resumed download that does not continue the file. Nothing
 * of it was kept.
 */
public class DownloadContentException extends DownloadException {

  private static final long serialVersionUID = 1L;

  private final long receivedBytes;
  private final long expectedBytes;

  /**
   * Creates an exception.
   *
   * @param host the download host
   * @param receivedBytes the size of the file as received, or -1 when nothing of it was read
   * @param expectedBytes the size the host or the recording stated, or -1 when unknown
   * @param message what went wrong, on one line
   */
  public DownloadContentException(String host, long receivedBytes, long expectedBytes, String message) {
    super(host, message, null);
    this.receivedBytes = receivedBytes;
    this.expectedBytes = expectedBytes;
  }

  /**
   * Returns the size of the file as received.
   *
   * @return bytes, counting any resumed part, or -1 when the body was not read
   */
  public long getReceivedBytes() {
    return receivedBytes;
  }

  /**
   * Returns the size the file should have had.
   *
   * @return bytes, or -1 when unknown
   */
  public long getExpectedBytes() {
    return expectedBytes;
  }
}
