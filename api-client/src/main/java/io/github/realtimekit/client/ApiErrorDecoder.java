package io.github.realtimekit.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.RetryableException;
import feign.codec.ErrorDecoder;
import io.github.realtimekit.client.errors.ServiceException;
import io.github.realtimekit.model.ErrorDetail;
import io.github.realtimekit.model.ErrorEnvelope;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads a response outside 2xx into a {@link ServiceException}: the API's errors from either envelope,
 * or an excerpt of any other body. Retryable statuses are handed to the retryer with the time the
 * server asked to wait.
 */
final class ApiErrorDecoder implements ErrorDecoder {

  /** An error body is read up to this size; the API's envelopes are far smaller. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  private final ObjectMapper mapper;

  ApiErrorDecoder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    String operation = ErrorMapping.operation(methodKey);
    byte[] body = readBounded(response);
    List<ErrorDetail> errors = parseErrors(body);
    ServiceException error = ErrorMapping.serviceException(operation, response.status(), response.headers(),
        errors, errors.isEmpty() ? ErrorMapping.excerpt(body) : "");
    if (!RetryPolicy.isRetryable(response.status())) {
      return error;
    }
    Long retryAfter = RetryPolicy.retryAfterEpochMillis(response.headers(), System.currentTimeMillis());
    return new RetryableException(response.status(), error.getMessage(), response.request().httpMethod(), error,
        retryAfter, response.request());
  }

  /** The errors of Cloudflare's v4 envelope ({@code errors[]}) or RealtimeKit's ({@code error}). */
  private List<ErrorDetail> parseErrors(byte[] body) {
    if (body.length == 0) {
      return List.of();
    }
    try {
      ErrorEnvelope envelope = mapper.readValue(body, ErrorEnvelope.class);
      if (envelope == null) {
        return List.of();
      }
      if (envelope.getErrors() != null && !envelope.getErrors().isEmpty()) {
        return envelope.getErrors();
      }
      return envelope.getError() == null ? List.of() : List.of(envelope.getError());
    } catch (IOException | RuntimeException notAnEnvelope) {
      return List.of();
    }
  }

  private static byte[] readBounded(Response response) {
    if (response.body() == null) {
      return new byte[0];
    }
    try (InputStream in = response.body().asInputStream()) {
      return in.readNBytes(MAX_BODY_BYTES);
    } catch (IOException unreadable) {
      return new byte[0];
    }
  }
}
