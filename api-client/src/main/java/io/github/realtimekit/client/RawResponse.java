package io.github.realtimekit.client;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A decoded response body together with the HTTP status and headers it came with.
 *
 * @param <T> the type of the decoded body
 */
public final class RawResponse<T> {

  private final int statusCode;
  private final Map<String, List<String>> headers;
  private final T body;

  /**
   * Creates a response.
   *
   * @param statusCode the HTTP status code
   * @param headers the response headers; names are matched without regard to case
   * @param body the decoded body
   */
  public RawResponse(int statusCode, Map<String, ? extends Collection<String>> headers, T body) {
    this.statusCode = statusCode;
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    this.headers = Collections.unmodifiableMap(copy);
    this.body = body;
  }

  /**
   * Returns the HTTP status code.
   *
   * @return the status code, such as 200
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Returns all response headers; names are matched without regard to case.
   *
   * @return an immutable map of header names to values
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * Returns the first value of a header.
   *
   * @param name the header name, in any case
   * @return the first value, or empty when the header is absent
   */
  public Optional<String> header(String name) {
    return Optional.ofNullable(firstValue(headers, Objects.requireNonNull(name, "name")));
  }

  /** The first value of a header in any header map, its name matched without regard to case; or null. */
  static String firstValue(Map<String, ? extends Collection<String>> headers, String name) {
    Collection<String> values = headers.get(name);
    if (values == null) {
      for (Map.Entry<String, ? extends Collection<String>> header : headers.entrySet()) {
        if (header.getKey().equalsIgnoreCase(name)) {
          values = header.getValue();
          break;
        }
      }
    }
    return values == null || values.isEmpty() ? null : values.iterator().next();
  }

  /**
   * Returns the decoded body.
   *
   * @return the body
   */
  public T body() {
    return body;
  }

  @Override
  public String toString() {
    return "RawResponse{statusCode=" + statusCode + ", headers=" + headers.keySet() + ", body=" + body + "}";
  }
}
