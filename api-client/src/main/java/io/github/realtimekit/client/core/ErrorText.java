package io.github.realtimekit.client.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.realtimekit.model.ErrorDetail;
import io.github.realtimekit.model.ErrorEnvelope;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The text {@link ErrorMapper} puts in its exceptions: from bodies, URLs and causes, made safe. */
final class ErrorText {

  /** How much of an unexpected body an exception keeps. */
  static final int EXCERPT_CHARS = 300;

  private ErrorText() {
  }

  /** {@code host:port} of a URL, for messages. */
  static String hostAndPort(String url) {
    try {
      URI uri = URI.create(url);
      int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
      return SafeText.escapeControls(String.valueOf(uri.getHost())) + ":" + port;
    } catch (IllegalArgumentException e) {
      return "the server";
    }
  }

  /** The host of a URL, for download messages. */
  static String host(String url) {
    try {
      return SafeText.of(URI.create(url).getHost());
    } catch (IllegalArgumentException e) {
      return "the host";
    }
  }

  /** The raw query of a URL, or null. */
  static @Nullable String query(String url) {
    try {
      return URI.create(url).getRawQuery();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The errors of Cloudflare's v4 envelope ({@code errors[]}) or RealtimeKit's ({@code error}), cleaned. */
  static List<ErrorDetail> parseErrors(ObjectMapper mapper, SafeText safe, byte[] body, int length) {
    if (length == 0) {
      return List.of();
    }
    try {
      ErrorEnvelope envelope = mapper.readValue(body, 0, length, ErrorEnvelope.class);
      if (envelope == null) {
        return List.of();
      }
      List<ErrorDetail> errors = envelope.getErrors() != null && !envelope.getErrors().isEmpty()
          ? envelope.getErrors()
          : envelope.getError() == null ? List.of() : List.of(envelope.getError());
      return errors.stream()
          .map(e -> e.toBuilder().message(safe.clean(e.getMessage())).build())
          .toList();
    } catch (IOException | RuntimeException notAnEnvelope) {
      return List.of();
    }
  }

  /** The start of a body, on one line, cleaned of the token and control characters, for messages. */
  static String excerpt(SafeText safe, byte[] body, int length) {
    if (length == 0) {
      return "";
    }
    // The whole body is cleaned before it is cut, so that no cut can leave part of the token behind.
    String text = safe.clean(new String(body, 0, length, StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim());
    return text.length() > EXCERPT_CHARS ? text.substring(0, EXCERPT_CHARS) + "…" : text;
  }

  /** The exception's type and message, cleaned, without the URL's query (a pre-signed URL's signature). */
  static String describe(Throwable e, @Nullable String query) {
    String message = e.getMessage();
    String type = e.getClass().getSimpleName();
    if (message == null || message.isBlank()) {
      return type;
    }
    if (query != null && !query.isEmpty()) {
      message = message.replace(query, SafeText.MASK);
    }
    return type + ": " + SafeText.of(message);
  }

  /** A duration in seconds with one decimal, {@code 0.2 s}. */
  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
