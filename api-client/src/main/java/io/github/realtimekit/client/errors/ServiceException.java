package io.github.realtimekit.client.errors;

import org.jspecify.annotations.Nullable;

import io.github.realtimekit.model.ErrorDetail;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The API answered with a status other than 2xx. Subclasses name the common statuses; the API's
 * own errors are read from either of its envelopes, and any other body is kept as a short excerpt.
 * Everything the server sent is cleaned of the API token and of control characters.
 */
public class ServiceException extends RealtimeKitException {

  private static final long serialVersionUID = 2L;

  private final int statusCode;
  private final TreeMap<String, List<String>> headers;
  /** Not serialised: the model types are not serialisable; the message keeps their text. */
  private final transient List<ErrorDetail> errors;
  private final String bodyExcerpt;

  /**
   * Creates an exception.
   *
   * @param operation the operation that failed
   * @param statusCode the HTTP status
   * @param headers the response headers
   * @param errors the errors the body lists; empty when it lists none
   * @param bodyExcerpt the start of the body when it is not one of the API's envelopes, else empty
   */
  public ServiceException(String operation, int statusCode, Map<String, ? extends Collection<String>> headers,
      List<ErrorDetail> errors, @Nullable String bodyExcerpt) {
    super(operation, message(operation, statusCode, headers, errors, bodyExcerpt), null);
    this.statusCode = statusCode;
    this.headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> this.headers.put(name, List.copyOf(values)));
    this.errors = List.copyOf(errors);
    this.bodyExcerpt = bodyExcerpt == null ? "" : bodyExcerpt;
  }

  /**
   * Returns the HTTP status.
   *
   * @return the status code, such as 404
   */
  public int getStatusCode() {
    return statusCode;
  }

  /**
   * Returns the response headers; names are matched without regard to case.
   *
   * @return an immutable map of header names to values
   */
  public Map<String, List<String>> getHeaders() {
    return Collections.unmodifiableMap(headers);
  }

  /**
   * Returns the first value of a response header.
   *
   * @param name the header name, in any case
   * @return the value, or empty when absent
   */
  public Optional<String> getHeader(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * Returns Cloudflare's id of the request, from the {@code cf-ray} header, to quote to support.
   *
   * @return the ray id, or empty when the response had none
   */
  public Optional<String> getRequestId() {
    return getHeader("cf-ray");
  }

  /**
   * Returns the errors the API reported, from either envelope: Cloudflare's {@code errors} array or
   * RealtimeKit's single {@code error}.
   *
   * @return the errors; empty when the body was not one of the envelopes (or after this exception
   *     was deserialised: its message keeps their text)
   */
  public List<ErrorDetail> getErrors() {
    return errors == null ? List.of() : errors;
  }

  /**
   * Returns the start of a body that was not one of the API's envelopes, such as a proxy's HTML page.
   *
   * @return at most a few hundred characters on one line, or empty when the body was an envelope or empty
   */
  public Optional<String> getBodyExcerpt() {
    return bodyExcerpt.isEmpty() ? Optional.empty() : Optional.of(bodyExcerpt);
  }

  private static String message(String operation, int status, Map<String, ? extends Collection<String>> headers,
      List<ErrorDetail> errors, String excerpt) {
    StringBuilder m = new StringBuilder("HTTP ").append(status).append(" from ").append(operation);
    if (!errors.isEmpty()) {
      m.append(": ").append(errors.stream().map(ServiceException::describe).collect(Collectors.joining("; ")));
    } else if (excerpt != null && !excerpt.isEmpty()) {
      m.append(": ").append(excerpt);
    }
    headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase("cf-ray") && !e.getValue().isEmpty())
        .findFirst()
        .ifPresent(e -> m.append(" [cf-ray ").append(e.getValue().iterator().next()).append(']'));
    return m.toString();
  }

  private static String describe(ErrorDetail e) {
    String text = e.getMessage() == null ? "(no message)" : e.getMessage();
    return e.getCode() == null ? text : text + " (code " + e.getCode() + ")";
  }
}
