package io.github.realtimekit.client.core;

import java.io.IOException;

/**
 * A response body that arrives as it is read, each wait bounded by the request's idle timeout.
 *
 * <p>Runtime SPI: public so that the client's other packages can reach it; not meant for
 * applications, and it may change in any release.
 */
public interface BodyStream {

  /**
   * Reads up to {@code len} bytes.
   *
   * @param b where to put them
   * @param off the first index to fill
   * @param len the most to read
   * @return the number of bytes read, or -1 at the end of the body
   * @throws HttpTransport.BodyStalledIOException if nothing arrived for the idle timeout
   * @throws HttpTransport.CallCancelledIOException if the thread was interrupted while waiting
   * @throws IOException if the transfer failed
   */
  int read(byte[] b, int off, int len) throws IOException;

  /** Stops the transfer; the connection is closed. Closing twice does nothing. */
  void cancel();
}
