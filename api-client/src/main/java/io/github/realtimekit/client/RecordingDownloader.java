package io.github.realtimekit.client;

import io.github.realtimekit.client.core.SafeText;
import io.github.realtimekit.client.errors.DownloadException;
import io.github.realtimekit.client.errors.NoDownloadUrlException;
import io.github.realtimekit.model.Recording;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Downloads a recording's file, the recording itself ({@code download_url}) or its audio
 * ({@code audio_download_url}), to a {@link Path} or as an {@link InputStream}. Get one from the
 * client, {@link RealtimeKitClient#downloader()}: it sends through the client's transport, with its
 * HTTP log, redaction, {@code User-Agent} and connect timeout.
 *
 * <pre>{@code
 * RecordingDownloader downloader = client.downloader();
 * Recording recording = client.getRecording(recordingId);
 * DownloadResult saved = downloader.download(recording, RecordingDownloader.Kind.VIDEO, Path.of("meeting.mp4"),
 *     DownloadOptions.builder().progress((bytes, total) -> System.err.print("\r" + bytes + " / " + total)).build());
 * }</pre>
 *
 * <ul>
 *   <li>The download URLs are pre-signed for another host: a download sends no {@code Authorization}
 *       header, nor any cookie or credential, and no log line shows the URL's query.</li>
 *   <li>A file is written to a temporary file in the target's directory and renamed to the target
 *       (atomically where the file system can) only once complete, checked and flushed to disk; a
 *       failed or interrupted download deletes it, unless {@link DownloadOptions.Builder#resume(boolean)}
 *       keeps it to be continued.</li>
 *   <li>The size received is checked against {@code Content-Length} and, when the recording states it,
 *       its {@code file_size}; an HTML page, an empty or short body, or a status other than 2xx is an
 *       error ({@link io.github.realtimekit.client.errors.DownloadException} and its subclasses), never
 *       a saved file.</li>
 *   <li>Redirects are followed, up to 5, but never from https to http. Pre-signed URLs normally
 *       answer directly.</li>
 *   <li>A body that receives nothing for the idle timeout fails with a
 *       {@link io.github.realtimekit.client.errors.NetworkTimeoutException}; a slow but moving transfer
 *       may take as long as it needs.</li>
 *   <li>Closing the client stops the downloads under way: they fail with
 *       {@link IllegalStateException}, and their temporary files are deleted.</li>
 * </ul>
 *
 * <p>A downloader is immutable and safe to share between threads.
 */
public final class RecordingDownloader {

  /** The default longest wait for the response, and then for each next bytes of the body. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

  /** Which of a recording's files to download. */
  public enum Kind {
    /** The recording: {@code download_url}, the URL where the recording can be downloaded. */
    VIDEO("download_url"),
    /**
     * The audio: {@code audio_download_url}; if the audio_config is passed, the URL for downloading the
     * audio recording is returned.
     */
    AUDIO("audio_download_url");

    private final String field;

    Kind(String field) {
      this.field = field;
    }

    /**
     * Returns the recording's property holding this file's URL.
     *
     * @return {@code download_url} or {@code audio_download_url}
     */
    public String getField() {
      return field;
    }

    /**
     * Returns this file's URL.
     *
     * @param recording the recording
     * @return the URL, or empty when the recording has none (yet)
     */
    public Optional<URI> url(Recording recording) {
      return Optional.ofNullable(this == VIDEO ? recording.getDownloadUrl() : recording.getAudioDownloadUrl());
    }

    /**
     * Returns the size the recording states for this file.
     *
     * <p>A {@code file_size} of 0 counts as none: no recording file is empty (an empty body is an
     * error in any case), and the API's documented example states 0 for a file it serves.
     *
     * @param recording the recording
     * @return {@code file_size} for the recording; -1 when it states none (or 0), and always for the audio
     */
    public long statedSize(Recording recording) {
      Long size = recording.getFileSize();
      return this == VIDEO && size != null && size > 0 ? size : -1;
    }
  }

  private final ClientRuntime runtime;
  private final Duration idleTimeout;

  RecordingDownloader(ClientRuntime runtime, Duration idleTimeout) {
    this.runtime = runtime;
    this.idleTimeout = idleTimeout;
  }

  /**
   * Returns a downloader like this one with another idle timeout.
   *
   * @param idleTimeout the longest wait for the response, and then for each next bytes of its body;
   *     more than zero. It bounds a stalled transfer, not the whole transfer.
   * @return the downloader
   */
  public RecordingDownloader withIdleTimeout(Duration idleTimeout) {
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    if (idleTimeout.isZero() || idleTimeout.isNegative()) {
      throw new IllegalArgumentException("idleTimeout: must be more than zero, was " + idleTimeout);
    }
    return new RecordingDownloader(runtime, idleTimeout);
  }

  /**
   * Returns the idle timeout.
   *
   * @return the longest wait for the response, and then for each next bytes of its body
   */
  public Duration getIdleTimeout() {
    return idleTimeout;
  }

  /**
   * Returns where a resumable download to a target keeps its partial file: {@code .NAME.part} beside it.
   *
   * @param target the file a download saves
   * @return the partial file's path, in the target's directory
   */
  public static Path partialFile(Path target) {
    Path name = Objects.requireNonNull(target, "target").getFileName();
    if (name == null) {
      throw new IllegalArgumentException("target: must name a file, was " + SafeText.of(target));
    }
    return target.resolveSibling("." + name + ".part");
  }

  /**
   * Downloads a recording's file to a path, replacing any file there once the new one is complete.
   *
   * @param recording the recording, as {@link RealtimeKitClient#getRecording} or the list returns it
   * @param kind which file
   * @param target the file to create or replace; its directory must exist
   * @return what was saved
   * @throws NoDownloadUrlException if the recording has no URL for this file; nothing was sent
   * @throws DownloadException or one of its subclasses, or a
   *     {@link io.github.realtimekit.client.errors.NetworkException}, when the download fails
   */
  public DownloadResult download(Recording recording, Kind kind, Path target) {
    return download(recording, kind, target, DownloadOptions.defaults());
  }

  /**
   * Downloads a recording's file to a path, replacing any file there once the new one is complete.
   *
   * @param recording the recording, as {@link RealtimeKitClient#getRecording} or the list returns it
   * @param kind which file
   * @param target the file to create or replace; its directory must exist
   * @param options progress, resume and digest
   * @return what was saved
   * @throws NoDownloadUrlException if the recording has no URL for this file; nothing was sent
   * @throws DownloadException or one of its subclasses, or a
   *     {@link io.github.realtimekit.client.errors.NetworkException}, when the download fails
   */
  public DownloadResult download(Recording recording, Kind kind, Path target, DownloadOptions options) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(target, "target");
    URI url = url(recording, kind);
    runtime.requireOpen();
    return FileDownload.download(runtime, url, kind.statedSize(recording), idleTimeout, target, options);
  }

  /**
   * Opens a recording's file as a stream. The stream checks what arrives as
   * {@link #download(Recording, Kind, Path, DownloadOptions)} does, and its {@code read} methods throw
   * the same unchecked exceptions; the size is checked when the end is read. Close it when done.
   *
   * @param recording the recording
   * @param kind which file
   * @param progress told of the bytes as they are read
   * @return the body, from its first byte
   * @throws NoDownloadUrlException if the recording has no URL for this file; nothing was sent
   * @throws DownloadException or one of its subclasses, or a
   *     {@link io.github.realtimekit.client.errors.NetworkException}, when the host does not answer with the file
   */
  public InputStream open(Recording recording, Kind kind, DownloadProgress progress) {
    Objects.requireNonNull(progress, "progress");
    return DownloadTransfer.start(runtime, url(recording, kind), 0, kind.statedSize(recording), idleTimeout, progress);
  }

  /**
   * Opens a recording's file as a stream, as {@link #open(Recording, Kind, DownloadProgress)} does, without progress.
   *
   * @param recording the recording
   * @param kind which file
   * @return the body, from its first byte
   */
  public InputStream open(Recording recording, Kind kind) {
    return open(recording, kind, DownloadProgress.NONE);
  }

  @Override
  public String toString() {
    return "RecordingDownloader[idle timeout " + idleTimeout + "]";
  }

  private static URI url(Recording recording, Kind kind) {
    Objects.requireNonNull(recording, "recording");
    Objects.requireNonNull(kind, "kind");
    URI url = kind.url(recording).orElseThrow(() -> new NoDownloadUrlException(recording.getId(), kind.getField(),
        kind == Kind.VIDEO
            ? "Recording " + recording.getId() + " has no download URL yet (download_url is null, status "
                + SafeText.of(recording.getStatus()) + "); it has one once uploaded"
            : "Recording " + recording.getId() + " has no audio download URL (audio_download_url is null, status "
                + SafeText.of(recording.getStatus()) + "); there is one only for recordings made with an audio config"));
    String scheme = url.getScheme();
    if (!url.isAbsolute() || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
        || url.getHost() == null) {
      throw new NoDownloadUrlException(recording.getId(), kind.getField(), "Recording " + recording.getId() + " has a "
          + kind.getField() + " that is not an http or https URL");
    }
    return url;
  }
}
