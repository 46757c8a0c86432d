package io.github.realtimekit.client.transport;

import io.github.realtimekit.client.core.BodyStream;
import io.github.realtimekit.client.core.HttpTransport.BodyStalledIOException;
import io.github.realtimekit.client.core.HttpTransport.CallCancelledIOException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

/**
 * A response body of {@link Http1Transport}, as its framing says: {@code Content-Length} bytes, chunks,
 * or everything until the server closes. Read to its end, its connection goes back to the pool when it
 * can be used again; failed, cancelled or closed early, the connection is closed. A body cut short
 * (the connection closed before its length or its last chunk) fails, never passes for a whole one.
 */
final class Http1Body extends InputStream implements BodyStream {

  /** How a body ends. */
  enum Framing {
    NONE, LENGTH, CHUNKED, CLOSE
  }

  /** What happens to the connection once the body has been read to its end. */
  interface Release {
    void release(Http1Connection connection);
  }

  private final Http1Connection connection;
  private final Framing framing;
  private final Watchdog.Watched watched;
  private final Release release;
  private final boolean streamed;
  private long remaining;
  private long received;
  private boolean lastChunk;
  private volatile boolean ended;

  Http1Body(Http1Connection connection, Framing framing, long length, Watchdog.Watched watched, Release release,
      boolean streamed) {
    this.streamed = streamed;
    this.connection = connection;
    this.framing = framing;
    this.remaining = framing == Framing.LENGTH ? length : 0;
    this.watched = watched;
    this.release = release;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (ended) {
      if (watched.cancelled()) {
        throw new CallCancelledIOException();
      }
      return -1;
    }
    if (len == 0) {
      return 0;
    }
    watched.owner(Thread.currentThread());
    try {
      int n = readFramed(b, off, len);
      if (n < 0) {
        finish();
      } else {
        received += n;
      }
      return n;
    } catch (SocketTimeoutException e) {
      cancel();
      if (watched.cancelled() || Thread.currentThread().isInterrupted()) {
        throw cancelled();
      }
      // A streamed body waits at most its idle timeout for each read; a body read whole, its deadline.
      throw streamed ? new BodyStalledIOException() : e;
    } catch (IOException | RuntimeException e) {
      cancel();
      if (watched.cancelled() || Thread.currentThread().isInterrupted()) {
        throw cancelled();
      }
      throw e;
    }
  }

  private static CallCancelledIOException cancelled() {
    Thread.currentThread().interrupt();
    return new CallCancelledIOException();
  }

  private int readFramed(byte[] b, int off, int len) throws IOException {
    switch (framing) {
      case NONE:
        return -1;
      case LENGTH:
        if (remaining == 0) {
          return -1;
        }
        return counted(connection.read(b, off, (int) Math.min(len, remaining)));
      case CHUNKED:
        if (remaining == 0) {
          if (lastChunk || !nextChunk()) {
            return -1;
          }
        }
        return counted(connection.read(b, off, (int) Math.min(len, remaining)));
      default:
        return connection.read(b, off, len);
    }
  }

  private int counted(int n) throws IOException {
    if (n < 0) {
      throw new EOFException("the connection was closed after " + received + " bytes of the body (EOF)");
    }
    remaining -= n;
    return n;
  }

  /** Reads the next chunk's size line (after the previous chunk's CRLF); false at the last chunk. */
  private boolean nextChunk() throws IOException {
    if (received > 0 || lastChunk) {
      if (!connection.readLine("chunk end").isEmpty()) {
        throw new IOException("the server sent a malformed chunked body");
      }
    }
    String line = connection.readLine("chunk-size line");
    int semicolon = line.indexOf(';');
    String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).trim();
    long size;
    try {
      size = hex.isEmpty() || hex.length() > 15 ? -1 : Long.parseLong(hex, 16);
    } catch (NumberFormatException e) {
      size = -1;
    }
    if (size < 0) {
      throw new IOException("the server sent a malformed chunk size");
    }
    if (size == 0) {
      lastChunk = true;
      // Trailers, up to the empty line; bounded like the head.
      int bytes = 0;
      for (String trailer = connection.readLine("trailer"); !trailer.isEmpty();
          trailer = connection.readLine("trailer")) {
        bytes += trailer.length();
        if (bytes > Http1Connection.MAX_HEAD) {
          throw new IOException("the server sent trailers over " + Http1Connection.MAX_HEAD + " bytes");
        }
      }
      return false;
    }
    remaining = size;
    return true;
  }

  private void finish() {
    if (!ended) {
      ended = true;
      watched.close();
      if (framing == Framing.CLOSE) {
        connection.close();
      } else {
        release.release(connection);
      }
    }
  }

  /** Closes the body: at its end this gives the connection back; before it, the connection is closed. */
  @Override
  public void close() {
    if (!ended) {
      cancel();
    }
  }

  @Override
  public void cancel() {
    if (!ended) {
      ended = true;
      watched.close();
      connection.close();
    }
  }
}
