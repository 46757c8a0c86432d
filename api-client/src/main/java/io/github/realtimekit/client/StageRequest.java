package io.github.realtimekit.client;

import io.github.realtimekit.client.core.HttpRequest;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One attempt's request as a {@link ClientStage} sees it: the operation, the method, the URL and the
 * headers, never the API token ({@code Authorization} is set after the stages, and is left out here
 * on a retry too). Immutable: {@link #withHeader} makes a new one.
 */
public final class StageRequest {

  final HttpRequest base;
  final Map<String, String> added;

  StageRequest(HttpRequest base, Map<String, String> added) {
    this.base = base;
    this.added = added;
  }

  /**
   * Returns the operation the call serves.
   *
   * @return its name, such as the Java method's name in the client
   */
  public String operation() {
    return base.operation().getName();
  }

  /**
   * Returns the HTTP method.
   *
   * @return the method, upper case
   */
  public String method() {
    return base.method();
  }

  /**
   * Returns the URL.
   *
   * @return the absolute URL, encoded
   */
  public String url() {
    return base.loggableUrl();
  }

  /**
   * Returns which attempt of the call this is.
   *
   * @return 1 for the first, 2 for the first retry
   */
  public int attempt() {
    return base.attempt();
  }

  /**
   * Returns the headers: the call's own and those added by stages, without any credential.
   *
   * @return a case-insensitive, unmodifiable map
   */
  public Map<String, List<String>> headers() {
    TreeMap<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(base.headers());
    headers.remove("Authorization");
    headers.remove("Proxy-Authorization");
    added.forEach((name, value) -> headers.put(name, List.of(value)));
    return Collections.unmodifiableMap(headers);
  }

  /**
   * Returns this request with a header set, replacing any value it had; for a trace's
   * {@code traceparent}, say.
   *
   * @param name the header's name; not one the client sets itself ({@code Authorization},
   *     {@code User-Agent}) nor one that frames the exchange ({@code Host}, {@code Content-Length}, ...)
   * @param value its value, without line breaks
   * @return a new request
   * @throws IllegalArgumentException naming the header, if it may not be set
   */
  public StageRequest withHeader(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    String problem = HeaderRules.problem(name, value);
    if (problem != null) {
      throw new IllegalArgumentException("header " + HeaderRules.shownName(name) + ": " + problem);
    }
    TreeMap<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(added);
    headers.put(name, value);
    return new StageRequest(base, Collections.unmodifiableMap(headers));
  }

  /** Returns {@code GET url (operation), attempt n}. */
  @Override
  public String toString() {
    return base + ", attempt " + attempt();
  }
}
