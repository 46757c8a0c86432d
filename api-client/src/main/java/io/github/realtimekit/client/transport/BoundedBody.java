package io.github.realtimekit.client.transport;

import io.github.realtimekit.client.core.HttpTransport.ResponseTooLargeIOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Collects a body into one array, one buffer at a time, up to a limit: past it, either fails
 * ({@code truncate} false) or keeps what it has ({@code truncate} true); both cancel the rest.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<BoundedBody> {

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

  private final long limit;
  private final boolean truncate;
  private final long declaredLength;
  private final CompletableFuture<BoundedBody> result = new CompletableFuture<>();
  private volatile Flow.Subscription subscription;
  private byte[] bytes;
  private int size;

  /** The backing array, once complete; only the first {@link #size()} bytes are the body. */
  byte[] array() {
    return bytes;
  }

  /** The body's length, once complete. */
  int size() {
    return size;
  }

  BoundedBody(long limit, boolean truncate, long declaredLength) {
    this.limit = limit;
    this.truncate = truncate;
    this.declaredLength = declaredLength;
    this.bytes = new byte[(int) Math.min(Math.max(declaredLength, 8 * 1024), Math.min(limit, 1 << 20))];
  }

  @Override
  public CompletionStage<BoundedBody> getBody() {
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
          result.complete(this);
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
    result.complete(this);
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
  private volatile boolean expired;

  /**
   * Whether the deadline passed before the body was complete. How the JDK then ends the exchange
   * differs by version (Java 25 reports the cancelled subscription, or a short fixed-length body, as
   * a plain IOException), so the transport asks this rather than reading the JDK's exception.
   */
  boolean expired() {
    return expired;
  }

  /** The timeout the body ends in once its deadline has passed. */
  static HttpTimeoutException timeout(Duration timeout) {
    return new HttpTimeoutException("no complete response within " + timeout.toMillis() + " ms");
  }

  /** Fails the body with a timeout if it is not complete by the deadline. */
  void expireAt(long deadlineNanos, Duration timeout) {
    long remaining = deadlineNanos - System.nanoTime();
    // The exception is made only when the deadline passes, not on every call's path.
    Runnable expire = () -> {
      if (!result.isDone()) {
        expired = true;
        fail(timeout(timeout));
      }
    };
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
