package io.github.realtimekit.client.transport;

import io.github.realtimekit.client.core.HttpRequest;
import io.github.realtimekit.client.core.HttpResponse;
import io.github.realtimekit.client.core.HttpTransport;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * The default transport: HTTP/1.1 over a socket, its I/O on the calling thread. The JDK's
 * {@code HttpClient} hands every exchange to its selector thread and back, which on a small call costs
 * more than the call itself (a get: 279 µs for the bare {@code HttpClient} against 142 µs for a bare
 * {@code HttpURLConnection}, SideBySideGetBenchmark), and sets up its TLS stack even for plain http.
 * {@code HttpURLConnection}, the JDK's blocking client, cannot keep the rules below: a read of its body
 * blocked on a silent server ends neither on an interrupt nor when {@code disconnect()} is called from
 * another thread (which waits for the read), it resends a request whose connection closed, and it refuses
 * {@code PATCH}. So the client speaks HTTP/1.1 itself, as little of it as a JSON API and file downloads
 * need (no proxy: {@link JdkTransport} takes a client with one, or with the caller's own {@code HttpClient}).
 *
 * <ul>
 *   <li><b>Deadline.</b> The timeout bounds the whole response, body included: the {@link Watchdog}
 *       closes the socket of an exchange whose deadline has passed, which ends a blocked read at once.
 *   <li><b>Cancellation.</b> An interrupt of the calling thread ends the exchange the same way, keeps the
 *       flag, and ends in {@link HttpTransport.CallCancelledIOException}; an interrupted thread sends nothing.
 *   <li><b>Size and shape.</b> A 2xx body over {@code maxResponseBytes} fails after reading at most that
 *       much (at once when its {@code Content-Length} says so); any other body is cut at
 *       {@link JdkTransport#MAX_ERROR_BODY_BYTES}. A line of the head over 8 KiB, a head over 64 KiB, a
 *       malformed status line, length or chunk, or a body cut short fail the exchange.
 *   <li><b>Sent once.</b> A request is written once. Only a GET that finds its pooled connection closed
 *       before any byte of the answer is sent again, at once, on a new connection; any other request
 *       takes a pooled connection only after checking that the server has not closed it.
 *   <li><b>Connections.</b> Idle ones are kept per origin ({@link Http1Pool}), a connection goes back only
 *       after a response read to its end; TLS checks the server's name ({@code HTTPS} endpoint
 *       identification) and offers only {@code http/1.1}.
 * </ul>
 *
 * <p>Runtime SPI: public so that the client's other packages can reach it; not meant for
 * applications, and it may change in any release.
 */
public final class Http1Transport implements HttpTransport {

  /** Header names the transport writes itself, or that HTTP/1.1 framing owns. */
  private static final Set<String> OWN = Set.of("connection", "content-length", "expect", "host", "upgrade",
      "transfer-encoding", "keep-alive", "te", "trailer", "proxy-authorization");

  private static final int MAX_HEADERS = 200;

  private final int connectMillis;
  private final long maxResponseBytes;
  private final Duration readTimeout;
  private final SSLSocketFactory tls;
  private final Http1Pool pool;
  private final Watchdog watchdog;

  /**
   * Creates the transport.
   *
   * @param connectTimeout the connect timeout
   * @param maxResponseBytes the largest 2xx body read whole
   * @param readTimeout the deadline of a response read whole
   * @param tls the TLS sockets of https, or null for the JVM's default
   */
  public Http1Transport(Duration connectTimeout, long maxResponseBytes, Duration readTimeout,
      @Nullable SSLSocketFactory tls) {
    this.connectMillis = millis(connectTimeout);
    this.maxResponseBytes = maxResponseBytes;
    this.readTimeout = readTimeout;
    this.tls = tls;
    this.pool = Http1Pool.SHARED;
    this.watchdog = Watchdog.SHARED;
  }

  @Override
  public HttpResponse send(HttpRequest request) throws IOException {
    if (Thread.currentThread().isInterrupted()) {
      throw new CallCancelledIOException();
    }
    Duration timeout = request.isStreamed() ? request.idleTimeout()
        : request.timeout() != null ? request.timeout() : readTimeout;
    URI uri = URI.create(request.url());
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    if (!https && !"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      throw new IOException("not an http or https URL");
    }
    String host = uri.getHost();
    int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
    byte[] head = head(request, uri, host, port);
    Http1Pool.Route route = new Http1Pool.Route((https ? "https://" : "http://") + host + ":" + port,
        https ? tls() : null);
    Watchdog.Watched watched = watchdog.watch(request.isStreamed() ? 0 : System.nanoTime() + timeout.toNanos());
    boolean handedOver = false;
    try {
      for (int attempt = 1; ; attempt++) {
        Http1Connection connection = connection(route, host, port, request, watched, timeout);
        boolean reused = connection.idleSince() != 0;
        try {
          HttpResponse response = exchange(connection, request, head, route, watched, timeout);
          handedOver = request.isStreamed();
          return response;
        } catch (NoAnswerIOException e) {
          connection.close();
          // A GET whose pooled connection the server had closed: sent again, at once, on a new one.
          if (!(reused && attempt == 1 && request.method().equals("GET") && !watched.expired()
              && !watched.cancelled())) {
            throw e;
          }
        } catch (IOException | RuntimeException e) {
          connection.close();
          throw e;
        }
      }
    } catch (IOException | RuntimeException e) {
      throw failure(e, watched, timeout);
    } finally {
      if (!handedOver) {
        watched.close();
      }
    }
  }

  /** The connection failed before the first byte of the answer. */
  private static final class NoAnswerIOException extends IOException {
    private static final long serialVersionUID = 1L;

    NoAnswerIOException(IOException cause) {
      super("the connection was closed before any answer (" + cause.getMessage() + ")", cause);
    }
  }

  private Http1Connection connection(Http1Pool.Route route, String host, int port, HttpRequest request,
      Watchdog.Watched watched, Duration timeout) throws IOException {
    while (true) {
      Http1Connection pooled = pool.take(route, System.nanoTime());
      if (pooled == null) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return Http1Connection.open(bare, port, route.tls(), connectMillis, millis(timeout), watched);
      }
      if (request.method().equals("GET") || !pooled.isStale()) {
        watched.ending(pooled::close);
        return pooled;
      }
      pooled.close();
    }
  }

  private HttpResponse exchange(Http1Connection connection, HttpRequest request, byte[] head, Http1Pool.Route route,
      Watchdog.Watched watched, Duration timeout) throws IOException {
    connection.readTimeout(millis(timeout));
    String statusLine;
    try {
      write(connection, head, request.body());
      statusLine = connection.readLine("status line");
    } catch (SocketTimeoutException e) {
      throw e;
    } catch (IOException e) {
      throw new NoAnswerIOException(e);
    }
    int status;
    Map<String, List<String>> headers;
    // Interim answers (100 Continue, 103 Early Hints) are read and passed over.
    for (; ; statusLine = connection.readLine("status line")) {
      status = Http1Head.status(statusLine);
      headers = Http1Head.headers(connection, MAX_HEADERS);
      if (status >= 200 || status == 101) {
        break;
      }
    }
    if (status == 101) {
      throw new IOException("the server switched protocols (101), which was not asked for");
    }
    long length = Http1Head.contentLength(headers);
    Http1Body.Framing framing = Http1Head.framing(request.method(), status, headers, length);
    boolean keep = framing != Http1Body.Framing.CLOSE && !Http1Head.closes(headers);
    Http1Body stream = new Http1Body(connection, framing, length, watched,
        keep ? c -> pool.put(route, c, System.nanoTime()) : Http1Connection::close, request.isStreamed());
    if (request.isStreamed()) {
      return HttpResponse.streamed(request, status, headers, request.url(), stream);
    }
    boolean success = status >= 200 && status < 300;
    WholeBody read = WholeBody.read(stream, success ? maxResponseBytes : JdkTransport.MAX_ERROR_BODY_BYTES, success,
        framing == Http1Body.Framing.LENGTH ? length : -1);
    if (!read.complete()) {
      stream.cancel();
    }
    return HttpResponse.of(request, status, headers, read.array(), read.size());
  }

  private static void write(Http1Connection connection, byte[] head, byte @Nullable [] body) throws IOException {
    if (body != null && body.length > 0) {
      if (body.length <= 16 * 1024) {
        byte[] both = new byte[head.length + body.length];
        System.arraycopy(head, 0, both, 0, head.length);
        System.arraycopy(body, 0, both, head.length, body.length);
        connection.write(both, 0, both.length);
      } else {
        connection.write(head, 0, head.length);
        connection.write(body, 0, body.length);
      }
    } else {
      connection.write(head, 0, head.length);
    }
    connection.flush();
  }

  /** The request line and headers, as ISO-8859-1; a header that could break the framing is refused. */
  private static byte[] head(HttpRequest request, URI uri, String host, int port) {
    StringBuilder head = new StringBuilder(256);
    String path = uri.getRawPath();
    head.append(request.method()).append(' ').append(path == null || path.isEmpty() ? "/" : path);
    if (uri.getRawQuery() != null) {
      head.append('?').append(uri.getRawQuery());
    }
    head.append(" HTTP/1.1\r\nHost: ").append(host);
    if (port != ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80)) {
      head.append(':').append(port);
    }
    head.append("\r\n");
    for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
      String name = header.getKey();
      if (!OWN.contains(name.toLowerCase(Locale.ROOT))) {
        for (String value : header.getValue()) {
          head.append(Http1Head.checkedName(name)).append(": ").append(Http1Head.checkedValue(name, value))
              .append("\r\n");
        }
      }
    }
    byte[] body = request.body();
    if (body != null || !request.method().equals("GET") && !request.method().equals("DELETE")) {
      head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n");
    }
    return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private SSLSocketFactory tls() {
    return tls != null ? tls : DefaultTls.FACTORY;
  }

  /** The JVM's default TLS sockets, set up on first use only: a plain-http client never loads them. */
  private static final class DefaultTls {
    static final SSLSocketFactory FACTORY = (SSLSocketFactory) SSLSocketFactory.getDefault();
  }

  /** What a failed exchange is, in the words the error mapper and the retry decision read. */
  static IOException failure(Exception e, Watchdog.Watched watched, Duration timeout) {
    if (e instanceof CallCancelledIOException) {
      return (IOException) e;
    }
    if (watched.cancelled() || Thread.currentThread().isInterrupted()) {
      Thread.currentThread().interrupt();
      CallCancelledIOException cancelled = new CallCancelledIOException();
      cancelled.initCause(e);
      return cancelled;
    }
    if (e instanceof HttpTimeoutException || e instanceof ResponseTooLargeIOException) {
      return (IOException) e;
    }
    if (watched.expired() || e instanceof SocketTimeoutException) {
      HttpTimeoutException timedOut = new HttpTimeoutException("no complete response within "
          + timeout.toMillis() + " ms");
      timedOut.initCause(e);
      return timedOut;
    }
    if (e instanceof RuntimeException) {
      if (e instanceof IllegalArgumentException) {
        throw (IllegalArgumentException) e;
      }
      return new IOException("the connection failed: " + e, e);
    }
    return (IOException) e;
  }

  static int millis(Duration d) {
    long ms = d.toMillis();
    return ms <= 0 ? 1 : (int) Math.min(ms, Integer.MAX_VALUE);
  }
}
