package io.github.realtimekit.client;

/**
 * Hears how far a download has got. Called on the downloading thread: once when the body starts (with
 * the bytes a resumed download already had), then after each block of bytes; keep it quick.
 */
@FunctionalInterface
public interface DownloadProgress {

  /** Ignores progress. */
  DownloadProgress NONE = (bytes, totalBytes) -> { };

  /**
   * Reports progress.
   *
   * @param bytes bytes of the file so far, counting what a resumed download already had
   * @param totalBytes the size of the whole file when the host or the recording states it, else -1
   */
  void update(long bytes, long totalBytes);
}
