package io.github.realtimekit.client.errors;

import io.github.realtimekit.model.ErrorDetail;
import java.util.Collections;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The API answered with a status other than 2xx. Subclasses name the common statuses; the API's
 * own errors are read from either of its envelopes, and any other body is kept as a short excerpt.
 */
public class ServiceException extends RealtimeKitException {

  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final transient Map<String, List<String>> headers;
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
      List<ErrorDetail> errors, String bodyExcerpt) {
    super(operation, message(operation, statusCode, headers, errors, bodyExcerpt), null);
    this.statusCode = statusCode;
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    this.headers = Collections.unmodifiableMap(copy);
    this.errors = List.copyOf(errors);
    this.bodyExcerpt = bodyExcerpt == null ? "" : bodyExcerpt;
  }

  /**
   * Returns the HTTP status.
   *
   * @return the status code, such as 404
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Returns the response headers; names are matched without regard to case.
   *
   * @return an immutable map of header names to values
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * Returns the first value of a response header.
   *
   * @param name the header name, in any case
   * @return the value, or empty when absent
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * Returns Cloudflare's id of the request, from the {@code cf-ray} header, to quote to support.
   *
   * @return the ray id, or empty when the response had none
   */
  public Optional<String> requestId() {
    return header("cf-ray");
  }

  /**
   * Returns the errors the API reported, from either envelope: Cloudflare's {@code errors} array or
   * RealtimeKit's single {@code error}.
   *
   * @return the errors; empty when the body was not one of the envelopes
   */
  public List<ErrorDetail> errors() {
    return errors;
  }

  /**
   * Returns the start of a body that was not one of the API's envelopes, such as a proxy's HTML page.
   *
   * @return at most a few hundred characters, or empty
   */
  public String bodyExcerpt() {
    return bodyExcerpt;
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
