package io.github.realtimekit.client;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * How {@link RecordingDownloader#download(io.github.realtimekit.model.Recording, RecordingDownloader.Kind,
 * java.nio.file.Path, DownloadOptions)} saves a file. Immutable; build one with {@link #builder()}.
 */
public final class DownloadOptions {

  private static final DownloadOptions DEFAULTS = builder().build();

  private final DownloadProgress progress;
  private final boolean resume;
  private final boolean sha256;
  private final Consumer<DownloadResult> beforeRename;
  private final boolean rename;

  private DownloadOptions(Builder b) {
    this.progress = b.progress;
    this.resume = b.resume;
    this.sha256 = b.sha256;
    this.beforeRename = b.beforeRename;
    this.rename = b.rename;
  }

  /**
   * Returns the defaults: no progress, no resume, no digest.
   *
   * @return the default options
   */
  public static DownloadOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a builder with the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns what hears of the progress.
   *
   * @return the callback; {@link DownloadProgress#NONE} unless set
   */
  public DownloadProgress getProgress() {
    return progress;
  }

  /**
   * Tells whether an interrupted download is kept to be continued.
   *
   * @return true when the partial file is kept and resumed
   */
  public boolean isResume() {
    return resume;
  }

  /**
   * Tells whether the SHA-256 digest of the file is computed.
   *
   * @return true to compute it
   */
  public boolean isSha256() {
    return sha256;
  }

  /**
   * Returns what runs once the file is complete, before it takes its final name.
   *
   * @return the callback; does nothing unless set
   */
  public Consumer<DownloadResult> getBeforeRename() {
    return beforeRename;
  }

  /**
   * Tells whether the complete file is flushed to disk and renamed to the target.
   *
   * @return true unless {@link Builder#rename(boolean)} turned it off
   */
  public boolean isRename() {
    return rename;
  }

  /** Builds {@link DownloadOptions}. */
  public static final class Builder {
    private DownloadProgress progress = DownloadProgress.NONE;
    private boolean resume;
    private boolean sha256;
    private Consumer<DownloadResult> beforeRename = result -> { };
    private boolean rename = true;

    private Builder() {
    }

    /**
     * Sets what hears of the progress, on the downloading thread.
     *
     * @param progress the callback
     * @return this builder
     */
    public Builder progress(DownloadProgress progress) {
      this.progress = Objects.requireNonNull(progress, "progress");
      return this;
    }

    /**
     * Keeps an interrupted download to continue it later. The bytes go to
     * {@link RecordingDownloader#partialFile(java.nio.file.Path)} beside the target, which is kept when
     * the transfer fails (a dropped connection, a timeout, an error status, an interrupt) and deleted
     * only when what arrived is not the file. The next download to the same target continues it with a
     * {@code Range} request; a host that answers the whole file instead (200) is read from the start.
     * Without it (the default), a failed download deletes what it wrote.
     *
     * @param resume true to keep and resume partial files
     * @return this builder
     */
    public Builder resume(boolean resume) {
      this.resume = resume;
      return this;
    }

    /**
     * Computes the SHA-256 digest of the whole file as it is written (a resumed part is read once
     * more for it), for {@link DownloadResult#getSha256()}.
     *
     * @param sha256 true to compute it
     * @return this builder
     */
    public Builder sha256(boolean sha256) {
      this.sha256 = sha256;
      return this;
    }

    /**
     * Runs a callback once the file is complete, checked and flushed to disk, just before it is renamed
     * to the target: the place to record it somewhere first, so that a file under its final name is
     * always recorded. An exception it throws fails the download, and the complete partial file is
     * kept when resuming.
     *
     * @param beforeRename the callback; the result's path is the target, which does not exist yet
     * @return this builder
     */
    public Builder beforeRename(Consumer<DownloadResult> beforeRename) {
      this.beforeRename = Objects.requireNonNull(beforeRename, "beforeRename");
      return this;
    }

    /**
     * Whether the complete file is flushed to disk and renamed to the target: true by default. Off, the
     * download ends once the file is complete and checked, and leaves it under
     * {@link RecordingDownloader#partialFile(java.nio.file.Path)}, neither flushed nor renamed (and
     * {@link #beforeRename(Consumer)} is not run): for a caller that flushes and renames many files
     * together, sharing one flush of its own record of them. Until then it is an interrupted download
     * like any other: a later download with {@link #resume(boolean)} to the same target continues it,
     * asking for the bytes after its end, which a host that honours {@code Range} answers with none.
     * Needs {@link #resume(boolean)}.
     *
     * @param rename false to leave the complete file as the partial file
     * @return this builder
     */
    public Builder rename(boolean rename) {
      this.rename = rename;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return immutable options
     * @throws IllegalStateException if {@link #rename(boolean)} is off without {@link #resume(boolean)}
     */
    public DownloadOptions build() {
      if (!rename && !resume) {
        throw new IllegalStateException("rename(false) needs resume(true): the file is left as the partial file");
      }
      return new DownloadOptions(this);
    }
  }
}
