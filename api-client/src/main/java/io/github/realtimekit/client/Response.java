package io.github.realtimekit.client;

import io.github.realtimekit.client.errors.RealtimeKitException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A decoded response value together with the HTTP status and headers it came with. Immutable.
 *
 * <p>A call whose answer was lost on the way, and whose outcome the client then found out by asking
 * another operation (see {@link #isReconciled()}), returns that operation's status and headers.
 *
 * @param <T> the type of the value
 */
public final class Response<T> {

  private final int statusCode;
  private final Map<String, List<String>> headers;
  private final T value;
  private final @Nullable RealtimeKitException lostAnswer;

  /**
   * Creates a response.
   *
   * @param statusCode the HTTP status code
   * @param headers the response headers; names are matched without regard to case
   * @param value the decoded value
   */
  public Response(int statusCode, Map<String, ? extends Collection<String>> headers, T value) {
    this.statusCode = statusCode;
    this.headers = copyOf(Objects.requireNonNull(headers, "headers"));
    this.value = Objects.requireNonNull(value, "value");
    this.lostAnswer = null;
  }

  private Response(int statusCode, Map<String, List<String>> headers, T value, boolean trusted) {
    this.statusCode = statusCode;
    this.headers = headers;
    this.value = Objects.requireNonNull(value, "value");
    this.lostAnswer = null;
  }

  /** A response over headers that are already an immutable, case-insensitive map, not copied again. */
  static <T> Response<T> ofTrusted(int statusCode, Map<String, List<String>> headers, T value) {
    return new Response<>(statusCode, headers, value, true);
  }

  private static Map<String, List<String>> copyOf(Map<String, ? extends Collection<String>> headers) {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    return Collections.unmodifiableMap(copy);
  }

  /** For {@link #withValue}: the status and the headers, already an immutable copy, of another response. */
  private Response(Response<?> from, T value, @Nullable RealtimeKitException lostAnswer) {
    this.statusCode = from.statusCode;
    this.headers = from.headers;
    this.value = value;
    this.lostAnswer = lostAnswer;
  }

  /**
   * Returns the HTTP status code.
   *
   * @return the status code, such as 200
   */
  public int getStatusCode() {
    return statusCode;
  }

  /**
   * Returns all response headers; names are matched without regard to case.
   *
   * @return an immutable map of header names to values
   */
  public Map<String, List<String>> getHeaders() {
    return headers;
  }

  /**
   * Returns the first value of a header.
   *
   * @param name the header name, in any case
   * @return the first value, or empty when the header is absent
   */
  public Optional<String> getHeader(String name) {
    List<String> values = headers.get(Objects.requireNonNull(name, "name"));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * Returns the decoded value.
   *
   * @return the value
   */
  public T getValue() {
    return value;
  }

  /** The same status and headers with another value, such as the envelope's unwrapped data. */
  <U> Response<U> withValue(U other) {
    return new Response<>(this, Objects.requireNonNull(other, "value"), lostAnswer);
  }

  /** This status and these headers, with a value found after the call's own answer was lost. */
  <U> Response<U> reconciled(U other, RealtimeKitException lostAnswer) {
    return new Response<>(this, Objects.requireNonNull(other, "value"), Objects.requireNonNull(lostAnswer, "lostAnswer"));
  }

  /**
   * Tells whether the call's own answer was lost on the way (the connection dropped after the request
   * was sent, the read timed out, or the server answered 500, 502 or 504) and the value was then found
   * by asking the API what the call had done: for a start, the meeting's active recording, invoked
   * since the call began. The status and headers are then those of that question's answer.
   *
   * @return true when the value was found after a lost answer
   */
  public boolean isReconciled() {
    return lostAnswer != null;
  }

  /**
   * Returns how the call's own answer was lost, when the value was {@linkplain #isReconciled() reconciled}.
   *
   * @return the failure of the call's last attempt, or empty when the call answered itself
   */
  public Optional<RealtimeKitException> getLostAnswer() {
    return Optional.ofNullable(lostAnswer);
  }

  /**
   * Returns the status, the header names and the value; header values are left out.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "Response{statusCode=" + statusCode + ", headers=" + headers.keySet() + ", value=" + value
        + (lostAnswer != null ? ", reconciled" : "") + "}";
  }
}
