package io.github.realtimekit.client.core;

import java.io.IOException;

/** Adds the API token ({@code Authorization: Bearer}) and the client's {@code User-Agent} to each request. */
final class AuthStage implements HttpStage {

  private final String authorization;
  private final String userAgent;

  AuthStage(String token, String userAgent) {
    this.authorization = "Bearer " + token;
    this.userAgent = userAgent;
  }

  @Override
  public HttpResponse send(HttpRequest request, HttpTransport next) throws IOException {
    request.setHeader("Authorization", authorization);
    request.setHeader("User-Agent", userAgent);
    return next.send(request);
  }
}
