package io.github.realtimekit.client.errors;

import java.io.IOException;

/**
 * The file could not be written: the target directory is missing or read-only, the disk is full, the
 * rename failed, or another download holds the partial file.
 */
public class DownloadFileException extends DownloadException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param host the download host
   * @param message what went wrong, naming the file, on one line
   * @param cause the I/O failure; may be null
   */
  public DownloadFileException(String host, String message, IOException cause) {
    super(host, message, cause);
  }
}
