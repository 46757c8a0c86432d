package io.github.realtimekit.client.core;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One response as the pipeline sees it: the status, the headers, and the body, either read whole
 * into one array (which the JSON parser reads in place) or, for a {@link HttpRequest#isStreamed()
 * streamed} request, as a {@link BodyStream}. It keeps the request it answers, and so the operation.
 *
 * <p>Runtime SPI: public so that the client's other packages can reach it; not meant for
 * applications, and it may change in any release.
 */
public final class HttpResponse {

  private static final byte[] NONE = new byte[0];

  private final HttpRequest request;
  private final int status;
  private final Map<String, List<String>> headers;
  private final String url;
  private final byte[] bytes;
  private final int length;
  private final @Nullable BodyStream stream;

  private HttpResponse(HttpRequest request, int status, Map<String, ? extends Collection<String>> headers,
      String url, byte[] bytes, int length, @Nullable BodyStream stream) {
    this.request = Objects.requireNonNull(request, "request");
    this.status = status;
    this.headers = Headers.immutableCopyOf(headers);
    this.url = Objects.requireNonNull(url, "url");
    this.bytes = bytes;
    this.length = length;
    this.stream = stream;
  }

  /**
   * A response read whole.
   *
   * @param request the request it answers
   * @param status the status code
   * @param headers the headers, copied here once
   * @param bytes the body's backing array; only its first {@code length} bytes are the body
   * @param length the body's length
   * @return the response
   */
  public static HttpResponse of(HttpRequest request, int status, Map<String, ? extends Collection<String>> headers,
      byte[] bytes, int length) {
    if (length < 0 || length > bytes.length) {
      throw new IllegalArgumentException("length " + length + " outside the array of " + bytes.length);
    }
    return new HttpResponse(request, status, headers, request.url(), bytes, length, null);
  }

  /**
   * A response read whole, with a body of text; for tests and stubs.
   *
   * @param request the request it answers
   * @param status the status code
   * @param headers the headers
   * @param body the body, as UTF-8
   * @return the response
   */
  public static HttpResponse of(HttpRequest request, int status, Map<String, ? extends Collection<String>> headers,
      String body) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    return of(request, status, headers, b, b.length);
  }

  /**
   * A response whose body is streamed.
   *
   * @param request the request it answers
   * @param status the status code
   * @param headers the headers, copied here once
   * @param url the URL that answered, after any redirect the transport followed
   * @param stream the body
   * @return the response
   */
  public static HttpResponse streamed(HttpRequest request, int status,
      Map<String, ? extends Collection<String>> headers, String url, BodyStream stream) {
    return new HttpResponse(request, status, headers, url, NONE, 0, Objects.requireNonNull(stream, "stream"));
  }

  /**
   * Returns the request this response answers.
   *
   * @return the request, and through it the operation
   */
  public HttpRequest request() {
    return request;
  }

  /**
   * Returns the status code.
   *
   * @return the status
   */
  public int status() {
    return status;
  }

  /**
   * Tells whether the status is 2xx.
   *
   * @return true for 200 to 299
   */
  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /**
   * Returns the headers.
   *
   * @return an immutable, case-insensitive map
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * Returns the first value of a header.
   *
   * @param name the name, in any case
   * @return the value, or null
   */
  public @Nullable String header(String name) {
    return Headers.first(headers, name);
  }

  /**
   * Returns the URL that answered.
   *
   * @return the request's URL, or where a redirect led
   */
  public String url() {
    return url;
  }

  /**
   * Returns the backing array of a body read whole; only its first {@link #bodyLength()} bytes are
   * the body. Not copied: not to be changed.
   *
   * @return the array; empty for a streamed body
   */
  public byte[] bodyArray() {
    return bytes;
  }

  /**
   * Returns the length of a body read whole.
   *
   * @return bytes; 0 for a streamed body
   */
  public int bodyLength() {
    return length;
  }

  /**
   * Returns the body of a streamed request.
   *
   * @return the stream
   * @throws IllegalStateException if the body was read whole
   */
  public BodyStream stream() {
    if (stream == null) {
      throw new IllegalStateException("the body of " + request + " was read whole");
    }
    return stream;
  }

  /** Stops a streamed body; does nothing for a body read whole. */
  public void discard() {
    if (stream != null) {
      stream.cancel();
    }
  }

  @Override
  public String toString() {
    return "HTTP " + status + " for " + request;
  }
}
