package io.github.realtimekit.client;

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
final class BodyReader implements Flow.Subscriber<List<ByteBuffer>> {

  /** Why {@link #read} stopped waiting. */
  static final class StalledException extends Exception {
    private static final long serialVersionUID = 1L;

    StalledException() {
      super(null, null, false, false);
    }
  }

  private static final Object END = new ArrayList<ByteBuffer>(0);

  private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private volatile Flow.Subscription subscription;
  private volatile boolean cancelled;
  private Iterator<ByteBuffer> current;
  private ByteBuffer buffer;
  private boolean ended;

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

  /**
   * Reads up to {@code len} bytes, waiting at most {@code idle} for the next part of the body.
   *
   * @return the number of bytes read, or -1 at the end of the body
   * @throws StalledException if nothing arrived for {@code idle}
   * @throws InterruptedException if the thread was interrupted while waiting
   * @throws IOException if the transfer failed
   */
  @SuppressWarnings("unchecked")
  int read(byte[] b, int off, int len, Duration idle) throws StalledException, InterruptedException, IOException {
    while (buffer == null || !buffer.hasRemaining()) {
      if (ended) {
        return -1;
      }
      if (current != null && current.hasNext()) {
        buffer = current.next();
        continue;
      }
      Object item = queue.poll(idle.toNanos(), TimeUnit.NANOSECONDS);
      if (item == null) {
        throw new StalledException();
      }
      if (item == END) {
        ended = true;
        return -1;
      }
      if (item instanceof Throwable) {
        ended = true;
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

  /** Stops the transfer; the connection is closed. */
  void cancel() {
    cancelled = true;
    ended = true;
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
    queue.clear();
  }
}
