package io.github.realtimekit.cli;

import io.github.realtimekit.client.DownloadOptions;
import io.github.realtimekit.client.DownloadResult;
import io.github.realtimekit.client.RecordingDownloader;
import io.github.realtimekit.client.errors.DownloadContentException;
import io.github.realtimekit.client.errors.DownloadException;
import io.github.realtimekit.client.errors.DownloadFileException;
import io.github.realtimekit.client.errors.DownloadStatusException;
import io.github.realtimekit.client.errors.NetworkException;
import io.github.realtimekit.model.Recording;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The tool's side of a download: the client's {@link RecordingDownloader} with the session's timeouts,
 * a progress bar on standard error, and the downloader's exceptions as the tool's exit codes.
 *
 * <p>The downloader writes a temporary file beside the target and renames it only once complete and
 * checked; the request carries no credentials, since the URL is signed for another host; a body that
 * stops arriving for longer than the read timeout fails the download.
 */
final class Download {

  private final RecordingDownloader downloader;
  private final PrintStream err;
  private final boolean terminal;
  private final boolean verbose;

  /**
   * Creates a downloader.
   *
   * @param downloader the client's downloader, with the session's read timeout as its idle timeout
   * @param err where progress goes
   * @param terminal whether {@code err} is a terminal, so the progress bar can redraw in place
   * @param verbose whether to describe the exchange
   */
  Download(RecordingDownloader downloader, PrintStream err, boolean terminal, boolean verbose) {
    this.downloader = downloader;
    this.err = err;
    this.terminal = terminal;
    this.verbose = verbose;
  }

  /**
   * Returns the client's downloader with this session's timeouts.
   *
   * @return the downloader
   */
  RecordingDownloader downloader() {
    return downloader;
  }

  /**
   * Downloads a recording's file to a path, replacing the file if it exists, with a progress bar.
   *
   * @param recording the recording
   * @param kind which of its files
   * @param target the file to create or replace; its directory must exist
   * @return the number of bytes written
   * @throws Failure with the exit code of {@link #failure(RuntimeException)}
   */
  long fetch(Recording recording, RecordingDownloader.Kind kind, Path target) {
    if (verbose) {
      kind.url(recording).ifPresent(url -> err.println("download: GET " + withoutQuery(url)));
    }
    Progress[] progress = new Progress[1];
    try {
      DownloadResult result = downloader.download(recording, kind, target, DownloadOptions.builder()
          .progress((bytes, total) -> {
            if (progress[0] == null) {
              progress[0] = new Progress(err, total, terminal);
            }
            progress[0].moveTo(bytes);
          })
          .build());
      if (progress[0] != null) {
        progress[0].finish();
      }
      if (verbose) {
        err.println("download: " + result.getSize() + " bytes" + result.getContentType().map(t -> ", " + t).orElse(""));
      }
      return result.getSize();
    } catch (RuntimeException e) {
      if (progress[0] != null) {
        progress[0].abandon();
      }
      throw failure(e);
    }
  }

  /**
   * Maps a download's failure to the tool's exit codes: {@link ExitCode#API_ERROR} when the host answered
   * with an error status, {@link ExitCode#NETWORK} when the transfer failed, timed out or did not bring
   * the file, {@link ExitCode#CANNOT_WRITE} when the file cannot be written ({@code cannot write TARGET:
   * REASON}), {@link ExitCode#FAILURE} when there is no URL or the download was interrupted.
   *
   * @param e what the downloader threw
   * @return a failure with the downloader's message, or {@code e} itself when it is none of its exceptions
   */
  static RuntimeException failure(RuntimeException e) {
    int code;
    if (e instanceof DownloadStatusException) {
      code = ExitCode.API_ERROR;
    } else if (e instanceof DownloadContentException || e instanceof NetworkException) {
      code = ExitCode.NETWORK;
    } else if (e instanceof DownloadFileException) {
      code = ExitCode.CANNOT_WRITE;
    } else if (e instanceof DownloadException) {
      // NoDownloadUrlException, or an interrupt.
      code = ExitCode.FAILURE;
    } else {
      return e;
    }
    return new Failure(code, e.getMessage(), e);
  }

  /**
   * The URL as the models' {@code toString()} prints it: its query (a pre-signed URL's signature),
   * user information and fragment each shown as {@code ***}. A {@link URI} holds no control character.
   */
  static String withoutQuery(URI url) {
    if (url.isOpaque() || (url.getRawQuery() == null && url.getRawUserInfo() == null && url.getRawFragment() == null)) {
      return url.isOpaque() ? url.getScheme() + ":***" : url.toString();
    }
    String authority = url.getRawAuthority() == null ? ""
        : "//" + (url.getRawUserInfo() != null ? "***@" : "") + (url.getHost() != null ? url.getHost() : "***")
            + (url.getPort() >= 0 ? ":" + url.getPort() : "");
    return (url.getScheme() != null ? url.getScheme() + ":" : "") + authority
        + (url.getRawPath() == null ? "" : url.getRawPath())
        + (url.getRawQuery() != null ? "?***" : "") + (url.getRawFragment() != null ? "#***" : "");
  }

  /** A progress bar: bytes, percent and rate, redrawn in place on a terminal, a line per quarter otherwise. */
  static final class Progress {
    private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int BAR = 24;

    private final PrintStream err;
    private final long total;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long done;
    private long lastDraw;
    private int lastQuarter;
    private int drawnWidth;

    Progress(PrintStream err, long total, boolean terminal) {
      this.err = err;
      this.total = total;
      this.terminal = terminal;
    }

    void moveTo(long bytes) {
      done = bytes;
      long now = System.nanoTime();
      if (terminal) {
        if (now - lastDraw >= REDRAW_NANOS) {
          lastDraw = now;
          redraw(line(now));
        }
      } else if (total > 0) {
        int quarter = (int) (done * 4 / total);
        if (quarter > lastQuarter && quarter < 4) {
          lastQuarter = quarter;
          err.println(line(now));
        }
      }
    }

    void finish() {
      String line = line(System.nanoTime());
      if (terminal) {
        redraw(line);
        err.println();
      } else {
        err.println(line);
      }
      err.flush();
    }

    void abandon() {
      if (terminal && drawnWidth > 0) {
        err.println();
        err.flush();
      }
    }

    private void redraw(String line) {
      String pad = line.length() < drawnWidth ? " ".repeat(drawnWidth - line.length()) : "";
      err.print("\r" + line + pad);
      err.flush();
      drawnWidth = line.length();
    }

    String line(long now) {
      double elapsed = Math.max(1e-3, (now - start) / 1e9);
      String rate = Output.size((long) (done / elapsed)) + "/s";
      if (total < 0) {
        return Output.size(done) + "  " + rate;
      }
      int percent = total == 0 ? 100 : (int) (done * 100 / total);
      int filled = total == 0 ? BAR : (int) (done * BAR / total);
      return String.format(Locale.ROOT, "%3d%% [%s%s] %s / %s  %s", percent, "#".repeat(filled),
          ".".repeat(BAR - filled), Output.size(done), Output.size(total), rate);
    }
  }
}
