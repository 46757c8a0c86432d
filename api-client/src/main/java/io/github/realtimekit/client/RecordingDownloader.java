package io.github.realtimekit.client;

import io.github.realtimekit.client.errors.DownloadContentException;
import io.github.realtimekit.client.errors.DownloadException;
import io.github.realtimekit.client.errors.DownloadFileException;
import io.github.realtimekit.client.errors.NoDownloadUrlException;
import io.github.realtimekit.model.Recording;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Downloads a recording's file, the recording itself ({@code download_url}) or its audio
 * ({@code audio_download_url}), to a {@link Path} or as an {@link InputStream}.
 *
 * <pre>{@code
 * RecordingDownloader downloader = RecordingDownloader.create();
 * Recording recording = client.getRecording(recordingId);
 * DownloadResult saved = downloader.download(recording, RecordingDownloader.Kind.VIDEO, Path.of("meeting.mp4"),
 *     DownloadOptions.builder().progress((bytes, total) -> System.err.print("\r" + bytes + " / " + total)).build());
 * }</pre>
 *
 * <ul>
 *   <li>The download URLs are pre-signed for another host: the downloader has no API token and sends
 *       no {@code Authorization} header, nor any cookie or credential.</li>
 *   <li>A file is written to a temporary file in the target's directory and renamed to the target
 *       (atomically where the file system can) only once complete, checked and flushed to disk; a
 *       failed or interrupted download deletes it, unless {@link DownloadOptions.Builder#resume(boolean)}
 *       keeps it to be continued.</li>
 *   <li>The size received is checked against {@code Content-Length} and, when the recording states it,
 *       its {@code file_size}; an HTML page, an empty or short body, or a status other than 2xx is an
 *       error ({@link io.github.realtimekit.client.errors.DownloadException} and its subclasses), never
 *       a saved file.</li>
 *   <li>Redirects are followed, as the JDK's {@link HttpClient.Redirect#NORMAL} does, but never from
 *       https to http. Pre-signed URLs normally answer directly.</li>
 *   <li>A body that receives nothing for the idle timeout fails with a
 *       {@link io.github.realtimekit.client.errors.NetworkTimeoutException}; a slow but moving transfer
 *       may take as long as it needs.</li>
 * </ul>
 *
 * <p>A downloader is immutable and safe to share between threads; build it once.
 */
public final class RecordingDownloader {

  /** The default time to connect. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** The default longest wait for the response, and then for each next bytes of the body. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

  private static final int BUFFER = 64 * 1024;

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

  private final HttpClient http;
  private final boolean ownClient;
  private final Duration connectTimeout;
  private final Duration idleTimeout;
  private final String userAgent;

  private RecordingDownloader(Builder b) {
    this.ownClient = b.http == null;
    this.connectTimeout = b.connectTimeout;
    this.http = b.http != null ? b.http : HttpClient.newBuilder()
        .connectTimeout(b.connectTimeout)
        // Never from https to http; the downloader holds no credential a redirect could carry away.
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
    this.idleTimeout = b.idleTimeout;
    this.userAgent = b.userAgent;
  }

  /**
   * Returns a downloader with the defaults: its own {@link HttpClient}, 10 s to connect, 60 s idle.
   *
   * @return a new downloader
   */
  public static RecordingDownloader create() {
    return builder().build();
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
    URI url = url(recording, kind);
    long stated = kind.statedSize(recording);
    String host = SafeText.of(url.getHost());
    Path temp = options.isResume() ? partialFile(target)
        : target.resolveSibling("." + Objects.requireNonNull(target.getFileName(), "target") + "."
            + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL) + ".part");
    Thread cleanup = options.isResume() ? null : new Thread(() -> deleteQuietly(temp), "realtimekit-download-cleanup");
    boolean hook = cleanup != null && addShutdownHook(cleanup);
    boolean complete = false;
    boolean keep = options.isResume();
    FileChannel file = open(temp, options.isResume(), host);
    try {
      lock(file, temp, options.isResume(), host);
      long held = size(file, temp, host);
      if (held > 0 && stated >= 0 && held > stated) {
        truncate(file, temp, host);
        held = 0;
      }
      DownloadResult result;
      try (DownloadTransfer transfer = DownloadTransfer.start(http, url, held, stated, idleTimeout, userAgent,
          options.getProgress())) {
        MessageDigest digest = options.isSha256() ? sha256() : null;
        long size;
        if (transfer.alreadyComplete()) {
          hashPrefix(file, held, digest, temp, host);
          size = held;
          options.getProgress().update(size, size);
        } else {
          if (transfer.start() == 0 && held > 0) {
            truncate(file, temp, host);
          }
          hashPrefix(file, transfer.start(), digest, temp, host);
          size = copy(transfer, file, transfer.start(), digest, temp, host);
        }
        force(file, temp, host);
        result = new DownloadResult(target, size, transfer.alreadyComplete() ? held : transfer.start(),
            digest == null ? null : HexFormat.of().formatHex(digest.digest()), transfer.contentType());
      } catch (DownloadContentException e) {
        // What arrived is not the file: nothing of it is worth resuming.
        keep = false;
        throw e;
      }
      options.getBeforeRename().accept(result);
      close(file, temp, host);
      move(temp, target, host);
      complete = true;
      return result;
    } finally {
      closeQuietly(file);
      if (!complete && (!keep || isEmpty(temp))) {
        deleteQuietly(temp);
      }
      if (hook) {
        removeShutdownHook(cleanup);
      }
    }
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
    return DownloadTransfer.start(http, url(recording, kind), 0, kind.statedSize(recording), idleTimeout, userAgent,
        progress);
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
    return "RecordingDownloader[" + (ownClient ? "connect timeout " + connectTimeout : "caller's HttpClient")
        + ", idle timeout " + idleTimeout + "]";
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

  private static FileChannel open(Path temp, boolean resume, String host) {
    try {
      return resume
          ? FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)
          : FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw fileFailure(host, "cannot create " + SafeText.of(temp), e);
    }
  }

  private static void lock(FileChannel file, Path temp, boolean resume, String host) {
    if (!resume) {
      return;
    }
    FileLock lock;
    try {
      lock = file.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException e) {
      // A file system without locks: go on without.
      return;
    }
    if (lock == null) {
      throw new DownloadFileException(host, "another download is writing " + SafeText.of(temp), null);
    }
  }

  private static long size(FileChannel file, Path temp, String host) {
    try {
      return file.size();
    } catch (IOException e) {
      throw fileFailure(host, "cannot read " + SafeText.of(temp), e);
    }
  }

  private static void truncate(FileChannel file, Path temp, String host) {
    try {
      file.truncate(0);
    } catch (IOException e) {
      throw fileFailure(host, "cannot write " + SafeText.of(temp), e);
    }
  }

  private static void hashPrefix(FileChannel file, long length, MessageDigest digest, Path temp, String host) {
    if (digest == null || length == 0) {
      return;
    }
    ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
    long position = 0;
    try {
      while (position < length) {
        buffer.clear().limit((int) Math.min(BUFFER, length - position));
        int n = file.read(buffer, position);
        if (n < 0) {
          throw new IOException("the file ended at " + position + " of " + length + " bytes");
        }
        buffer.flip();
        digest.update(buffer);
        position += n;
      }
    } catch (IOException e) {
      throw fileFailure(host, "cannot read " + SafeText.of(temp), e);
    }
  }

  private static long copy(DownloadTransfer body, FileChannel file, long start, MessageDigest digest, Path temp,
      String host) {
    byte[] buffer = new byte[BUFFER];
    long position = start;
    while (true) {
      int n = body.read(buffer, 0, buffer.length);
      if (n < 0) {
        return position;
      }
      if (digest != null) {
        digest.update(buffer, 0, n);
      }
      ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
      try {
        while (bytes.hasRemaining()) {
          position += file.write(bytes, position);
        }
      } catch (IOException e) {
        throw fileFailure(host, "cannot write " + SafeText.of(temp), e);
      }
    }
  }

  private static void force(FileChannel file, Path temp, String host) {
    try {
      file.force(true);
    } catch (IOException e) {
      throw fileFailure(host, "cannot write " + SafeText.of(temp), e);
    }
  }

  private static void close(FileChannel file, Path temp, String host) {
    try {
      file.close();
    } catch (IOException e) {
      throw fileFailure(host, "cannot write " + SafeText.of(temp), e);
    }
  }

  private static void move(Path temp, Path target, String host) {
    try {
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw fileFailure(host, "cannot rename " + SafeText.of(temp) + " to " + SafeText.of(target.getFileName()), e);
    }
  }

  private static DownloadException fileFailure(String host, String message, IOException e) {
    if (e instanceof ClosedByInterruptException || Thread.currentThread().isInterrupted()) {
      Thread.currentThread().interrupt();
      return new DownloadException(host, "download from " + host + " interrupted", e);
    }
    return new DownloadFileException(host, message + ": " + DownloadTransfer.describe(e, null), e);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }

  private static boolean addShutdownHook(Thread hook) {
    try {
      Runtime.getRuntime().addShutdownHook(hook);
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  private static void removeShutdownHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Shutting down: the hook runs, and finds nothing left to delete.
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // Best effort: a failure is already being reported.
    }
  }

  private static boolean isEmpty(Path file) {
    try {
      return Files.size(file) == 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static void closeQuietly(FileChannel file) {
    try {
      file.close();
    } catch (IOException e) {
      // Already failing or already closed.
    }
  }

  /** Builds a {@link RecordingDownloader}. */
  public static final class Builder {
    private HttpClient http;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
    private String userAgent = "realtimekit-java";

    private Builder() {
    }

    /**
     * Sends with the caller's {@link HttpClient} instead of one of the downloader's own. Its connect
     * timeout, redirect policy, proxy and executor apply, and {@link #connectTimeout(Duration)} does not;
     * give it no {@link java.net.Authenticator}, since the download host must receive no credential. A
     * response redirected from https to http is refused whatever its policy.
     *
     * @param http the client
     * @return this builder
     */
    public Builder httpClient(HttpClient http) {
      this.http = Objects.requireNonNull(http, "http");
      return this;
    }

    /**
     * Sets the time to connect, for the downloader's own {@link HttpClient}.
     *
     * @param connectTimeout more than zero; 10 s by default
     * @return this builder
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    /**
     * Sets the longest wait for the response, and then for each next bytes of its body. It bounds a
     * stalled transfer, not the whole transfer.
     *
     * @param idleTimeout more than zero; 60 s by default
     * @return this builder
     */
    public Builder idleTimeout(Duration idleTimeout) {
      this.idleTimeout = positive(idleTimeout, "idleTimeout");
      return this;
    }

    /**
     * Sets the {@code User-Agent} header.
     *
     * @param userAgent printable, not blank; {@code realtimekit-java} by default
     * @return this builder
     */
    public Builder userAgent(String userAgent) {
      Objects.requireNonNull(userAgent, "userAgent");
      if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
        throw new IllegalArgumentException("userAgent: must be printable and not blank");
      }
      this.userAgent = userAgent;
      return this;
    }

    /**
     * Builds the downloader.
     *
     * @return an immutable downloader
     */
    public RecordingDownloader build() {
      return new RecordingDownloader(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(name + ": must be more than zero, was " + d);
      }
      return d;
    }
  }
}
