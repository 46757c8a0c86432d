package io.github.realtimekit.client.core;

import java.io.IOException;

/**
 * Sends a request and returns its response: the transport at the end of the pipeline, and the
 * pipeline itself as its callers see it. Failures are I/O exceptions, which the one error mapper
 * ({@link ErrorMapper}) turns into the client's exceptions; the ones the transport itself defines are
 * nested here.
 *
 * <p>Runtime SPI: public so that the client's other packages can reach it; not meant for
 * applications, and it may change in any release.
 */
@FunctionalInterface
public interface HttpTransport {

  /**
   * Sends a request.
   *
   * @param request the request
   * @return the response, of any status
   * @throws IOException if the exchange failed
   */
  HttpResponse send(HttpRequest request) throws IOException;

  /** The exchange was cancelled because the waiting thread was interrupted; its flag is kept. */
  final class CallCancelledIOException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public CallCancelledIOException() {
      super("interrupted while waiting for the response");
    }
  }

  /** A body was larger than the client accepts. */
  final class ResponseTooLargeIOException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long limit;

    /**
     * Creates the exception.
     *
     * @param limit the limit, in bytes
     * @param how what was seen, such as {@code read so far}
     */
    public ResponseTooLargeIOException(long limit, String how) {
      super("the response body " + how + " exceeds the limit of " + limit + " bytes");
      this.limit = limit;
    }

    /**
     * Returns the limit.
     *
     * @return bytes
     */
    public long limit() {
      return limit;
    }
  }

  /** A streamed body received nothing for its idle timeout. */
  final class BodyStalledIOException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public BodyStalledIOException() {
      super("no data within the idle timeout", null);
    }
  }
}
