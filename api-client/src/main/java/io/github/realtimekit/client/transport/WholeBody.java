package io.github.realtimekit.client.transport;

import io.github.realtimekit.client.core.HttpTransport.ResponseTooLargeIOException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A body read whole from a stream into one array, which the JSON parser reads in place: sized from
 * {@code Content-Length} when the server sends it, grown by doubling when it does not, and never past
 * a limit.
 */
final class WholeBody {

  private final byte[] array;
  private final int size;
  private final boolean complete;

  private WholeBody(byte[] array, int size, boolean complete) {
    this.array = array;
    this.size = size;
    this.complete = complete;
  }

  /**
   * Reads a body.
   *
   * @param in the body; closed once read to its end
   * @param limit the most bytes read
   * @param failOverLimit true to fail past the limit (a 2xx body), false to cut the body there
   * @param declared the {@code Content-Length}, or -1
   * @return the body; {@link #complete()} false when it was cut, and the stream then left open
   * @throws ResponseTooLargeIOException if the body is over the limit and that fails it
   * @throws IOException if reading fails
   */
  static WholeBody read(InputStream in, long limit, boolean failOverLimit, long declared) throws IOException {
    if (failOverLimit && declared > limit) {
      throw new ResponseTooLargeIOException(limit, "of " + declared + " bytes (Content-Length)");
    }
    byte[] bytes = new byte[(int) Math.min(declared >= 0 ? declared + 1 : 8 * 1024, Math.min(limit + 1, 1 << 20))];
    int size = 0;
    while (true) {
      if (size == bytes.length) {
        if (size > limit) {
          break;
        }
        bytes = Arrays.copyOf(bytes, (int) Math.min(limit + 1, (long) bytes.length * 2));
      }
      int n = in.read(bytes, size, bytes.length - size);
      if (n < 0) {
        in.close();
        return new WholeBody(bytes, size, true);
      }
      size += n;
    }
    if (failOverLimit) {
      throw new ResponseTooLargeIOException(limit, "read so far");
    }
    return new WholeBody(bytes, (int) limit, false);
  }

  byte[] array() {
    return array;
  }

  int size() {
    return size;
  }

  /** True when the body was read to its end, so that its connection may be used again. */
  boolean complete() {
    return complete;
  }
}
