package io.github.realtimekit.client;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** A file a {@link RecordingDownloader} saved: where, how big, and how much of it this call fetched. */
public final class DownloadResult {

  private final Path path;
  private final long size;
  private final long resumedFrom;
  private final String sha256;
  private final String contentType;

  DownloadResult(Path path, long size, long resumedFrom, String sha256, String contentType) {
    this.path = Objects.requireNonNull(path, "path");
    this.size = size;
    this.resumedFrom = resumedFrom;
    this.sha256 = sha256;
    this.contentType = contentType;
  }

  /**
   * Returns the saved file.
   *
   * @return the target the download was asked to write
   */
  public Path getPath() {
    return path;
  }

  /**
   * Returns the size of the saved file.
   *
   * @return bytes, checked against {@code Content-Length} and, when the recording states it, {@code file_size}
   */
  public long getSize() {
    return size;
  }

  /**
   * Returns how many bytes of the file a resumed download already had before this call.
   *
   * @return bytes kept from the partial file; 0 when the download started from the beginning
   */
  public long getResumedFrom() {
    return resumedFrom;
  }

  /**
   * Returns how many bytes of the file this call fetched from the host.
   *
   * @return {@code size() - resumedFrom()}
   */
  public long getBytesTransferred() {
    return size - resumedFrom;
  }

  /**
   * Returns the SHA-256 digest of the whole file, when {@link DownloadOptions.Builder#sha256(boolean)} asked for it.
   *
   * @return 64 lower-case hexadecimal digits, or empty when not computed
   */
  public Optional<String> getSha256() {
    return Optional.ofNullable(sha256);
  }

  /**
   * Returns the media type the host declared.
   *
   * @return the {@code Content-Type} header, or empty when the host sent none (or nothing was fetched)
   */
  public Optional<String> getContentType() {
    return Optional.ofNullable(contentType);
  }

  @Override
  public String toString() {
    return "DownloadResult[" + path + ", " + size + " bytes" + (resumedFrom > 0 ? ", resumed from " + resumedFrom : "")
        + "]";
  }
}
