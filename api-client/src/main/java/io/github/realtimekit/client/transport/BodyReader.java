package io.github.realtimekit.client.transport;

import io.github.realtimekit.client.core.BodyStream;
import io.github.realtimekit.client.core.HttpTransport.BodyStalledIOException;
import io.github.realtimekit.client.core.HttpTransport.CallCancelledIOException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body read as a blocking stream, one list of buffers at a time: the next list is asked for
 * only when the current one is taken, so at most two are held. Each wait is bounded by the idle timeout,
 * and an interrupt ends the wait (the JDK's own {@code BodyHandlers.ofInputStream()} swallows it).
 */
final class BodyReader implements Flow.Subscriber<List<ByteBuffer>>, BodyStream {

  private static final Object END = new ArrayList<ByteBuffer>(0);

  private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private final Duration idle;
  private volatile Flow.Subscription subscription;
  private volatile boolean cancelled;
  private Iterator<ByteBuffer> current;
  private ByteBuffer buffer;
  private boolean ended;

  BodyReader(Duration idle) {
    this.idle = idle;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (cancelled) {
      s.cancel();
    } else {
      s.request(1);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    queue.add(item);
  }

  @Override
  public void onError(Throwable throwable) {
    queue.add(throwable);
  }

  @Override
  public void onComplete() {
    queue.add(END);
  }

  /** Reads up to {@code len} bytes, waiting at most the idle timeout for the next part of the body. */
  @Override
  @SuppressWarnings("unchecked")
  public int read(byte[] b, int off, int len) throws IOException {
    while (buffer == null || !buffer.hasRemaining()) {
      if (ended) {
        return -1;
      }
      if (current != null && current.hasNext()) {
        buffer = current.next();
        continue;
      }
      Object item;
      try {
        item = queue.poll(idle.toNanos(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        cancel();
        Thread.currentThread().interrupt();
        throw new CallCancelledIOException();
      }
      if (item == null) {
        cancel();
        throw new BodyStalledIOException();
      }
      if (item == END) {
        ended = true;
        return -1;
      }
      if (item instanceof Throwable) {
        cancel();
        Throwable t = (Throwable) item;
        throw t instanceof IOException ? (IOException) t : new IOException(t.getMessage(), t);
      }
      current = ((List<ByteBuffer>) item).iterator();
      Flow.Subscription s = subscription;
      if (s != null) {
        s.request(1);
      }
    }
    int n = Math.min(len, buffer.remaining());
    buffer.get(b, off, n);
    return n;
  }

  @Override
  public void cancel() {
    cancelled = true;
    ended = true;
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
    queue.clear();
    // Wakes a reader waiting for the next part.
    queue.add(END);
  }
}
