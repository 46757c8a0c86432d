package io.github.realtimekit.client;

import io.github.realtimekit.client.core.ErrorMapper;
import io.github.realtimekit.client.core.HttpRequest;
import io.github.realtimekit.client.core.HttpResponse;
import io.github.realtimekit.client.core.HttpTransport;
import io.github.realtimekit.client.core.OperationDescriptor;
import io.github.realtimekit.client.core.SafeText;
import io.github.realtimekit.client.errors.DownloadContentException;
import io.github.realtimekit.client.errors.DownloadException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One GET of a download URL through the client's download pipeline, and its body as an
 * {@link InputStream} that checks what arrives: the status, the media type, a {@code Content-Range}
 * that continues the partial file, the size against {@code Content-Length} and the recording's
 * {@code file_size}, and bytes arriving at least once per idle timeout. Failures are the typed
 * exceptions of {@code errors}, made by the client's {@link ErrorMapper} and thrown from {@code read}
 * too; an interrupt ends a wait for the body, and closing the client ends the transfer.
 */
final class DownloadTransfer extends InputStream {

  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern UNSATISFIED_RANGE = Pattern.compile("bytes\\s+\\*/(\\d+)", Pattern.CASE_INSENSITIVE);

  /** What the pipeline knows of a download: not an operation of the spec. */
  static final OperationDescriptor DOWNLOAD = new OperationDescriptor(DownloadException.OPERATION,
      DownloadException.OPERATION, "GET", "{url}", true, false);

  private final ClientRuntime runtime;
  private final HttpRequest request;
  private final String host;
  private final long start;
  private final long expected;
  private final long stated;
  private final String contentType;
  private final boolean alreadyComplete;
  private final HttpResponse response;
  private final DownloadProgress progress;
  private long position;
  private boolean ended;
  private volatile boolean clientClosed;
  private final java.io.Closeable onClientClose = () -> {
    clientClosed = true;
    cancel();
  };

  private DownloadTransfer(ClientRuntime runtime, HttpRequest request, String host, long start, long expected,
      long stated, String contentType, boolean alreadyComplete, HttpResponse response, DownloadProgress progress) {
    this.runtime = runtime;
    this.request = request;
    this.host = host;
    this.start = start;
    this.expected = expected;
    this.stated = stated;
    this.contentType = contentType;
    this.alreadyComplete = alreadyComplete;
    this.response = response;
    this.progress = progress;
    this.position = start;
    this.ended = alreadyComplete;
    if (!alreadyComplete) {
      runtime.track(onClientClose);
    }
  }

  /**
   * Sends the request and checks the response's status and headers.
   *
   * @param runtime the client's runtime: its download pipeline, error mapper and user agent
   * @param url an absolute http or https URL
   * @param offset bytes of the file already held, asked for from there with {@code Range}; 0 for the whole file
   * @param stated the size the recording states, or -1
   * @param idle the longest wait for the response, and then for each next bytes of the body
   * @param progress told of the bytes as they arrive
   * @return the transfer, whose {@link #start()} is 0 when the host sent the whole file
   */
  static DownloadTransfer start(ClientRuntime runtime, URI url, long offset, long stated, Duration idle,
      DownloadProgress progress) {
    runtime.requireOpen();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    // The URL is signed for another host: no Authorization, cookie or other credential is sent.
    headers.put("User-Agent", List.of(runtime.userAgent()));
    if (offset > 0) {
      headers.put("Range", List.of("bytes=" + offset + "-"));
    }
    HttpRequest request = HttpRequest.streamed(DOWNLOAD, url.toString(), headers, idle);
    HttpResponse response;
    try {
      response = runtime.downloadPipeline().send(request);
    } catch (IOException e) {
      throw runtime.errors().downloadFailure(request, e, -1, -1);
    }
    try {
      return checked(runtime, request, response, url, offset, stated, idle, progress);
    } catch (RuntimeException e) {
      response.discard();
      throw e;
    }
  }

  private static DownloadTransfer checked(ClientRuntime runtime, HttpRequest request, HttpResponse response,
      URI url, long offset, long stated, Duration idle, DownloadProgress progress) {
    String host = SafeText.of(url.getHost());
    String answered = URI.create(response.url()).getScheme();
    if ("https".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(answered)) {
      // A caller's HttpClient may follow redirects itself.
      throw runtime.errors().downloadRedirectRefused(url.toString(), answered);
    }
    int status = response.status();
    String type = response.header("Content-Type");
    String contentType = type == null ? null : SafeText.of(type);
    if (status == 416 && offset > 0) {
      String unsatisfied = response.header("Content-Range");
      Matcher u = UNSATISFIED_RANGE.matcher(unsatisfied == null ? "" : unsatisfied);
      long total = u.matches() ? parse(u.group(1)) : -1L;
      response.discard();
      if (total == offset && (stated < 0 || stated == total)) {
        // The partial file already holds the whole file.
        return new DownloadTransfer(runtime, request, host, offset, total, stated, contentType, true, response,
            progress);
      }
      return start(runtime, url, 0, stated, idle, progress);
    }
    if (status / 100 != 2) {
      throw runtime.errors().downloadStatusFailure(response, offset);
    }
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/html")) {
      throw new DownloadContentException(host, -1, stated, "download from " + host
          + " answered with an HTML page (Content-Type " + contentType + "), not the recording's file");
    }
    long declared = parse(String.valueOf(response.header("Content-Length")).trim());
    java.util.OptionalLong length = declared >= 0 ? java.util.OptionalLong.of(declared) : java.util.OptionalLong.empty();
    long start;
    long total;
    if (status == 206) {
      String range = String.valueOf(response.header("Content-Range") == null ? "" : response.header("Content-Range"));
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
    DownloadTransfer transfer = new DownloadTransfer(runtime, request, host, start, expected, stated, contentType,
        false, response, progress);
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
      n = response.stream().read(b, off, len);
    } catch (IOException e) {
      cancel();
      runtime.requireOpen();
      throw runtime.errors().downloadFailure(request, e, position, expected);
    }
    if (clientClosed) {
      runtime.requireOpen();
    }
    if (n < 0) {
      ended = true;
      checkEnd();
      return -1;
    }
    position += n;
    if (expected >= 0 && position > expected) {
      cancel();
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

  @Override
  public void close() {
    ended = true;
    cancel();
  }

  private void cancel() {
    response.discard();
    runtime.untrack(onClientClose);
  }

  private static long parse(String digits) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
