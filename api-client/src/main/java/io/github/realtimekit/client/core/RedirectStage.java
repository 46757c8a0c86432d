package io.github.realtimekit.client.core;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

/**
 * Follows redirects of a download, as the JDK's {@code Redirect.NORMAL} would: 301, 302, 303, 307 and
 * 308 with a {@code Location}, at most {@value #MAX_REDIRECTS} times, never from https to http. The
 * requests it makes carry the headers of the first, which for a download hold no credential. The
 * API's own calls never pass here: a redirect would carry the token elsewhere.
 */
final class RedirectStage implements HttpStage {

  static final int MAX_REDIRECTS = 5;

  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  private final ErrorMapper errors;

  RedirectStage(ErrorMapper errors) {
    this.errors = errors;
  }

  @Override
  public HttpResponse send(HttpRequest request, HttpTransport next) throws IOException {
    HttpRequest current = request;
    for (int redirects = 0; ; redirects++) {
      HttpResponse response = next.send(current);
      String location = response.header("Location");
      if (!REDIRECTS.contains(response.status()) || location == null || redirects == MAX_REDIRECTS
          || !current.isStreamed()) {
        return response;
      }
      URI target;
      try {
        target = URI.create(response.url()).resolve(location.trim());
      } catch (IllegalArgumentException notAUrl) {
        return response;
      }
      String scheme = target.getScheme();
      if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || target.getHost() == null) {
        return response;
      }
      response.discard();
      if ("https".equalsIgnoreCase(URI.create(current.url()).getScheme()) && "http".equalsIgnoreCase(scheme)) {
        throw errors.downloadRedirectRefused(current.url(), scheme);
      }
      current = HttpRequest.streamed(current.operation(), target.toString(), current.headers(),
          current.idleTimeout());
    }
  }
}
