package io.github.realtimekit.client;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one transport: sends a request with the JDK's {@link HttpClient} and reads the response whole,
 * within a deadline and a size limit.
 *
 * <ul>
 *   <li>The read timeout is a deadline for the whole response, body included: a server that sends
 *       its headers and then drips the body is cut off when it expires, and the exchange is cancelled.
 *   <li>A 2xx body larger than {@code maxResponseBytes} fails after reading at most that much (at
 *       once when its {@code Content-Length} says so); any other body is cut at
 *       {@link #MAX_ERROR_BODY_BYTES}, which is all an error message needs. Either way the rest is not
 *       read and the connection is discarded.
 *   <li>An interrupt while waiting cancels the exchange, keeps the thread's interrupt flag and ends
 *       in {@link CallCancelledIOException}.
 *   <li>The exchange runs with {@code send()} on the calling thread; the deadline is kept by one
 *       shared daemon thread. With {@code sendAsync()} the JDK hands each response to the
 *       {@code CompletableFuture} default executor, which on two cores starts a thread per call: a
 *       get took 537 µs against the bare HttpClient's 258 µs (SideBySideGetBenchmark).
 * </ul>
 *
 * <p>The body is collected as the HttpClient delivers it, one buffer at a time, into one array that
 * the JSON parser reads in place: measured in the benchmarks module, this made a call listing 1000
 * recordings about a fifth cheaper than feign-java11's InputStream hand-off.
 */
final class JdkTransport implements Client {

  /** How much of a body outside 2xx is read; the API's error envelopes are far smaller. */
  static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

  /**
   * Ends bodies whose deadline has passed: one daemon thread for the whole process, whatever the
   * number of clients, idle when no body is being read.
   */
  private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

  private static ScheduledThreadPoolExecutor deadlines() {
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "realtimekit-deadlines");
      t.setDaemon(true);
      return t;
    });
    executor.setRemoveOnCancelPolicy(true);
    executor.setKeepAliveTime(10, TimeUnit.SECONDS);
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  /** Headers the JDK's HttpClient sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final HttpClient http;
  private final long maxResponseBytes;

  JdkTransport(HttpClient http, long maxResponseBytes) {
    this.http = http;
    this.maxResponseBytes = maxResponseBytes;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    Duration timeout = Duration.ofMillis(options.readTimeoutMillis());
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url()))
        .method(request.httpMethod().name(), request.body() == null
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body()))
        .timeout(timeout);
    for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
      if (!RESTRICTED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
        for (String value : header.getValue()) {
          builder.header(header.getKey(), value);
        }
      }
    }
    // The request's own timeout bounds the wait for the headers; the same deadline, set on the body
    // subscriber, bounds the body. send() runs on the calling thread: sendAsync() would hand every
    // response to the CompletableFuture default executor, a new thread per call on two cores.
    long deadline = System.nanoTime() + timeout.toNanos();
    AtomicReference<BoundedBody> body = new AtomicReference<>();
    HttpResponse<BytesBody> response;
    try {
      response = http.send(builder.build(), info -> {
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
    Map<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    response.headers().map().forEach((name, values) -> headers.put(name, List.copyOf(values)));
    return Response.builder()
        .status(response.statusCode())
        .headers(headers)
        .body(response.body())
        .request(request)
        .protocolVersion(response.version() == HttpClient.Version.HTTP_2
            ? Request.ProtocolVersion.HTTP_2 : Request.ProtocolVersion.HTTP_1_1)
        .build();
  }

  /** The exchange was cancelled because the waiting thread was interrupted. */
  static final class CallCancelledIOException extends IOException {
    private static final long serialVersionUID = 1L;

    CallCancelledIOException() {
      super("interrupted while waiting for the response");
    }
  }

  /** A 2xx body was larger than the client accepts. */
  static final class ResponseTooLargeIOException extends IOException {
    private static final long serialVersionUID = 1L;

    final long limit;

    ResponseTooLargeIOException(long limit, String how) {
      super("the response body " + how + " exceeds the limit of " + limit + " bytes");
      this.limit = limit;
    }
  }

  /**
   * Collects a body into one array, one buffer at a time, up to a limit: past it, either fails
   * ({@code truncate} false) or keeps what it has ({@code truncate} true); both cancel the rest.
   */
  static final class BoundedBody implements HttpResponse.BodySubscriber<BytesBody> {
    private final long limit;
    private final boolean truncate;
    private final long declaredLength;
    private final CompletableFuture<BytesBody> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private byte[] bytes;
    private int size;

    BoundedBody(long limit, boolean truncate, long declaredLength) {
      this.limit = limit;
      this.truncate = truncate;
      this.declaredLength = declaredLength;
      this.bytes = new byte[(int) Math.min(Math.max(declaredLength, 8 * 1024), Math.min(limit, 1 << 20))];
    }

    @Override
    public CompletionStage<BytesBody> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      if (!truncate && declaredLength > limit) {
        subscription.cancel();
        result.completeExceptionally(new ResponseTooLargeIOException(limit,
            "of " + declaredLength + " bytes (Content-Length)"));
        return;
      }
      subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer buffer : buffers) {
        int n = buffer.remaining();
        if (size + (long) n > limit) {
          subscription.cancel();
          if (truncate) {
            append(buffer, (int) (limit - size));
            result.complete(new BytesBody(bytes, size));
          } else {
            result.completeExceptionally(new ResponseTooLargeIOException(limit, "read so far"));
          }
          return;
        }
        append(buffer, n);
      }
      subscription.request(1);
    }

    private void append(ByteBuffer buffer, int n) {
      if (size + n > bytes.length) {
        bytes = Arrays.copyOf(bytes, (int) Math.min(limit, Math.max((long) bytes.length * 2, (long) size + n)));
      }
      buffer.get(bytes, size, n);
      size += n;
    }

    @Override
    public void onError(Throwable throwable) {
      result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      result.complete(new BytesBody(bytes, size));
    }

    void cancel() {
      fail(new java.util.concurrent.CancellationException());
    }

    private void fail(Throwable reason) {
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
      result.completeExceptionally(reason);
    }

    private volatile ScheduledFuture<?> expiry;

    /** Fails the body with a timeout if it is not complete by the deadline. */
    void expireAt(long deadlineNanos, Duration timeout) {
      long remaining = deadlineNanos - System.nanoTime();
      // The exception is made only when the deadline passes, not on every call's path.
      Runnable expire = () -> fail(new HttpTimeoutException("no complete response within " + timeout.toMillis()
          + " ms"));
      if (remaining <= 0) {
        expire.run();
      } else {
        expiry = DEADLINES.schedule(expire, remaining, TimeUnit.NANOSECONDS);
      }
    }

    /** Drops the deadline once the exchange is over. */
    void disarm() {
      ScheduledFuture<?> e = expiry;
      if (e != null) {
        e.cancel(false);
      }
    }
  }
}
