package io.github.realtimekit.client;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Sends Feign's requests with the JDK's HttpClient, reading each body whole.
 *
 * <p>Feign's own JDK adapter (feign-java11) reads every body through an InputStream, which hands each
 * buffer from the HttpClient's selector thread to the caller; reading the body whole made a list call of
 * 1000 recordings about a fifth cheaper (see OverheadBreakdownBenchmark in the benchmarks module). The
 * read timeout is the JDK's request timeout, as before.
 */
final class JdkHttpClient implements Client {

  /** Headers the JDK's HttpClient sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final HttpClient http;

  JdkHttpClient(HttpClient http) {
    this.http = http;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url()))
        .method(request.httpMethod().name(), request.body() == null
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
      if (!RESTRICTED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
        for (String value : header.getValue()) {
          builder.header(header.getKey(), value);
        }
      }
    }
    builder.timeout(Duration.ofMillis(options.readTimeoutMillis()));
    HttpResponse<byte[]> response;
    try {
      response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the response");
    }
    Map<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    response.headers().map().forEach((name, values) -> headers.put(name, List.copyOf(values)));
    return Response.builder()
        .status(response.statusCode())
        .headers(headers)
        .body(response.body())
        .request(request)
        .protocolVersion(response.version() == HttpClient.Version.HTTP_2
            ? Request.ProtocolVersion.HTTP_2 : Request.ProtocolVersion.HTTP_1_1)
        .build();
  }
}
