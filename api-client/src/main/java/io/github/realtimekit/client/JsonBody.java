package io.github.realtimekit.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.realtimekit.client.errors.InvalidArgumentException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a request body as JSON with the client's own {@link ObjectMapper} ({@link RealtimeKitJson}),
 * once per call: every attempt sends the same bytes. What both the generated client's calls
 * ({@link OperationCall}) and the Feign interface's encoder ({@link JsonBodyEncoder}) write with.
 *
 * <p>A body is bounded: one that would exceed {@link #MAX_BODY_BYTES} is refused as an invalid
 * argument after writing at most that much, before anything is sent. Nothing here logs or keeps the
 * body, which may carry storage credentials; a failure names the body's type, never its content.
 */
final class JsonBody {

  /** The largest request body written; the API's requests are a few kilobytes. */
  static final int MAX_BODY_BYTES = 1024 * 1024;

  private JsonBody() {
  }

  /**
   * The body as JSON.
   *
   * @param operation the operation's name, for the message of a body too large
   * @throws InvalidArgumentException if the body exceeds {@code maxBytes}
   * @throws Unwritable if Jackson cannot write it; its message names the body's type only
   */
  static byte[] write(ObjectMapper mapper, Object body, int maxBytes, String operation) {
    BoundedBytes out = new BoundedBytes(maxBytes);
    try {
      mapper.writeValue(out, body);
    } catch (IOException e) {
      if (tooLarge(e)) {
        throw new InvalidArgumentException(operation, List.of(new InvalidArgumentException.Violation(
            "body", "must be at most " + maxBytes + " bytes of JSON", "more")));
      }
      throw new Unwritable("The request body (" + body.getClass().getSimpleName()
          + ") could not be written as JSON: " + e.getClass().getSimpleName());
    }
    return out.toByteArray();
  }

  private static boolean tooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TooLarge) {
        return true;
      }
    }
    return false;
  }

  /** A body Jackson could not write; the message names its type, never its content. */
  static final class Unwritable extends RuntimeException {
    Unwritable(String message) {
      super(message);
    }
  }

  /** Thrown, without a stack trace, when the body outgrows its bound. */
  private static final class TooLarge extends IOException {
    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  /** A byte buffer that refuses to grow past its bound. */
  private static final class BoundedBytes extends OutputStream {
    private final int max;
    private byte[] bytes = new byte[512];
    private int size;

    BoundedBytes(int max) {
      this.max = max;
    }

    @Override
    public void write(int b) throws IOException {
      ensure(1);
      bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      ensure(len);
      System.arraycopy(b, off, bytes, size, len);
      size += len;
    }

    private void ensure(int more) throws TooLarge {
      if (more > max - size) {
        throw new TooLarge();
      }
      if (size + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, (int) Math.min(max, Math.max((long) bytes.length * 2, size + more)));
      }
    }

    byte[] toByteArray() {
      return Arrays.copyOf(bytes, size);
    }
  }
}
