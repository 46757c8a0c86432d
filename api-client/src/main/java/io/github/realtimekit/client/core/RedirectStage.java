package io.github.realtimekit.client.core;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Follows redirects, as OkHttp and curl do, so that no JDK client has to: 301, 302, 303, 307 and
 * 308 with a {@code Location}, at most {@value #MAX_REDIRECTS} times, never from https to http.
 *
 * <ul>
 *   <li>The {@code Authorization} header goes only to the origin (scheme, host and port) of the first
 *       request: a redirect to any other origin is sent without it, and so is every hop after it.
 *   <li>A GET follows all five statuses. Another method follows only 307 and 308, which keep the
 *       method and the body; for 301, 302 and 303 the response is returned, and ends in an error
 *       rather than in a GET the operation never meant to send.
 *   <li>From https to http, a call's redirect response is returned (and ends in an error); a
 *       download's ends in a {@code DownloadException}.
 *   <li>A download's requests carry no credential in the first place.
 * </ul>
 */
final class RedirectStage implements HttpStage {

  static final int MAX_REDIRECTS = 5;

  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final Set<Integer> KEEP_METHOD = Set.of(307, 308);

  private final ErrorMapper errors;

  RedirectStage(ErrorMapper errors) {
    this.errors = errors;
  }

  @Override
  public HttpResponse send(HttpRequest request, HttpTransport next) throws IOException {
    String origin = origin(URI.create(request.url()));
    HttpRequest current = request;
    for (int redirects = 0; ; redirects++) {
      HttpResponse response = next.send(current);
      String location = response.header("Location");
      int status = response.status();
      if (!REDIRECTS.contains(status) || location == null || redirects == MAX_REDIRECTS
          || !"GET".equals(current.method()) && !KEEP_METHOD.contains(status)) {
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
      if ("https".equalsIgnoreCase(URI.create(current.url()).getScheme()) && "http".equalsIgnoreCase(scheme)) {
        if (!current.isStreamed()) {
          return response;
        }
        response.discard();
        throw errors.downloadRedirectRefused(current.url(), scheme);
      }
      response.discard();
      Map<String, List<String>> headers = new LinkedHashMap<>(current.headers());
      if (!origin.equals(origin(target))) {
        headers.keySet().removeIf(name -> name.equalsIgnoreCase("Authorization"));
      }
      current = current.isStreamed()
          ? HttpRequest.streamed(current.operation(), target.toString(), headers,
              Objects.requireNonNull(current.idleTimeout()))
          : HttpRequest.of(current.operation(), current.method(), target.toString(), headers, current.body());
    }
  }

  /** {@code scheme://host:port}, the port made explicit, for comparing where requests go. */
  static String origin(URI uri) {
    String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
    int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
    return scheme + "://" + String.valueOf(uri.getHost()).toLowerCase(Locale.ROOT) + ":" + port;
  }
}
