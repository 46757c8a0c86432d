package io.github.realtimekit.client.core;

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
 * logger {@value #LOGGER_NAME}, with or without the headers. Credentials are written as {@code ***}:
 * {@code Authorization}, {@code Proxy-Authorization}, {@code Cookie}, {@code Set-Cookie}, and any
 * header whose value carries the token. Whatever the server sent is cleaned of the token (as
 * {@link SafeText} says: a short token only where it stands alone) and of control characters first,
 * and a pre-signed URL's query is masked. Header names are never masked. Bodies are never logged: a
 * recording carries its storage credentials.
 */
final class LoggingStage implements HttpStage {

  /** The java.util.logging logger the HTTP log goes to. */
  static final String LOGGER_NAME = HttpPipeline.LOGGER_NAME;

  private static final Logger LOG = Logger.getLogger(LOGGER_NAME);

  private static final Set<String> CREDENTIALS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");

  private final boolean headers;
  private final SafeText safe;
  private final LongSupplier nanoTime;

  LoggingStage(boolean headers, SafeText safe, LongSupplier nanoTime) {
    this.headers = headers;
    this.safe = safe;
    this.nanoTime = nanoTime;
  }

  @Override
  public HttpResponse send(HttpRequest request, HttpTransport next) throws IOException {
    if (!LOG.isLoggable(Level.FINE)) {
      return next.send(request);
    }
    String call = request.method() + " " + safe.clean(request.loggableUrl());
    StringBuilder line = new StringBuilder("--> ").append(call);
    appendHeaders(line, request.headers());
    LOG.fine(line.toString());
    long start = nanoTime.getAsLong();
    HttpResponse response;
    try {
      response = next.send(request);
    } catch (IOException | RuntimeException e) {
      LOG.fine("<-- " + call + " failed after " + millis(start) + " ms: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + safe.clean(withoutSecretQuery(request, e.getMessage()))));
      throw e;
    }
    line = new StringBuilder("<-- ").append(response.status()).append(' ').append(call)
        .append(" (").append(millis(start)).append(" ms");
    if (!request.isStreamed()) {
      line.append(", ").append(response.bodyLength()).append("-byte body");
    }
    line.append(')');
    appendHeaders(line, response.headers());
    LOG.fine(line.toString());
    return response;
  }

  private void appendHeaders(StringBuilder line, Map<String, ? extends Collection<String>> all) {
    if (!headers) {
      return;
    }
    all.forEach((name, values) -> {
      for (String value : values) {
        line.append("\n    ").append(SafeText.escapeControls(name)).append(": ").append(redact(name, value));
      }
    });
  }

  private String redact(String name, String value) {
    if (CREDENTIALS.contains(name.toLowerCase(Locale.ROOT)) || safe.containsSecret(value)) {
      return SafeText.MASK;
    }
    return safe.clean(value);
  }

  private static String withoutSecretQuery(HttpRequest request, String message) {
    String query = request.hasSecretQuery() ? ErrorText.query(request.url()) : null;
    return query == null || query.isEmpty() ? message : message.replace(query, SafeText.MASK);
  }

  private long millis(long start) {
    return TimeUnit.NANOSECONDS.toMillis(nanoTime.getAsLong() - start);
  }
}
