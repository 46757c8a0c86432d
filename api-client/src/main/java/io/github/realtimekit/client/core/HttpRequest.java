package io.github.realtimekit.client.core;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One request as the pipeline sees it: the operation it serves, the method, the URL, the headers and
 * the body. Made once per call, from whatever engine the call came from; every stage and the
 * transport see this type and nothing else.
 *
 * <p>Runtime SPI: public so that the client's other packages can reach it; not meant for
 * applications, and it may change in any release.
 *
 * <p>The headers are the request's own case-insensitive copy: a stage may {@link #setHeader set} one
 * (authentication does, on each attempt); nothing else changes. A request belongs to one call and is
 * not shared between threads.
 */
public final class HttpRequest {

  private final OperationDescriptor operation;
  private final String method;
  private final String url;
  private final TreeMap<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final Map<String, List<String>> headersView = Collections.unmodifiableMap(headers);
  private final byte @Nullable [] body;
  private final @Nullable Duration idleTimeout;
  private final boolean secretQuery;
  private final @Nullable Duration timeout;
  private final int maxRetries;
  private int attempt = 1;
  private int scheduledAttempt;
  private @Nullable Map<String, List<String>> failedResponseHeaders;

  private HttpRequest(OperationDescriptor operation, String method, String url,
      Map<String, ? extends Collection<String>> headers, byte @Nullable [] body, @Nullable Duration idleTimeout,
      boolean secretQuery, @Nullable Duration timeout, int maxRetries) {
    this.operation = Objects.requireNonNull(operation, "operation");
    this.method = Objects.requireNonNull(method, "method");
    this.url = Objects.requireNonNull(url, "url");
    headers.forEach((name, values) -> this.headers.put(name, List.copyOf(values)));
    this.body = body;
    this.idleTimeout = idleTimeout;
    this.secretQuery = secretQuery;
    this.timeout = timeout;
    this.maxRetries = maxRetries;
  }

  /**
   * A request whose response is read whole, within the transport's deadline and size limit.
   *
   * @param operation the operation the request serves
   * @param method the HTTP method, upper case
   * @param url the absolute URL, encoded
   * @param headers the headers, copied here once
   * @param body the body, or null for none
   * @return the request
   */
  public static HttpRequest of(OperationDescriptor operation, String method, String url,
      Map<String, ? extends Collection<String>> headers, byte @Nullable [] body) {
    return new HttpRequest(operation, method, url, headers, body, null, false, null, -1);
  }

  /**
   * A request whose response is read whole, with settings of its own call.
   *
   * @param operation the operation the request serves
   * @param method the HTTP method, upper case
   * @param url the absolute URL, encoded
   * @param headers the headers, copied here once
   * @param body the body, or null for none
   * @param timeout the deadline of each attempt's whole response, or null for the client's
   * @param maxRetries the retries after a failed attempt, or -1 for the client's
   * @return the request
   */
  public static HttpRequest of(OperationDescriptor operation, String method, String url,
      Map<String, ? extends Collection<String>> headers, byte @Nullable [] body, @Nullable Duration timeout,
      int maxRetries) {
    return new HttpRequest(operation, method, url, headers, body, null, false, timeout, maxRetries);
  }

  /**
   * A GET whose response body is streamed ({@link HttpResponse#stream()}), each wait bounded by an
   * idle timeout rather than a deadline; for files. Its query is a secret (a pre-signed URL's
   * signature) and is never logged.
   *
   * @param operation the operation the request serves
   * @param url the absolute URL
   * @param headers the headers, copied here once
   * @param idleTimeout the longest wait for the response, and then for each next bytes of the body
   * @return the request
   */
  public static HttpRequest streamed(OperationDescriptor operation, String url,
      Map<String, ? extends Collection<String>> headers, Duration idleTimeout) {
    return new HttpRequest(operation, "GET", url, headers, null, Objects.requireNonNull(idleTimeout, "idleTimeout"),
        true, null, -1);
  }

  /**
   * Returns the operation this request serves.
   *
   * @return the descriptor
   */
  public OperationDescriptor operation() {
    return operation;
  }

  /**
   * Returns the HTTP method.
   *
   * @return the method, upper case
   */
  public String method() {
    return method;
  }

  /**
   * Returns the URL.
   *
   * @return the absolute URL, encoded
   */
  public String url() {
    return url;
  }

  /**
   * Returns the headers.
   *
   * @return a case-insensitive, unmodifiable view
   */
  public Map<String, List<String>> headers() {
    return headersView;
  }

  /**
   * Sets a header, replacing any value it had.
   *
   * @param name the header's name
   * @param value its one value
   */
  public void setHeader(String name, String value) {
    headers.put(Objects.requireNonNull(name, "name"), List.of(value));
  }

  /**
   * Returns the body.
   *
   * @return the bytes, or null for none; not copied, not to be changed
   */
  public byte @Nullable [] body() {
    return body;
  }

  /**
   * Tells whether the response is streamed rather than read whole.
   *
   * @return true for a request made by {@link #streamed}
   */
  public boolean isStreamed() {
    return idleTimeout != null;
  }

  /**
   * Returns the idle timeout of a streamed request.
   *
   * @return the timeout, or null when the response is read whole
   */
  public @Nullable Duration idleTimeout() {
    return idleTimeout;
  }

  /**
   * Returns this call's own deadline for each attempt's whole response.
   *
   * @return the deadline, or null for the client's
   */
  public @Nullable Duration timeout() {
    return timeout;
  }

  /**
   * Returns this call's own number of retries.
   *
   * @return 0 or more, or -1 for the client's
   */
  public int maxRetries() {
    return maxRetries;
  }

  /**
   * Returns the number of the attempt under way.
   *
   * @return 1 for the first, 2 for the first retry
   */
  public int attempt() {
    return attempt;
  }

  void attempt(int number) {
    this.attempt = number;
  }

  /**
   * Makes this request one attempt of a call whose waits are scheduled by its caller instead of slept
   * on the calling thread (an asynchronous call): the pipeline sends it once, as attempt {@code number},
   * and where it would wait (to retry, or for the rate gate) throws {@link RetryScheduled} instead.
   *
   * @param number the attempt's number, 1 or more
   */
  public void scheduledAttempt(int number) {
    if (number < 1) {
      throw new IllegalArgumentException("attempt " + number);
    }
    this.scheduledAttempt = number;
  }

  /**
   * Returns the attempt's number when its caller schedules the waits.
   *
   * @return the number, or 0 when the pipeline waits itself
   */
  public int scheduledAttempt() {
    return scheduledAttempt;
  }

  /**
   * Tells whether the URL's query is a secret that no log or message may show.
   *
   * @return true for a pre-signed download URL
   */
  public boolean hasSecretQuery() {
    return secretQuery;
  }

  /**
   * Returns the URL with its query masked when it is a secret.
   *
   * @return the URL fit for a log line
   */
  public String loggableUrl() {
    int q = url.indexOf('?');
    return !secretQuery || q < 0 ? url : url.substring(0, q) + "?" + SafeText.MASK;
  }

  /** Keeps the headers of the response the last attempt failed with, as received, for the retry policy. */
  void failedWith(@Nullable Map<String, List<String>> responseHeaders) {
    this.failedResponseHeaders = responseHeaders;
  }

  /** The headers of the response the last attempt failed with, as received; null when it had none. */
  @Nullable Map<String, List<String>> failedResponseHeaders() {
    return failedResponseHeaders;
  }

  @Override
  public String toString() {
    return method + " " + SafeText.escapeControls(loggableUrl()) + " (" + operation.getName() + ")";
  }
}
