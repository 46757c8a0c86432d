package io.github.realtimekit.client;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs each attempt of each exchange through {@code java.util.logging}, at {@code FINE}, on the
 * logger {@value #LOGGER_NAME}; see {@link HttpLogLevel}. Credentials are written as {@code ***}:
 * {@code Authorization}, {@code Proxy-Authorization}, {@code Cookie}, {@code Set-Cookie}, and any
 * header whose value carries the token. Whatever the server sent is cleaned of the token and of
 * control characters first. Bodies are never logged: a recording carries its storage credentials.
 */
final class LoggingClient implements Client {

  /** The java.util.logging logger the HTTP log goes to. */
  static final String LOGGER_NAME = "io.github.realtimekit.client.http";

  private static final Logger LOG = Logger.getLogger(LOGGER_NAME);

  private static final Set<String> CREDENTIALS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");

  private final Client next;
  private final HttpLogLevel level;
  private final SafeText safe;
  private final LongSupplier nanoTime;

  LoggingClient(Client next, HttpLogLevel level, SafeText safe, LongSupplier nanoTime) {
    this.next = next;
    this.level = level;
    this.safe = safe;
    this.nanoTime = nanoTime;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    if (level == HttpLogLevel.NONE || !LOG.isLoggable(Level.FINE)) {
      return next.execute(request, options);
    }
    String call = request.httpMethod() + " " + safe.clean(request.url());
    StringBuilder line = new StringBuilder("--> ").append(call);
    appendHeaders(line, request.headers());
    LOG.fine(line.toString());
    long start = nanoTime.getAsLong();
    Response response;
    try {
      response = next.execute(request, options);
    } catch (IOException | RuntimeException e) {
      LOG.fine("<-- " + call + " failed after " + millis(start) + " ms: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + safe.clean(e.getMessage())));
      throw e;
    }
    line = new StringBuilder("<-- ").append(response.status()).append(' ').append(call)
        .append(" (").append(millis(start)).append(" ms");
    if (response.body() != null && response.body().length() != null) {
      line.append(", ").append(response.body().length()).append("-byte body");
    }
    line.append(')');
    appendHeaders(line, response.headers());
    LOG.fine(line.toString());
    return response;
  }

  private void appendHeaders(StringBuilder line, Map<String, Collection<String>> headers) {
    if (level != HttpLogLevel.HEADERS) {
      return;
    }
    headers.forEach((name, values) -> {
      for (String value : values) {
        line.append("\n    ").append(safe.clean(name)).append(": ").append(redact(name, value));
      }
    });
  }

  private String redact(String name, String value) {
    if (CREDENTIALS.contains(name.toLowerCase(Locale.ROOT)) || safe.containsSecret(value)) {
      return SafeText.MASK;
    }
    return safe.clean(value);
  }

  private long millis(long start) {
    return TimeUnit.NANOSECONDS.toMillis(nanoTime.getAsLong() - start);
  }
}
