package io.github.realtimekit.client.transport;

import io.github.realtimekit.client.core.HttpRequest;
import io.github.realtimekit.client.core.HttpResponse;
import io.github.realtimekit.client.core.HttpTransport;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The transport of a client with its caller's own {@link HttpClient}, or with a proxy: sends a request
 * with the JDK's {@code HttpClient}, for the API's calls and for downloads alike ({@link Http1Transport}
 * is the default).
 *
 * <ul>
 *   <li>A response is read whole, within a deadline and a size limit, unless the request is
 *       {@linkplain HttpRequest#isStreamed() streamed}: then its body is handed over as it arrives,
 *       each wait bounded by the request's idle timeout (a slow but moving transfer may take as long
 *       as it needs), and an interrupt ends a wait.
 *   <li>The read timeout is a deadline for the whole response, body included: a server that sends
 *       its headers and then drips the body is cut off when it expires, and the exchange is cancelled.
 *   <li>A 2xx body larger than {@code maxResponseBytes} fails after reading at most that much (at
 *       once when its {@code Content-Length} says so); any other body is cut at
 *       {@link #MAX_ERROR_BODY_BYTES}, which is all an error message needs. Either way the rest is not
 *       read and the connection is discarded.
 *   <li>An interrupt while waiting cancels the exchange, keeps the thread's interrupt flag and ends
 *       in {@link HttpTransport.CallCancelledIOException}.
 *   <li>The exchange runs with {@code send()} on the calling thread; the deadline is kept by one
 *       shared daemon thread. With {@code sendAsync()} the JDK hands each response to the
 *       {@code CompletableFuture} default executor, which on two cores starts a thread per call: a
 *       get took 537 µs against the bare HttpClient's 258 µs (SideBySideGetBenchmark).
 *   <li>A plain http URL is sent as HTTP/1.1, with no h2c upgrade attempt.
 * </ul>
 *
 * <p>The body is collected as the HttpClient delivers it, one buffer at a time, into one array that
 * the JSON parser reads in place: measured in the benchmarks module, this made a call listing 1000
 * recordings about a fifth cheaper than feign-java11's InputStream hand-off.
 *
 * <p>Runtime SPI: public so that the client's other packages can reach it; not meant for
 * applications, and it may change in any release.
 */
public final class JdkTransport implements HttpTransport {

  /** How much of a body outside 2xx is read; the API's error envelopes are far smaller. */
  public static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

  /** Headers the JDK's HttpClient sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final HttpClient http;
  private final long maxResponseBytes;
  private final Duration readTimeout;
  private final @Nullable String proxyAuthorization;

  /**
   * Creates the transport.
   *
   * @param http the JDK client to send with; it must not follow redirects
   * @param maxResponseBytes the largest 2xx body read whole
   * @param readTimeout the deadline of a response read whole
   */
  public JdkTransport(HttpClient http, long maxResponseBytes, Duration readTimeout) {
    this(http, maxResponseBytes, readTimeout, null);
  }

  /**
   * Creates the transport, with a proxy's credentials.
   *
   * @param http the JDK client to send with; it must not follow redirects
   * @param maxResponseBytes the largest 2xx body read whole
   * @param readTimeout the deadline of a response read whole
   * @param proxyAuthorization the {@code Proxy-Authorization} value of every request, which the JDK
   *     sends to a proxy only, or null for none; never logged (the log is written before this transport)
   */
  public JdkTransport(HttpClient http, long maxResponseBytes, Duration readTimeout,
      @Nullable String proxyAuthorization) {
    this.http = http;
    this.maxResponseBytes = maxResponseBytes;
    this.readTimeout = readTimeout;
    this.proxyAuthorization = proxyAuthorization;
  }

  /**
   * Returns the JDK client the clients of one configuration share when the caller brings none and
   * sets no proxy or TLS context; see {@link SharedHttpClients}.
   *
   * @param connectTimeout the connect timeout
   * @param baseUrl the API's base URL: HTTP/2 where TLS negotiates it, HTTP/1.1 on plain http
   * @return the shared client
   */
  public static HttpClient sharedHttpClient(Duration connectTimeout, String baseUrl) {
    return sharedHttpClient(connectTimeout, baseUrl, null, null);
  }

  /**
   * Returns the JDK client the clients of one configuration share when the caller brings none; see
   * {@link SharedHttpClients}.
   *
   * @param connectTimeout the connect timeout
   * @param baseUrl the API's base URL: HTTP/2 where TLS negotiates it, HTTP/1.1 on plain http
   * @param proxy the proxy selector, or null for the JDK's default (none)
   * @param sslContext the TLS context, or null for the JVM's default
   * @return the shared client
   */
  public static HttpClient sharedHttpClient(Duration connectTimeout, String baseUrl, @Nullable ProxySelector proxy,
      @Nullable SSLContext sslContext) {
    return SharedHttpClients.get(connectTimeout,
        baseUrl.startsWith("https:") ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1,
        proxy, sslContext);
  }

  @Override
  public HttpResponse send(HttpRequest request) throws IOException {
    Duration timeout = request.isStreamed() ? request.idleTimeout()
        : request.timeout() != null ? request.timeout() : readTimeout;
    URI uri = URI.create(request.url());
    byte[] body = request.body();
    java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(uri)
        .method(request.method(), body == null
            ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
        .timeout(timeout);
    if ("http".equalsIgnoreCase(uri.getScheme())) {
      builder.version(HttpClient.Version.HTTP_1_1);
    }
    if (proxyAuthorization != null) {
      builder.header("Proxy-Authorization", proxyAuthorization);
    }
    for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (!RESTRICTED.contains(name) && !name.equals("proxy-authorization")) {
        for (String value : header.getValue()) {
          builder.header(header.getKey(), value);
        }
      }
    }
    return request.isStreamed() ? streamed(request, builder.build(), timeout) : whole(request, builder.build(), timeout);
  }

  private HttpResponse whole(HttpRequest request, java.net.http.HttpRequest jdk, Duration timeout)
      throws IOException {
    // The request's own timeout bounds the wait for the headers; the same deadline, set on the body
    // subscriber, bounds the body. send() runs on the calling thread: sendAsync() would hand every
    // response to the CompletableFuture default executor, a new thread per call on two cores.
    long deadline = System.nanoTime() + timeout.toNanos();
    AtomicReference<BoundedBody> body = new AtomicReference<>();
    java.net.http.HttpResponse<BoundedBody> response;
    try {
      response = http.send(jdk, info -> {
        boolean success = info.statusCode() >= 200 && info.statusCode() < 300;
        BoundedBody subscriber = new BoundedBody(success ? maxResponseBytes : MAX_ERROR_BODY_BYTES, !success,
            info.headers().firstValueAsLong("content-length").orElse(-1));
        body.set(subscriber);
        subscriber.expireAt(deadline, timeout);
        return subscriber;
      });
    } catch (InterruptedException e) {
      BoundedBody subscriber = body.get();
      if (subscriber != null) {
        subscriber.cancel();
      }
      Thread.currentThread().interrupt();
      throw new CallCancelledIOException();
    } catch (IOException e) {
      BoundedBody subscriber = body.get();
      if (subscriber != null && subscriber.expired() && !(e instanceof HttpTimeoutException)) {
        // The deadline ended the exchange, whatever words the JDK found for it.
        HttpTimeoutException timedOut = BoundedBody.timeout(timeout);
        timedOut.initCause(e);
        throw timedOut;
      }
      // HttpClient.send wraps what a body subscriber fails with in a plain IOException.
      if (e.getCause() instanceof ResponseTooLargeIOException) {
        throw (ResponseTooLargeIOException) e.getCause();
      }
      throw e;
    } finally {
      BoundedBody subscriber = body.get();
      if (subscriber != null) {
        subscriber.disarm();
      }
    }
    BoundedBody read = response.body();
    return HttpResponse.of(request, response.statusCode(), response.headers().map(), read.array(), read.size());
  }

  private HttpResponse streamed(HttpRequest request, java.net.http.HttpRequest jdk, Duration idle)
      throws IOException {
    java.net.http.HttpResponse<Flow.Publisher<List<ByteBuffer>>> response;
    try {
      response = http.send(jdk, java.net.http.HttpResponse.BodyHandlers.ofPublisher());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CallCancelledIOException();
    }
    BodyReader body = new BodyReader(idle);
    response.body().subscribe(body);
    return HttpResponse.streamed(request, response.statusCode(), response.headers().map(),
        response.uri().toString(), body);
  }
}
