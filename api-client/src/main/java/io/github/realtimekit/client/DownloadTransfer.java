package io.github.realtimekit.client;

import io.github.realtimekit.client.errors.DownloadContentException;
import io.github.realtimekit.client.errors.DownloadException;
import io.github.realtimekit.client.errors.DownloadStatusException;
import io.github.realtimekit.client.errors.NetworkException;
import io.github.realtimekit.client.errors.NetworkTimeoutException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Flow;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One GET of a download URL, and its body as an {@link InputStream} that checks what arrives: the
 * status, the media type, a {@code Content-Range} that continues the partial file, the size against
 * {@code Content-Length} and the recording's {@code file_size}, and bytes arriving at least once per
 * idle timeout. Failures are the typed exceptions of {@code errors}, thrown from {@code read} too; an
 * interrupt ends a wait for the body.
 */
final class DownloadTransfer extends InputStream {

  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern UNSATISFIED_RANGE = Pattern.compile("bytes\\s+\\*/(\\d+)", Pattern.CASE_INSENSITIVE);

  private final String host;
  private final String query;
  private final long start;
  private final long expected;
  private final long stated;
  private final String contentType;
  private final boolean alreadyComplete;
  private final BodyReader body;
  private final Duration idle;
  private final DownloadProgress progress;
  private long position;
  private boolean ended;

  private DownloadTransfer(String host, String query, long start, long expected, long stated, String contentType,
      boolean alreadyComplete, BodyReader body, Duration idle, DownloadProgress progress) {
    this.host = host;
    this.query = query;
    this.start = start;
    this.expected = expected;
    this.stated = stated;
    this.contentType = contentType;
    this.alreadyComplete = alreadyComplete;
    this.body = body;
    this.idle = idle;
    this.progress = progress;
    this.position = start;
    this.ended = alreadyComplete;
  }

  /**
   * Sends the request and checks the response's status and headers.
   *
   * @param http the client to send with
   * @param url an absolute http or https URL
   * @param offset bytes of the file already held, asked for from there with {@code Range}; 0 for the whole file
   * @param stated the size the recording states, or -1
   * @param idle the longest wait for the response, and then for each next bytes of the body
   * @param userAgent the {@code User-Agent} header
   * @param progress told of the bytes as they arrive
   * @return the transfer, whose {@link #start()} is 0 when the host sent the whole file
   */
  static DownloadTransfer start(HttpClient http, URI url, long offset, long stated, Duration idle, String userAgent,
      DownloadProgress progress) {
    String host = SafeText.of(url.getHost());
    boolean https = "https".equalsIgnoreCase(url.getScheme());
    HttpRequest.Builder request = HttpRequest.newBuilder(url)
        .timeout(idle)
        .header("User-Agent", userAgent)
        .GET();
    if (!https) {
      // No h2c upgrade attempt on plain http.
      request.version(HttpClient.Version.HTTP_1_1);
    }
    if (offset > 0) {
      request.header("Range", "bytes=" + offset + "-");
    }
    HttpResponse<Flow.Publisher<List<ByteBuffer>>> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofPublisher());
    } catch (HttpConnectTimeoutException e) {
      throw new NetworkTimeoutException(DownloadException.OPERATION,
          "download from " + host + ": no connection within the connect timeout", e);
    } catch (HttpTimeoutException e) {
      throw new NetworkTimeoutException(DownloadException.OPERATION,
          "download from " + host + ": no response within " + seconds(idle), e);
    } catch (IOException e) {
      if (Thread.currentThread().isInterrupted() || e instanceof ClosedByInterruptException) {
        throw interrupted(host, e);
      }
      throw new NetworkException(DownloadException.OPERATION, "download from " + host + " failed: "
          + (e instanceof ConnectException ? "cannot connect: " : "") + describe(e, url.getRawQuery()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted(host, e);
    }
    BodyReader body = new BodyReader();
    response.body().subscribe(body);
    try {
      return checked(response, body, http, url, host, https, offset, stated, idle, userAgent, progress);
    } catch (RuntimeException e) {
      body.cancel();
      throw e;
    }
  }

  private static DownloadTransfer checked(HttpResponse<?> response, BodyReader body, HttpClient http, URI url, String host,
      boolean https, long offset, long stated, Duration idle, String userAgent, DownloadProgress progress) {
    if (https && !"https".equalsIgnoreCase(response.uri().getScheme())) {
      throw new DownloadException(host, "download from " + host + " was redirected from https to "
          + SafeText.of(response.uri().getScheme()) + "; not accepted", null);
    }
    int status = response.statusCode();
    String contentType = response.headers().firstValue("Content-Type").map(SafeText::of).orElse(null);
    if (status == 416 && offset > 0) {
      long total = response.headers().firstValue("Content-Range").map(UNSATISFIED_RANGE::matcher)
          .filter(Matcher::matches).map(m -> parse(m.group(1))).orElse(-1L);
      if (total == offset && (stated < 0 || stated == total)) {
        // The partial file already holds the whole file.
        body.cancel();
        return new DownloadTransfer(host, url.getRawQuery(), offset, total, stated, contentType, true, null, idle, progress);
      }
      body.cancel();
      return start(http, url, 0, stated, idle, userAgent, progress);
    }
    if (status / 100 != 2) {
      throw new DownloadStatusException(host, status, "download failed: HTTP " + status + " from " + host
          + (offset > 0 ? " (resuming at byte " + offset + ")" : ""));
    }
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/html")) {
      throw new DownloadContentException(host, -1, stated, "download from " + host
          + " answered with an HTML page (Content-Type " + contentType + "), not the recording's file");
    }
    OptionalLong length = response.headers().firstValueAsLong("Content-Length");
    long start;
    long total;
    if (status == 206) {
      String range = response.headers().firstValue("Content-Range").orElse("");
      Matcher m = CONTENT_RANGE.matcher(range.trim());
      if (offset <= 0 || !m.matches()) {
        throw new DownloadContentException(host, -1, stated, "download from " + host
            + " answered 206 Partial Content with Content-Range '" + SafeText.of(range) + "' to a request for "
            + (offset <= 0 ? "the whole file" : "bytes from " + offset));
      }
      long first = parse(m.group(1));
      long last = parse(m.group(2));
      long whole = m.group(3).equals("*") ? -1 : parse(m.group(3));
      if (first != offset || last < first || (length.isPresent() && length.getAsLong() != last - first + 1)
          || (whole >= 0 && last != whole - 1)) {
        throw new DownloadContentException(host, -1, stated, "download from " + host + " answered Content-Range '"
            + SafeText.of(range) + "'" + (length.isPresent() ? " with Content-Length " + length.getAsLong() : "")
            + " to a request for bytes from " + offset + " to the end");
      }
      start = offset;
      total = whole >= 0 ? whole : last + 1;
    } else if (status == 200) {
      start = 0;
      total = length.isPresent() ? length.getAsLong() : -1;
    } else {
      throw new DownloadContentException(host, -1, stated, "download from " + host + " answered HTTP " + status
          + " without the file");
    }
    if (stated >= 0 && total >= 0 && total != stated) {
      throw new DownloadContentException(host, -1, stated, "download from " + host + " offers " + total
          + " bytes but the recording's file_size is " + stated);
    }
    long expected = total >= 0 ? total : stated;
    DownloadTransfer transfer = new DownloadTransfer(host, url.getRawQuery(), start, expected, stated, contentType, false,
        body, idle, progress);
    progress.update(start, expected);
    return transfer;
  }

  /**
   * Returns where in the file the body starts.
   *
   * @return 0 when the host sends the whole file, else the offset asked for
   */
  long start() {
    return start;
  }

  /**
   * Tells whether the host said the partial file already holds the whole file, so there is no body.
   *
   * @return true after a 416 whose {@code Content-Range} total is the offset asked for
   */
  boolean alreadyComplete() {
    return alreadyComplete;
  }

  /**
   * Returns the size of the whole file, as the host or the recording states it.
   *
   * @return bytes, or -1 when unknown
   */
  long expected() {
    return expected;
  }

  /**
   * Returns the bytes of the file so far.
   *
   * @return {@link #start()} plus the bytes read
   */
  long position() {
    return position;
  }

  String host() {
    return host;
  }

  String contentType() {
    return contentType;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (ended) {
      return -1;
    }
    if (len == 0) {
      return 0;
    }
    int n;
    try {
      n = body.read(b, off, len, idle);
    } catch (BodyReader.StalledException e) {
      body.cancel();
      throw stalled();
    } catch (InterruptedException e) {
      body.cancel();
      throw interrupted(host, e);
    } catch (IOException e) {
      body.cancel();
      throw new NetworkException(DownloadException.OPERATION, "download from " + host + " failed after " + position
          + " bytes" + (expected >= 0 ? " of " + expected : "") + ": " + describe(e, query), e);
    }
    if (n < 0) {
      ended = true;
      checkEnd();
      return -1;
    }
    position += n;
    if (expected >= 0 && position > expected) {
      body.cancel();
      throw new DownloadContentException(host, position, expected, "download from " + host + " sent more than the "
          + expected + " bytes " + (stated >= 0 ? "the recording's file_size states" : "it announced"));
    }
    progress.update(position, expected);
    return n;
  }

  private void checkEnd() {
    if (position == 0) {
      throw new DownloadContentException(host, 0, expected, "download from " + host + " sent an empty body");
    }
    if (expected >= 0 && position != expected) {
      throw new DownloadContentException(host, position, expected, "download from " + host + " ended after "
          + position + " of " + expected + " bytes");
    }
  }

  private RuntimeException stalled() {
    return new NetworkTimeoutException(DownloadException.OPERATION, "download from " + host + " stalled: no data for "
        + seconds(idle) + " after " + position + " bytes", null);
  }

  private static DownloadException interrupted(String host, Exception cause) {
    Thread.currentThread().interrupt();
    return new DownloadException(host, "download from " + host + " interrupted", cause);
  }

  @Override
  public void close() {
    ended = true;
    if (body != null) {
      body.cancel();
    }
  }

  private static long parse(String digits) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  /** The exception's type and message, without the URL's query (a pre-signed URL's signature). */
  static String describe(Throwable e, String query) {
    String message = e.getMessage();
    String type = e.getClass().getSimpleName();
    if (message == null || message.isBlank()) {
      return type;
    }
    if (query != null && !query.isEmpty()) {
      message = message.replace(query, "***");
    }
    return type + ": " + SafeText.of(message);
  }

}
