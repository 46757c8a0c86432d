package io.github.realtimekit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Streams a recording's pre-signed download URL to a file, with a progress bar on standard error.
 *
 * <p>The bytes go to a temporary file beside the target ({@code .NAME.RANDOM.part}), which is renamed
 * to the target (atomically where the file system can) only once the whole body has arrived and been
 * flushed to disk; on any failure, and on Ctrl-C, the temporary file is deleted. So the target is
 * either absent, left as it was, or complete.
 *
 * <p>The request carries no credentials: the URL is signed for another host. A body that stops
 * arriving for longer than the read timeout fails the download.
 */
final class Download {

  private static final int BUFFER = 64 * 1024;

  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final PrintStream err;
  private final boolean terminal;
  private final boolean verbose;
  private final String userAgent;

  /**
   * Creates a downloader.
   *
   * @param connectTimeout how long to wait for a connection
   * @param readTimeout how long to wait for the response, and for each part of the body
   * @param err where progress goes
   * @param terminal whether {@code err} is a terminal, so the progress bar can redraw in place
   * @param verbose whether to describe the exchange
   * @param userAgent the {@code User-Agent} header
   */
  Download(Duration connectTimeout, Duration readTimeout, PrintStream err, boolean terminal, boolean verbose,
      String userAgent) {
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.err = err;
    this.terminal = terminal;
    this.verbose = verbose;
    this.userAgent = userAgent;
  }

  /**
   * Downloads a URL to a file, replacing the file if it exists.
   *
   * @param url an absolute http or https URL
   * @param target the file to create or replace; its directory must exist
   * @return the number of bytes written
   * @throws Failure exit code {@link ExitCode#API_ERROR} when the host answers with an error status,
   *     {@link ExitCode#NETWORK} when the transfer fails or times out, {@link ExitCode#FAILURE} when the
   *     file cannot be written
   */
  long fetch(URI url, Path target) {
    String host = url.getHost();
    HttpClient http = HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .version("https".equalsIgnoreCase(url.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
        .build();
    HttpRequest request = HttpRequest.newBuilder(url)
        .timeout(readTimeout)
        .header("User-Agent", userAgent)
        .GET()
        .build();
    if (verbose) {
      // The query string of a pre-signed URL is its signature: never printed.
      err.println("download: GET " + withoutQuery(url) + (url.getRawQuery() == null ? "" : "?***"));
    }
    HttpResponse<InputStream> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      throw new Failure(ExitCode.NETWORK, "download from " + host + " timed out: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new Failure(ExitCode.NETWORK, "download from " + host + " failed: " + describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure(ExitCode.FAILURE, "download from " + host + " interrupted", e);
    }
    OptionalLong length = response.headers().firstValueAsLong("Content-Length");
    if (verbose) {
      err.println("download: HTTP " + response.statusCode()
          + (length.isPresent() ? ", " + length.getAsLong() + " bytes" : ", length unknown"));
    }
    InputStream body = response.body();
    try {
      if (response.statusCode() / 100 != 2) {
        throw new Failure(ExitCode.API_ERROR, "download failed: HTTP " + response.statusCode() + " from " + host, null);
      }
      return save(body, length.isPresent() ? length.getAsLong() : -1, target, host);
    } finally {
      closeQuietly(body);
    }
  }

  private long save(InputStream body, long length, Path target, String host) {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = dir.resolve("." + target.getFileName() + "."
        + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL) + ".part");
    Thread cleanup = new Thread(() -> deleteQuietly(temp), "realtimekit-download-cleanup");
    boolean hook = addShutdownHook(cleanup);
    Progress progress = new Progress(err, length, terminal);
    // Wakes a read that waits longer than the read timeout for the next bytes, by closing the body.
    AtomicLong lastProgress = new AtomicLong(System.nanoTime());
    AtomicBoolean stalled = new AtomicBoolean();
    ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "realtimekit-download-watchdog");
      t.setDaemon(true);
      return t;
    });
    long check = Math.max(50, Math.min(1000, readTimeout.toMillis() / 4));
    watchdog.scheduleWithFixedDelay(() -> {
      if (System.nanoTime() - lastProgress.get() > readTimeout.toNanos() && stalled.compareAndSet(false, true)) {
        closeQuietly(body);
      }
    }, check, check, TimeUnit.MILLISECONDS);
    boolean complete = false;
    try {
      long received = copy(body, temp, length, host, progress, lastProgress, stalled);
      progress.finish();
      try {
        move(temp, target);
      } catch (IOException e) {
        throw new Failure(ExitCode.FAILURE, "cannot rename " + temp + " to " + target + ": " + describe(e), e);
      }
      complete = true;
      return received;
    } finally {
      watchdog.shutdownNow();
      if (!complete) {
        progress.abandon();
        deleteQuietly(temp);
      }
      if (hook) {
        removeShutdownHook(cleanup);
      }
    }
  }

  private long copy(InputStream body, Path temp, long length, String host, Progress progress, AtomicLong lastProgress,
      AtomicBoolean stalled) {
    try (FileChannel file = open(temp)) {
      byte[] buffer = new byte[BUFFER];
      long received = 0;
      while (true) {
        int n;
        try {
          n = body.read(buffer);
        } catch (IOException e) {
          throw new Failure(ExitCode.NETWORK, stalled.get()
              ? "download from " + host + " stalled: no data for " + seconds(readTimeout) + " after "
                  + received + " bytes"
              : "download from " + host + " failed after " + received + " bytes"
                  + (length >= 0 ? " of " + length : "") + ": " + describe(e), e);
        }
        if (n < 0) {
          if (stalled.get()) {
            throw new Failure(ExitCode.NETWORK, "download from " + host + " stalled: no data for "
                + seconds(readTimeout) + " after " + received + " bytes", null);
          }
          break;
        }
        lastProgress.set(System.nanoTime());
        write(file, buffer, n, temp);
        received += n;
        progress.advance(n);
      }
      if (length >= 0 && received != length) {
        throw new Failure(ExitCode.NETWORK, "download from " + host + " ended after " + received + " of "
            + length + " bytes", null);
      }
      file.force(true);
      return received;
    } catch (IOException e) {
      throw new Failure(ExitCode.FAILURE, "cannot write " + temp + ": " + describe(e), e);
    }
  }

  private static FileChannel open(Path temp) {
    try {
      return FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new Failure(ExitCode.FAILURE, "cannot create " + temp + ": " + describe(e), e);
    }
  }

  private static void write(FileChannel file, byte[] buffer, int n, Path temp) {
    ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
    try {
      while (bytes.hasRemaining()) {
        file.write(bytes);
      }
    } catch (IOException e) {
      throw new Failure(ExitCode.FAILURE, "cannot write " + temp + ": " + describe(e), e);
    }
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
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
      // Best effort: the caller is already reporting a failure.
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // Closing only to wake the reader.
    }
  }

  private static String withoutQuery(URI url) {
    String s = url.toString();
    int q = s.indexOf('?');
    return q < 0 ? s : s.substring(0, q);
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    String type = e.getClass().getSimpleName();
    return message == null || message.isBlank() ? type : type + ": " + message;
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

    void advance(long bytes) {
      done += bytes;
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
