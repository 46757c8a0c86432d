package io.github.realtimekit.client;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Adds the API token ({@code Authorization: Bearer}) and the client's {@code User-Agent} to each request. */
final class AuthenticatingClient implements Client {

  private final Client next;
  private final List<String> authorization;
  private final List<String> userAgent;

  AuthenticatingClient(Client next, String token, String userAgent) {
    this.next = next;
    this.authorization = List.of("Bearer " + token);
    this.userAgent = List.of(userAgent);
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    Map<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(request.headers());
    headers.put("Authorization", authorization);
    headers.put("User-Agent", userAgent);
    return next.execute(Request.create(request.httpMethod(), request.url(), headers, request.body(),
        request.charset(), request.requestTemplate()), options);
  }
}
