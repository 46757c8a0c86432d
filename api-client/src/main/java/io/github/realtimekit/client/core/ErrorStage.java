package io.github.realtimekit.client.core;

import java.io.IOException;

/**
 * Turns every outcome of one attempt into the client's terms, through the {@link ErrorMapper}: a 2xx
 * response passes; any other status, and any I/O failure, is thrown as the client's exception. The
 * headers of a status failure are left on the request, as received, for {@link RetryStage}: the
 * exception's are cleaned for showing.
 */
final class ErrorStage implements HttpStage {

  private final ErrorMapper errors;

  ErrorStage(ErrorMapper errors) {
    this.errors = errors;
  }

  @Override
  public HttpResponse send(HttpRequest request, HttpTransport next) {
    HttpResponse response;
    try {
      response = next.send(request);
    } catch (IOException e) {
      throw errors.ioFailure(request, e);
    }
    if (response.isSuccess()) {
      return response;
    }
    request.failedWith(response.headers());
    throw errors.statusFailure(response);
  }
}
