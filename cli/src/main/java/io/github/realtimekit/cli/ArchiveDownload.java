package io.github.realtimekit.cli;

import io.github.realtimekit.client.DownloadOptions;
import io.github.realtimekit.client.DownloadResult;
import io.github.realtimekit.client.RealtimeKitClient;
import io.github.realtimekit.client.RecordingDownloader;
import io.github.realtimekit.client.RecordingDownloader.Kind;
import io.github.realtimekit.client.errors.DownloadFileException;
import io.github.realtimekit.client.errors.DownloadStatusException;
import io.github.realtimekit.model.Recording;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * One file of an {@link Archive}: downloaded with resume and a SHA-256 digest, left complete as its
 * partial file, its URL refreshed once when the host refuses it, then handed to {@link ArchiveCommits};
 * counted and its path printed once it is archived on disk.
 */
final class ArchiveDownload {

  private static final CompletableFuture<?> DONE = CompletableFuture.completedFuture(null);

  private final RealtimeKitClient client;
  private final RecordingDownloader downloader;
  private final PrintStream out;
  private final ArchiveProgress progress;
  private final Clock clock;
  private final Archive.Summary summary;
  private final Consumer<String> fail;

  ArchiveDownload(RealtimeKitClient client, RecordingDownloader downloader, PrintStream out, ArchiveProgress progress,
      Clock clock, Archive.Summary summary, Consumer<String> fail) {
    this.client = client;
    this.downloader = downloader;
    this.out = out;
    this.progress = progress;
    this.clock = clock;
    this.summary = summary;
    this.fail = fail;
  }

  /**
   * Downloads a file, leaving it complete as its partial file, and hands it to the commits.
   *
   * @param first the recording, as the walk (or a fetch by id) gave it
   * @param kind which of its files
   * @param target the file's final name
   * @param commits where the file goes once downloaded
   * @return completes (never exceptionally) once the file is archived or has failed, counted either way
   */
  CompletableFuture<?> download(Recording first, Kind kind, Path target, ArchiveCommits commits) {
    Recording recording = first;
    String what = "recording " + recording.getId() + (kind == Kind.AUDIO ? " (audio)" : "");
    long[] seen = {-1};
    DownloadOptions options = DownloadOptions.builder()
        .resume(true)
        .sha256(true)
        .progress((bytes, total) -> {
          if (seen[0] >= 0) {
            progress.bytes(bytes - seen[0]);
          }
          seen[0] = bytes;
        })
        .rename(false)
        .build();
    boolean refreshed = false;
    while (true) {
      try {
        seen[0] = -1;
        DownloadResult result = downloader.download(recording, kind, target, options);
        return commit(recording, kind, target, result, what, commits);
      } catch (DownloadStatusException e) {
        if (refreshed || !e.isUrlRefused()) {
          fail.accept(what + ": " + e.getMessage() + (refreshed ? " (with a fresh URL too)" : ""));
          return DONE;
        }
        refreshed = true;
        summary.refreshed.incrementAndGet();
        try {
          recording = client.getRecording(recording.getId());
        } catch (RuntimeException refresh) {
          fail.accept(what + ": " + e.getMessage() + "; fetching the recording again for a fresh URL failed: "
              + refresh.getMessage());
          return DONE;
        }
      } catch (DownloadFileException e) {
        // The file could not be written.
        summary.unwritable.incrementAndGet();
        fail.accept(what + ": " + e.getMessage());
        return DONE;
      } catch (RuntimeException e) {
        fail.accept(what + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        return DONE;
      }
    }
  }

  /** Hands a downloaded file to the commits; counts it and prints its path once it is archived. */
  private CompletableFuture<?> commit(Recording recording, Kind kind, Path target, DownloadResult result,
      String what, ArchiveCommits commits) {
    ArchiveManifest.Line line = new ArchiveManifest.Line(String.valueOf(recording.getId()),
        kind == Kind.AUDIO ? "audio" : "video", target.getFileName().toString(), result.getSize(),
        result.getSha256().orElseThrow(), recording.getInvokedTime(), clock.instant());
    CompletableFuture<Path> archived;
    try {
      archived = commits.submit(new ArchiveCommits.Finished(RecordingDownloader.partialFile(target), target,
          line));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail.accept(what + ": interrupted; the complete file is finished next time");
      return DONE;
    }
    return archived.handle((name, e) -> {
      if (e == null) {
        summary.downloaded.incrementAndGet();
        summary.downloadedBytes.addAndGet(result.getBytesTransferred());
        progress.println(out, name.toString());
      } else {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof Failure f && f.exitCode() == ExitCode.CANNOT_WRITE) {
          summary.unwritable.incrementAndGet();
        }
        fail.accept(what + ": " + cause.getMessage());
      }
      return null;
    });
  }
}
