package io.github.realtimekit.client.core;

import java.io.IOException;

/**
 * One stage of the pipeline (retries, error mapping, authentication, logging, redirects): it sees the
 * pipeline's own request and response, never an HTTP library's, and hands the request on to the next
 * stage or the transport.
 *
 * <p>Runtime SPI: public so that the client's other packages can reach it; not meant for
 * applications, and it may change in any release.
 */
@FunctionalInterface
public interface HttpStage {

  /**
   * Handles one request.
   *
   * @param request the request
   * @param next the rest of the pipeline
   * @return the response
   * @throws IOException if the exchange failed and this stage leaves it so
   */
  HttpResponse send(HttpRequest request, HttpTransport next) throws IOException;
}
