package io.github.realtimekit.client.errors;

import org.jspecify.annotations.Nullable;

import io.github.realtimekit.model.ErrorDetail;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** HTTP 401: the API token is missing, invalid or expired. */
public class UnauthorizedException extends ServiceException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param operation the operation that failed
   * @param statusCode the HTTP status
   * @param headers the response headers
   * @param errors the errors the body lists
   * @param bodyExcerpt the start of a body that is not an envelope, else empty
   */
  public UnauthorizedException(String operation, int statusCode, Map<String, ? extends Collection<String>> headers,
      List<ErrorDetail> errors, @Nullable String bodyExcerpt) {
    super(operation, statusCode, headers, errors, bodyExcerpt);
  }
}
