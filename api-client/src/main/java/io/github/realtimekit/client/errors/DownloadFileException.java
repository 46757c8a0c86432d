package io.github.realtimekit.client.errors;

import java.io.IOException;

/**
 * The file could not be written: the target directory is missing or read-only, the disk is full, the
 * rename failed, or another download holds the partial file.
 *
 * <p>The message names the target the download was given, never the temporary file beside it, and
 * says why in words: {@code cannot write TARGET: permission denied} ({@code no space left on device},
 * {@code is a directory}, {@code not a directory}, {@code read-only file system}, or the operating
 * system's own words); the {@linkplain #getCause() cause} is the {@link IOException} itself.
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
