package io.github.realtimekit.client;

import io.github.realtimekit.client.errors.InvalidArgumentException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Settings of one call, over the client's: a deadline for each attempt's whole response, headers and
 * query parameters to add, and how many retries. Immutable; build one with {@link #builder()}.
 *
 * <pre>{@code
 * RequestOptions options = RequestOptions.builder()
 *     .timeout(Duration.ofSeconds(5))
 *     .header("X-Request-Id", UUID.randomUUID().toString())
 *     .maxRetries(0)
 *     .build();
 * }</pre>
 *
 * <p>A header the client sets itself ({@code Authorization}, {@code User-Agent}), or one that frames
 * the exchange ({@code Host}, {@code Content-Length}, {@code Transfer-Encoding}, {@code Connection},
 * ...), in any case, is refused when the call is made: it fails with an
 * {@link InvalidArgumentException} naming the header, and nothing is sent. So is a name that is not a
 * header name, or a value with a line break. Added query parameters are encoded by the client and
 * appended after the operation's own.
 */
public final class RequestOptions {

  private static final RequestOptions NONE = new Builder().build();

  private final @Nullable Duration timeout;
  private final @Nullable Integer maxRetries;
  private final Map<String, List<String>> headers;
  private final Map<String, List<String>> queryParameters;
  private final List<InvalidArgumentException.Violation> violations;

  private RequestOptions(Builder b) {
    this.timeout = b.timeout;
    this.maxRetries = b.maxRetries;
    this.headers = freeze(b.headers);
    this.queryParameters = freeze(b.queryParameters);
    this.violations = findViolations(headers);
  }

  private static Map<String, List<String>> freeze(Map<String, List<String>> map) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    map.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    return Collections.unmodifiableMap(copy);
  }

  /**
   * Returns options that change nothing.
   *
   * @return the empty options
   */
  public static RequestOptions none() {
    return NONE;
  }

  /**
   * Returns a new builder, with nothing set.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the deadline of each attempt's whole response.
   *
   * @return the deadline, or null for the client's {@link RealtimeKitClientBuilder#readTimeout}
   */
  public @Nullable Duration getTimeout() {
    return timeout;
  }

  /**
   * Returns how many times a failed attempt is retried.
   *
   * @return 0 or more, or null for the client's {@link RealtimeKitClientBuilder#maxRetries}
   */
  public @Nullable Integer getMaxRetries() {
    return maxRetries;
  }

  /**
   * Returns the headers to add.
   *
   * @return the headers by name, in the order first added; unmodifiable
   */
  public Map<String, List<String>> getHeaders() {
    return headers;
  }

  /**
   * Returns the query parameters to add.
   *
   * @return the parameters by name, in the order first added; unmodifiable
   */
  public Map<String, List<String>> getQueryParameters() {
    return queryParameters;
  }

  /**
   * The rules the options break for a call, each naming the header or parameter; found once, when
   * they are built, and checked by every call that takes them.
   */
  List<InvalidArgumentException.Violation> violations() {
    return violations;
  }

  private static List<InvalidArgumentException.Violation> findViolations(Map<String, List<String>> headers) {
    List<InvalidArgumentException.Violation> violations = new ArrayList<>();
    headers.forEach((name, values) -> values.forEach(value -> {
      String problem = HeaderRules.problem(name, value);
      if (problem != null) {
        violations.add(new InvalidArgumentException.Violation("header " + HeaderRules.shownName(name), problem,
            HeaderRules.shown(name, value)));
      }
    }));
    return List.copyOf(violations);
  }

  @Override
  public String toString() {
    // Header values are left out: a caller's header may carry a credential of its own.
    return "RequestOptions[timeout=" + timeout + ", maxRetries=" + maxRetries + ", headers=" + headers.keySet()
        + ", queryParameters=" + queryParameters.keySet() + "]";
  }

  /** Builds {@link RequestOptions}. Not thread-safe. */
  public static final class Builder {
    private @Nullable Duration timeout;
    private @Nullable Integer maxRetries;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final Map<String, List<String>> queryParameters = new LinkedHashMap<>();

    private Builder() {
    }

    /**
     * Sets the deadline of each attempt's whole response, from sending the request to the last byte
     * of the body, in place of the client's read timeout.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      BuilderChecks.requirePositive("timeout", timeout);
      this.timeout = timeout;
      return this;
    }

    /**
     * Sets how many times a failed attempt is retried, in place of the client's number; the same
     * rules decide which failures are retried.
     *
     * @param maxRetries 0 or more; 0 sends the call once
     * @return this builder
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries: must be 0 or more, was " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * Adds a header; a name added again gets a further value. Checked when the call is made.
     *
     * @param name the header's name
     * @param value its value
     * @return this builder
     */
    public Builder header(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      return this;
    }

    /**
     * Adds a query parameter; a name added again gets a further value. Both are encoded by the client.
     *
     * @param name the parameter's name, not empty
     * @param value its value
     * @return this builder
     */
    public Builder queryParameter(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (name.isEmpty()) {
        throw new IllegalArgumentException("queryParameter name: must not be empty");
      }
      queryParameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
