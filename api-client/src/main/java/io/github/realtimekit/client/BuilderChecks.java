package io.github.realtimekit.client;

import io.github.realtimekit.client.core.SafeText;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/** The checks of {@link RealtimeKitClientBuilder}'s settings, each naming the setting it refuses. */
final class BuilderChecks {

  private BuilderChecks() {
  }

  static void requirePositive(String name, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + ": must be a positive duration, was " + value);
    }
  }

  static void requireNotNegative(String name, Duration value) {
    if (value == null || value.isNegative()) {
      throw new IllegalArgumentException(name + ": must be 0 or a positive duration, was " + value);
    }
  }

  /** Refuses network settings beside a caller's HttpClient, and one that would carry the token elsewhere. */
  static void checkNetwork(java.net.http.HttpClient httpClient, boolean proxy, boolean sslContext) {
    if (httpClient == null) {
      return;
    }
    String set = proxy ? "proxy" : sslContext ? "sslContext" : null;
    if (set != null) {
      throw new IllegalArgumentException(set + ": cannot be combined with httpClient(...), whose own settings "
          + "apply; set it on that HttpClient's builder instead");
    }
    if (httpClient.followRedirects() != java.net.http.HttpClient.Redirect.NEVER) {
      throw new IllegalArgumentException("httpClient: follows redirects (" + httpClient.followRedirects()
          + "), which would send the API token to whatever host a redirect names; build it with "
          + "followRedirects(HttpClient.Redirect.NEVER): the client follows redirects itself, keeping the token "
          + "to the API's origin");
    }
  }

  static String normalizeBaseUrl(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("baseUrl: must not be null or blank");
    }
    URI uri;
    try {
      uri = URI.create(url.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("baseUrl: must be an absolute http or https URL, was "
          + SafeText.escapeControls(url), e);
    }
    String scheme = uri.getScheme();
    if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || uri.getHost() == null) {
      throw new IllegalArgumentException("baseUrl: must be an absolute http or https URL, was "
          + SafeText.escapeControls(url));
    }
    String s = scheme.toLowerCase(Locale.ROOT) + uri.toString().substring(scheme.length());
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
